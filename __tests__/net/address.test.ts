import { formatAddress, formatCidr, parseAddress } from '../../src/net/index.js';

function v6(text: string): bigint {
  const parsed = parseAddress(text);
  if (!parsed.ok || parsed.version !== 6) throw new Error(`not an IPv6 address: ${text}`);
  return parsed.value;
}

describe('formatAddress', () => {
  it.each([
    [0xc0000207n, '192.0.2.7'],
    [0n, '0.0.0.0'],
    [0xffffffffn, '255.255.255.255']
  ])('IPv4 %s -> %s', (value, text) => {
    expect(formatAddress(4, value)).toBe(text);
  });

  // RFC 5952 §4: lowercase, no leading zeros, longest zero run compressed (first on a tie), never one group.
  it.each([
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:0:0:1:0:0', '2001:db8::1:0:0'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:db8:1:1:1:1:1:0', '2001:db8:1:1:1:1:1:0'],
    ['2001:db8:0000:1:0:0:0:1', '2001:db8:0:1::1'],
    ['2001:db8::0:1', '2001:db8::1'],
    ['2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa'],
    ['2001:DB8:0:0:0:0:0:0', '2001:db8::'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['0:0:2001:db8:0:0:0:0', '0:0:2001:db8::'],
    ['::ffff:c000:201', '::ffff:192.0.2.1'],
    ['::c000:201', '::c000:201']
  ])('IPv6 %s -> %s', (input, text) => {
    expect(formatAddress(6, v6(input))).toBe(text);
  });

  it('round-trips through parseAddress', () => {
    for (const text of ['2001:db8::1:0:0:1', '2001:db8:0:1::1', '::ffff:203.0.113.1', '198.51.100.255']) {
      const parsed = parseAddress(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(formatAddress(parsed.version, parsed.value)).toBe(text);
    }
  });

  it('refuses values outside the address space', () => {
    expect(() => formatAddress(4, 1n << 32n)).toThrow(RangeError);
    expect(() => formatAddress(6, -1n)).toThrow(RangeError);
  });
});

describe('formatCidr', () => {
  it('joins the canonical base and the prefix', () => {
    expect(formatCidr({ version: 4, base: 0xc6336400n, prefix: 24 })).toBe('198.51.100.0/24');
    expect(formatCidr({ version: 6, base: v6('2001:db8::'), prefix: 32 })).toBe('2001:db8::/32');
  });
});
