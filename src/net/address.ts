/**
 * IP addresses as plain values: a version and a non-negative bigint. Parsing is strict in the manner of Go's
 * net/netip: no leading zeros, no short IPv4 forms, no zones. IPv6 text may end in an embedded dotted quad
 * (RFC 4291 §2.2 form 3, e.g. `::ffff:192.0.2.1`); such an address stays an IPv6 address, because whitelists of
 * the products treat the two families separately and silently unmapping would change what an entry allows.
 */

export type IpVersion = 4 | 6;

/** Number of bits in an address of the version. */
export function addressBits(version: IpVersion): 32 | 128 {
  return version === 4 ? 32 : 128;
}

const MAX_V4 = 0xffffffffn;
const MAX_V6 = (1n << 128n) - 1n;

/** The highest address of the version (all bits set). */
export function maxAddress(version: IpVersion): bigint {
  return version === 4 ? MAX_V4 : MAX_V6;
}

export type AddressParseResult = { ok: true; version: IpVersion; value: bigint } | { ok: false; reason: string };

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const WHITESPACE = /\s/;
const DECIMAL = /^[0-9]+$/;
const HEX_GROUP = /^[0-9a-fA-F]+$/;

/** Parses one IPv4 or IPv6 address (no prefix, no zone). */
export function parseAddress(text: string): AddressParseResult {
  const colon = text.indexOf(':');
  if (colon < 0) {
    const v4 = scanIPv4(text, 0, text.length);
    if (v4 >= 0) return { ok: true, version: 4, value: BigInt(v4) };
  } else {
    const v6 = scanIPv6(text, 0, text.length);
    if (v6 !== undefined) return { ok: true, version: 6, value: v6 };
  }
  return parseAddressDetailed(text);
}

/**
 * The reference parser: slower, and it says why an address is rejected. The scanners below accept a subset of
 * what it accepts, with the same values (a property test holds them to that), and defer everything else to it.
 */
export function parseAddressDetailed(text: string): AddressParseResult {
  if (text === '') return { ok: false, reason: 'empty address' };
  if (WHITESPACE.test(text)) return { ok: false, reason: 'address contains whitespace' };
  if (text.includes(':')) {
    const v6 = parseIPv6(text);
    return v6.ok ? { ok: true, version: 6, value: v6.value } : v6;
  }
  if (text.includes('.') || DECIMAL.test(text)) {
    const v4 = parseIPv4(text);
    return v4.ok ? { ok: true, version: 4, value: BigInt(v4.value) } : v4;
  }
  return { ok: false, reason: `"${text}" is not an IPv4 or IPv6 address` };
}

/** Fast path: `text[start, end)` as a plain dotted quad, or -1 when anything is unusual. */
export function scanIPv4(text: string, start: number, end: number): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return -1; // leading zero
      part = part * 10 + (c - 48);
      if (part > 255) return -1;
      digits++;
    } else if (c === 46 && digits > 0 && dots < 3) {
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else {
      return -1;
    }
  }
  return digits > 0 && dots === 3 ? value * 256 + part : -1;
}

// Scratch space of the IPv6 scanner (synchronous, so never shared between calls in flight).
const scratchWords = [0, 0, 0, 0, 0, 0, 0, 0];

/** Fast path: `text[start, end)` as IPv6 hex groups with at most one "::", or undefined when anything is unusual. */
export function scanIPv6(text: string, start: number, end: number): bigint | undefined {
  let count = 0;
  let gap = -1;
  let group = 0;
  let digits = 0;
  let i = start;
  if (end - start >= 2 && text.charCodeAt(i) === 58 && text.charCodeAt(i + 1) === 58) {
    gap = 0;
    i += 2;
  }
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (digit >= 0) {
      if (++digits > 4) return undefined;
      group = group * 16 + digit;
      continue;
    }
    if (c !== 58 || digits === 0 || count === 8) return undefined;
    scratchWords[count++] = group;
    group = 0;
    digits = 0;
    if (i + 1 < end && text.charCodeAt(i + 1) === 58) {
      if (gap >= 0) return undefined;
      gap = count;
      i++;
    }
  }
  if (digits > 0) {
    if (count === 8) return undefined;
    scratchWords[count++] = group;
  } else if (!(gap === count && end - start >= 2 && text.charCodeAt(end - 1) === 58)) {
    return undefined; // a trailing single ":"
  }
  if (gap < 0 ? count !== 8 : count > 7) return undefined;
  if (gap >= 0) {
    const zeros = 8 - count;
    for (let k = count - 1; k >= gap; k--) scratchWords[k + zeros] = scratchWords[k] as number;
    for (let k = gap; k < gap + zeros; k++) scratchWords[k] = 0;
  }
  return wordsToBigint(scratchWords);
}

function wordsToBigint(w: readonly number[]): bigint {
  return (pair(w, 0) << 96n) | (pair(w, 2) << 64n) | (pair(w, 4) << 32n) | pair(w, 6);
}

function pair(w: readonly number[], k: number): bigint {
  return BigInt((w[k] as number) * 0x10000 + (w[k + 1] as number));
}

