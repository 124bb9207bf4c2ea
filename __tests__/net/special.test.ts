import { isOverlyBroad, isPublicRange, parseEntry } from '../../src/net/index.js';
import type { IpRange } from '../../src/net/index.js';

function range(text: string): IpRange {
  const parsed = parseEntry(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.entry.range;
}

describe('isPublicRange', () => {
  it.each([
    ['192.0.2.0/24', false],
    ['198.51.100.7', false],
    ['203.0.113.0/25', false],
    ['2001:db8::/32', false],
    ['2001:db8:1::/48', false],
    ['::ffff:192.0.2.0/120', false],
    // The documentation blocks sit next to public space: a range between them reaches it.
    ['192.0.2.0-198.51.100.255', true],
    ['2001:db8::/31', true],
    ['198.51.100.0/23', true]
  ])('%s -> %s', (text, expected) => {
    expect(isPublicRange(range(text))).toBe(expected);
  });
});

describe('isOverlyBroad', () => {
  it.each([
    ['0.0.0.0/0', true],
    ['::/0', true],
    ['192.0.2.0/0', true],
    // Host bits set: 192.0.2.0/7 normalises to 192.0.0.0/7, wider than a /8 and partly public.
    ['192.0.2.0/7', true],
    ['203.0.113.0/8', false],
    ['2001:db8::/31', true],
    ['2001:db8::/32', false],
    ['192.0.2.0-203.0.113.255', true],
    ['192.0.2.0/24', false],
    ['2001:db8::/48', false]
  ])('%s -> %s', (text, expected) => {
    expect(isOverlyBroad(range(text))).toBe(expected);
  });
});
