/** Whitelist entries as written: an address, a CIDR block, or an `a-b` range, parsed strictly. */
import { addressBits, formatAddress, parseAddress, scanIPv4, scanIPv6 } from './address.js';
import type { IpVersion } from './address.js';
import { cidrToRange, formatCidr, formatRange, hostMask } from './cidr.js';
import type { Cidr, IpRange } from './cidr.js';

export type EntryForm = 'address' | 'cidr' | 'range';

export interface ParsedEntry {
  readonly form: EntryForm;
  readonly version: IpVersion;
  readonly range: IpRange;
  /** For 'address' (as /32 or /128) and 'cidr' (normalised); absent for 'range'. */
  readonly cidr?: Cidr;
  /** `10.0.0.5/24`: the entry was normalised to its block. */
  readonly hostBitsSet: boolean;
  /** `192.0.2.7/32`, `192.0.2.0/24`, `2001:db8::/64`; for ranges `first-last`. */
  readonly canonical: string;
}

export type ParseResult = { ok: true; entry: ParsedEntry } | { ok: false; reason: string };

const WHITESPACE = /\s/;
const DECIMAL = /^[0-9]+$/;

/** Parses an address, a CIDR block, or a range `a-b` of one family with a <= b. */
export function parseEntry(text: string): ParseResult {
  return scanBlock(text) ?? parseEntryDetailed(text);
}

/** Parses an address or a CIDR block only (ranges are rejected). */
export function parseCidr(text: string): ParseResult {
  return scanBlock(text) ?? parseCidrDetailed(text);
}

/**
 * Fast path for the common well-formed address or block; undefined for anything else, which the detailed parser
 * then handles (and explains when it rejects). Both must agree on what they accept: a property test checks it.
 */
function scanBlock(text: string): ParseResult | undefined {
  const slash = text.indexOf('/');
  const end = slash < 0 ? text.length : slash;
  let version: IpVersion;
  let value: bigint;
  const colon = text.indexOf(':');
  if (colon >= 0 && colon < end) {
    const v6 = scanIPv6(text, 0, end);
    if (v6 === undefined) return undefined;
    version = 6;
    value = v6;
  } else {
    const v4 = scanIPv4(text, 0, end);
    if (v4 < 0) return undefined;
    version = 4;
    value = BigInt(v4);
  }
  const bits = addressBits(version);
  if (slash < 0) return entry('address', version, Object.freeze({ version, base: value, prefix: bits }), false);
  let prefix = 0;
  const digits = text.length - slash - 1;
  if (digits < 1 || digits > 3 || (digits > 1 && text.charCodeAt(slash + 1) === 48)) return undefined;
  for (let i = slash + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    prefix = prefix * 10 + (c - 48);
  }
  if (prefix > bits) return undefined;
  const mask = hostMask(version, prefix);
  return entry('cidr', version, Object.freeze({ version, base: value & ~mask, prefix }), (value & mask) !== 0n);
}

/** The reference parser of entries: every rejection comes with its reason. */
export function parseEntryDetailed(text: string): ParseResult {
  const precheck = checkShape(text);
  if (precheck) return { ok: false, reason: precheck };
  if (looksLikeRange(text)) return parseRange(text);
  return parseBlock(text);
}

/** The reference parser of addresses and blocks. */
export function parseCidrDetailed(text: string): ParseResult {
  const precheck = checkShape(text);
  if (precheck) return { ok: false, reason: precheck };
  if (looksLikeRange(text)) return { ok: false, reason: 'expected an address or a CIDR block, not a range' };
  return parseBlock(text);
}

/** A "-" followed by address text; `192.0.2.0/-1` is a bad prefix, not a range. */
function looksLikeRange(text: string): boolean {
  const dash = text.indexOf('-');
  return dash >= 0 && /[.:]/.test(text.slice(dash + 1));
}

function checkShape(text: string): string | undefined {
  if (text === '') return 'empty entry';
  if (WHITESPACE.test(text)) return 'entry contains whitespace';
  return undefined;
}

function parseBlock(text: string): ParseResult {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const address = parseAddress(addressText);
  if (!address.ok) return address;
  const { version, value } = address;
  const bits = addressBits(version);

  if (slash < 0) {
    const cidr: Cidr = Object.freeze({ version, base: value, prefix: bits });
    return entry('address', version, cidr, false);
  }
  const prefixText = text.slice(slash + 1);
  if (prefixText.includes('/')) return { ok: false, reason: 'entry has more than one "/"' };
  if (prefixText === '') return { ok: false, reason: 'missing prefix length after "/"' };
  if (!DECIMAL.test(prefixText)) {
    return { ok: false, reason: `prefix length "${prefixText}" is not a decimal number` };
  }
  if (prefixText.length > 1 && prefixText.startsWith('0')) {
    return { ok: false, reason: `prefix length "${prefixText}" has a leading zero` };
  }
  const prefix = prefixText.length > 3 ? Infinity : Number(prefixText);
  if (prefix > bits) {
    return { ok: false, reason: `prefix length /${prefixText} is out of range for IPv${version} (0-${bits})` };
  }
  const mask = hostMask(version, prefix);
  const cidr: Cidr = Object.freeze({ version, base: value & ~mask, prefix });
  return entry('cidr', version, cidr, (value & mask) !== 0n);
}

function entry(form: 'address' | 'cidr', version: IpVersion, cidr: Cidr, hostBitsSet: boolean): ParseResult {
  return {
    ok: true,
    entry: Object.freeze({ form, version, range: cidrToRange(cidr), cidr, hostBitsSet, canonical: formatCidr(cidr) })
  };
}

function parseRange(text: string): ParseResult {
  const parts = text.split('-');
  if (parts.length !== 2) return { ok: false, reason: 'a range must be two addresses joined by one "-"' };
  const [startText, endText] = parts as [string, string];
  if (startText.includes('/') || endText.includes('/')) {
    return { ok: false, reason: 'range ends must be plain addresses, not CIDR blocks' };
  }
  const start = parseAddress(startText);
  if (!start.ok) return { ok: false, reason: `range start: ${start.reason}` };
  const end = parseAddress(endText);
  if (!end.ok) return { ok: false, reason: `range end: ${end.reason}` };
  if (start.version !== end.version) {
    return { ok: false, reason: `range mixes IPv${start.version} and IPv${end.version}` };
  }
  const version = start.version;
  if (start.value > end.value) {
    return {
      ok: false,
      reason: `range start ${formatAddress(version, start.value)} is after its end ${formatAddress(version, end.value)}`
    };
  }
  const range: IpRange = Object.freeze({ version, first: start.value, last: end.value });
  return {
    ok: true,
    entry: Object.freeze({ form: 'range', version, range, hostBitsSet: false, canonical: formatRange(range) })
  };
}

/**
 * Orders entry texts by address, as people read lists (`100.104.38.192/26` before `100.104.189.64/26`, which
 * string order inverts): IPv4 before IPv6, then by first address, then the broader block first; texts that do not
 * parse come after, in string order.
 */
export function compareEntryText(a: string, b: string): number {
  if (a === b) return 0;
  const x = parseEntry(a);
  const y = parseEntry(b);
  if (x.ok && y.ok) {
    const rx = x.entry.range;
    const ry = y.entry.range;
    if (rx.version !== ry.version) return rx.version - ry.version;
    if (rx.first !== ry.first) return rx.first < ry.first ? -1 : 1;
    if (rx.last !== ry.last) return rx.last > ry.last ? -1 : 1;
  } else if (x.ok !== y.ok) return x.ok ? -1 : 1;
  return a < b ? -1 : 1;
}