/** IPv4 in four-part dotted decimal only; the value is a number (exact: below 2^32). */
function parseIPv4(text: string): Parsed<number> {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return {
      ok: false,
      reason: `IPv4 address must have 4 dot-separated decimal parts, "${text}" has ${parts.length}`
    };
  }
  const wildcard = wildcardHint(parts);
  if (wildcard) return { ok: false, reason: wildcard };
  let value = 0;
  for (const part of parts) {
    if (part === '') return { ok: false, reason: `IPv4 address "${text}" has an empty part` };
    if (!DECIMAL.test(part)) return { ok: false, reason: `IPv4 part "${part}" is not a decimal number` };
    if (part.length > 1 && part.startsWith('0')) {
      // Some tools read a leading zero as octal (010 = 8), others as decimal: the entry is ambiguous.
      return { ok: false, reason: `IPv4 part "${part}" has a leading zero` };
    }
    if (part.length > 3 || Number(part) > 255) {
      return { ok: false, reason: `IPv4 part "${part}" is greater than 255` };
    }
    value = value * 256 + Number(part);
  }
  return { ok: true, value };
}

/** `192.0.2.*` (PolarDB-X 1.0 syntax) is not an entry form here; name the CIDR that says the same. */
function wildcardHint(parts: readonly string[]): string | undefined {
  const firstStar = parts.indexOf('*');
  if (firstStar < 0) return undefined;
  const fixed = parts.slice(0, firstStar);
  const valid =
    firstStar > 0 &&
    parts.slice(firstStar).every((p) => p === '*') &&
    fixed.every((p) => DECIMAL.test(p) && (p === '0' || !p.startsWith('0')) && Number(p) <= 255);
  const hint = valid
    ? `; write ${[...fixed, ...parts.slice(firstStar).map(() => '0')].join('.')}/${8 * firstStar}`
    : '';
  return `wildcard "*" parts are not supported${hint}`;
}

function parseIPv6(text: string): Parsed<bigint> {
  if (text.includes('%')) {
    return { ok: false, reason: 'IPv6 zone index ("%" suffix) is not allowed: a zone is local to one host' };
  }
  const halves = text.split('::');
  if (halves.length > 2) return { ok: false, reason: 'IPv6 address may contain "::" only once' };
  const hasEllipsis = halves.length === 2;
  const headText = halves[0] ?? '';
  const tailText = hasEllipsis ? (halves[1] ?? '') : '';
  const head = headText === '' ? (hasEllipsis ? [] : ['']) : headText.split(':');
  const tail = tailText === '' ? [] : tailText.split(':');
  // Only the final group of the whole text may be a dotted quad: the head's last group is final only without "::".
  const headWords = parseGroups(head, !hasEllipsis);
  if (!headWords.ok) return headWords;
  const tailWords = parseGroups(tail, true);
  if (!tailWords.ok) return tailWords;

  const count = headWords.value.length + tailWords.value.length;
  let words: number[];
  if (hasEllipsis) {
    if (count > 7) {
      return { ok: false, reason: 'IPv6 "::" must stand for at least one zero group, but 8 groups are already given' };
    }
    words = [...headWords.value, ...new Array<number>(8 - count).fill(0), ...tailWords.value];
  } else {
    if (count !== 8) {
      return { ok: false, reason: `IPv6 address without "::" must have 8 groups, "${text}" has ${count}` };
    }
    words = headWords.value;
  }
  return { ok: true, value: wordsToBigint(words) };
}

/** Parses colon-separated hex groups into 16-bit words; with `endsAddress`, the last group may be a dotted quad. */
function parseGroups(groups: string[], endsAddress: boolean): Parsed<number[]> {
  const words: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] as string;
    if (group.includes('.')) {
      if (i !== groups.length - 1 || !endsAddress) {
        return { ok: false, reason: 'an embedded IPv4 address must be the last part of an IPv6 address' };
      }
      const v4 = parseIPv4(group);
      if (!v4.ok) return { ok: false, reason: `embedded ${v4.reason}` };
      words.push(Math.floor(v4.value / 0x10000), v4.value % 0x10000);
      continue;
    }
    if (group === '') return { ok: false, reason: 'IPv6 address has an empty group (a stray ":")' };
    if (!HEX_GROUP.test(group)) return { ok: false, reason: `IPv6 group "${group}" is not hexadecimal` };
    if (group.length > 4) return { ok: false, reason: `IPv6 group "${group}" has more than 4 hex digits` };
    words.push(parseInt(group, 16));
  }
  return { ok: true, value: words };
}

/**
 * Canonical text of an address. IPv6 follows RFC 5952: lowercase, no leading zeros, the longest run of two or
 * more zero groups (the first one on a tie) compressed to "::", and IPv4-mapped addresses as `::ffff:a.b.c.d`.
 */
export function formatAddress(version: IpVersion, value: bigint): string {
  if (value < 0n || value > maxAddress(version)) {
    throw new RangeError(`value ${value} is not an IPv${version} address`);
  }
  if (version === 4) return formatIPv4(Number(value));
  if (value >> 32n === 0xffffn) return `::ffff:${formatIPv4(Number(value & MAX_V4))}`;
  const words: number[] = [];
  for (let shift = 96n; shift >= 0n; shift -= 32n) {
    const chunk = Number((value >> shift) & MAX_V4);
    words.push(Math.floor(chunk / 0x10000), chunk % 0x10000);
  }

  let bestStart = -1;
  let bestLength = 1; // a single zero group is never compressed (RFC 5952 §4.2.2)
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return hexGroups(words, 0, 8);
  return `${hexGroups(words, 0, bestStart)}::${hexGroups(words, bestStart + bestLength, 8)}`;
}

function hexGroups(words: readonly number[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += (i > from ? ':' : '') + (words[i] as number).toString(16);
  return out;
}

function formatIPv4(value: number): string {
  return `${value >>> 24}.${(value >>> 16) & 0xff}.${(value >>> 8) & 0xff}.${value & 0xff}`;
}
