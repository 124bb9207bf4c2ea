/**
 * The scanners behind parseEntry and parseCidr are fast paths: they must accept nothing that the detailed
 * reference parsers reject, and give the same values. Random strings over the address alphabet, and random
 * well-formed texts with leading zeros, case and compression variations, hold them to that.
 */
import fc from 'fast-check';
import { parseAddress, parseCidr, parseEntry } from '../../src/net/index.js';
import { parseAddressDetailed } from '../../src/net/address.js';
import { parseCidrDetailed, parseEntryDetailed } from '../../src/net/entry.js';

const alphabet = fc.constantFrom(
  ...'0123456789abcdefABCDEF:./-% '.split(''),
  '::',
  '255',
  '0x',
  '192.0.2.',
  '2001:db8'
);
const noisy = fc.array(alphabet, { maxLength: 24 }).map((parts) => parts.join(''));

/** IPv6 texts of random words, with optional compression, leading zeros, uppercase and a prefix. */
const ipv6Texts = fc
  .tuple(
    fc.array(fc.oneof(fc.constant(0), fc.nat(0xffff)), { minLength: 8, maxLength: 8 }),
    fc.nat(8),
    fc.nat(8),
    fc.boolean(),
    fc.boolean(),
    fc.option(fc.nat(128), { nil: undefined })
  )
  .map(([words, a, b, pad, upper, prefix]) => {
    // Padding to 5 digits makes some texts invalid on purpose (a group has at most 4 hex digits).
    const groups = words.map((w, i) => (pad ? w.toString(16).padStart(i === a ? 5 : 4, '0') : w.toString(16)));
    const [from, to] = a <= b ? [a, b] : [b, a];
    let text =
      to - from >= 1 && words.slice(from, to).every((w) => w === 0)
        ? `${groups.slice(0, from).join(':')}::${groups.slice(to).join(':')}`
        : groups.join(':');
    if (upper) text = text.toUpperCase();
    return prefix === undefined ? text : `${text}/${prefix}`;
  });

/** Dotted quads, some with zero-padded (leading zero) parts or parts above 255, and prefixes up to /40. */
const dottedQuads = fc
  .tuple(
    fc.array(fc.tuple(fc.oneof(fc.nat(255), fc.nat(999)), fc.constantFrom(0, 0, 0, 2, 3)), {
      minLength: 4,
      maxLength: 4
    }),
    fc.option(fc.nat(40), { nil: undefined })
  )
  .map(
    ([parts, prefix]) =>
      parts.map(([value, width]) => String(value).padStart(width, '0')).join('.') +
      (prefix === undefined ? '' : `/${prefix}`)
  );

describe('fast paths agree with the reference parsers', () => {
  it.each([
    ['noisy strings', noisy],
    ['IPv6 texts', ipv6Texts],
    ['IPv4 texts', dottedQuads]
  ])('%s', (_name, texts) => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(parseEntry(text)).toEqual(parseEntryDetailed(text));
        expect(parseCidr(text)).toEqual(parseCidrDetailed(text));
        const address = text.split('/')[0] as string;
        expect(parseAddress(address)).toEqual(parseAddressDetailed(address));
      }),
      { numRuns: 2000 }
    );
  });

  it('accepts the well-formed IPv6 texts it is given', () => {
    fc.assert(
      fc.property(ipv6Texts, (text) => {
        const prefix = text.includes('/') ? Number(text.split('/')[1]) : 128;
        const tooLong = text.split(/[:/]/).some((group) => group.length > 4);
        expect(parseEntry(text).ok).toBe(prefix <= 128 && !tooLong);
      })
    );
  });
});
