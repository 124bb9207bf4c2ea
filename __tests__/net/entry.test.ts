import { parseAddress, parseCidr, parseEntry } from '../../src/net/index.js';

describe('parseEntry: accepted forms', () => {
  const accepted: [string, string, 'address' | 'cidr' | 'range', 4 | 6, boolean][] = [
    // text, canonical, form, version, hostBitsSet
    ['192.0.2.7', '192.0.2.7/32', 'address', 4, false],
    ['0.0.0.0', '0.0.0.0/32', 'address', 4, false],
    ['255.255.255.255', '255.255.255.255/32', 'address', 4, false],
    ['192.0.2.0/24', '192.0.2.0/24', 'cidr', 4, false],
    ['192.0.2.5/24', '192.0.2.0/24', 'cidr', 4, true],
    ['198.51.100.0/0', '0.0.0.0/0', 'cidr', 4, true],
    ['0.0.0.0/0', '0.0.0.0/0', 'cidr', 4, false],
    ['203.0.113.9/32', '203.0.113.9/32', 'cidr', 4, false],
    ['2001:db8::1', '2001:db8::1/128', 'address', 6, false],
    ['2001:DB8::ABCD', '2001:db8::abcd/128', 'address', 6, false],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1/128', 'address', 6, false],
    ['2001:db8::/32', '2001:db8::/32', 'cidr', 6, false],
    ['2001:db8::1/64', '2001:db8::/64', 'cidr', 6, true],
    ['::/0', '::/0', 'cidr', 6, false],
    ['::', '::/128', 'address', 6, false],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1/128', 'address', 6, false],
    ['::ffff:192.0.2.0/120', '::ffff:192.0.2.0/120', 'cidr', 6, false],
    ['2001:db8::192.0.2.1', '2001:db8::c000:201/128', 'address', 6, false],
    ['192.0.2.1-192.0.2.9', '192.0.2.1-192.0.2.9', 'range', 4, false],
    ['192.0.2.9-192.0.2.9', '192.0.2.9-192.0.2.9', 'range', 4, false],
    ['2001:DB8::1-2001:db8::ff', '2001:db8::1-2001:db8::ff', 'range', 6, false]
  ];

  it.each(accepted)('%s -> %s', (text, canonical, form, version, hostBitsSet) => {
    const result = parseEntry(text);
    if (!result.ok) throw new Error(`rejected: ${result.reason}`);
    expect(result.entry).toMatchObject({ canonical, form, version, hostBitsSet });
    expect(result.entry.range.version).toBe(version);
  });

  it('gives the range and the normalised block of a CIDR with host bits', () => {
    const result = parseEntry('192.0.2.130/25');
    expect(result).toEqual({
      ok: true,
      entry: {
        form: 'cidr',
        version: 4,
        range: { version: 4, first: 0xc0000280n, last: 0xc00002ffn },
        cidr: { version: 4, base: 0xc0000280n, prefix: 25 },
        hostBitsSet: true,
        canonical: '192.0.2.128/25'
      }
    });
  });

  it('gives an address as a /32 or /128 block', () => {
    const v4 = parseEntry('203.0.113.9');
    const v6 = parseEntry('2001:db8::9');
    expect(v4.ok && v4.entry.cidr).toEqual({ version: 4, base: 0xcb007109n, prefix: 32 });
    expect(v6.ok && v6.entry.cidr).toEqual({ version: 6, base: 0x20010db8000000000000000000000009n, prefix: 128 });
    expect(v6.ok && v6.entry.range).toEqual({
      version: 6,
      first: 0x20010db8000000000000000000000009n,
      last: 0x20010db8000000000000000000000009n
    });
  });

  it('gives a range without a block', () => {
    const result = parseEntry('198.51.100.10-198.51.100.20');
    if (!result.ok) throw new Error(result.reason);
    expect(result.entry.cidr).toBeUndefined();
    expect(result.entry.range).toEqual({ version: 4, first: 0xc633640an, last: 0xc6336414n });
  });
});

describe('parseEntry: rejections', () => {
  const rejected: [string, RegExp][] = [
    ['', /empty entry/],
    [' 192.0.2.1', /whitespace/],
    ['192.0.2.1 ', /whitespace/],
    ['192.0.2.0/ 24', /whitespace/],
    ['192.0.2. 1', /whitespace/],
    ['192.0.2.1\t', /whitespace/],
    ['010.0.0.1', /part "010" has a leading zero/],
    ['192.0.2.01', /part "01" has a leading zero/],
    ['192.0.2', /4 dot-separated decimal parts, "192.0.2" has 3/],
    ['192.0', /has 2/],
    ['192', /has 1/],
    ['192.0.2.1.5', /has 5/],
    ['192.0.2.256', /part "256" is greater than 255/],
    ['192.0.2.1000', /part "1000" is greater than 255/],
    ['192.0.2.', /empty part/],
    ['192..2.1', /empty part/],
    ['192.0.2.x', /part "x" is not a decimal number/],
    ['192.0.2.+1', /part "\+1" is not a decimal number/],
    ['192.0.2.*', /wildcard "\*" parts are not supported; write 192\.0\.2\.0\/24$/],
    ['198.51.*.*', /wildcard "\*" parts are not supported; write 198\.51\.0\.0\/16$/],
    ['*.*.*.*', /^wildcard "\*" parts are not supported$/],
    ['192.*.2.1', /^wildcard "\*" parts are not supported$/],
    ['192.0.2.0/33', /prefix length \/33 is out of range for IPv4 \(0-32\)/],
    ['2001:db8::/129', /prefix length \/129 is out of range for IPv6 \(0-128\)/],
    ['192.0.2.0/99999999999999999999', /out of range for IPv4/],
    ['192.0.2.0/-1', /prefix length "-1" is not a decimal number/],
    ['192.0.2.0/024', /prefix length "024" has a leading zero/],
    ['192.0.2.0/00', /prefix length "00" has a leading zero/],
    ['192.0.2.0/', /missing prefix length/],
    ['192.0.2.0/24/24', /more than one "\/"/],
    ['192.0.2.0/2x', /prefix length "2x" is not a decimal number/],
    ['fe80::1%eth0', /zone/],
    ['2001:db8::1%1/64', /zone/],
    ['2001:db8::1::2', /"::" only once/],
    [':::', /empty group/],
    [':2001:db8::1', /empty group/],
    ['2001:db8::1:', /empty group/],
    ['2001:db8:1:2:3:4:5', /must have 8 groups, "2001:db8:1:2:3:4:5" has 7/],
    ['2001:db8:1:2:3:4:5:6:7', /has 9/],
    ['2001:db8:1:2:3:4:5:6::', /at least one zero group/],
    ['2001:db8::12345', /group "12345" has more than 4 hex digits/],
    ['2001:db8::g', /group "g" is not hexadecimal/],
    ['2001:db8::192.0.2.1:1', /embedded IPv4 address must be the last part/],
    ['192.0.2.1::', /embedded IPv4 address must be the last part/],
    ['::ffff:192.0.2.010', /embedded IPv4 part "010" has a leading zero/],
    ['::ffff:192.0.2', /embedded IPv4 address must have 4/],
    ['garbage', /"garbage" is not an IPv4 or IPv6 address/],
    ['/24', /empty address/],
    ['192.0.2.9-192.0.2.1', /range start 192\.0\.2\.9 is after its end 192\.0\.2\.1/],
    ['2001:db8::9-2001:db8::1', /range start 2001:db8::9 is after its end 2001:db8::1/],
    ['192.0.2.1-2001:db8::1', /range mixes IPv4 and IPv6/],
    ['2001:db8::1-192.0.2.1', /range mixes IPv6 and IPv4/],
    ['192.0.2.0/24-192.0.2.255', /plain addresses, not CIDR blocks/],
    ['192.0.2.1-192.0.2.5-192.0.2.9', /two addresses joined by one "-"/],
    ['192.0.2.01-192.0.2.9', /range start: IPv4 part "01" has a leading zero/],
    ['192.0.2.1-192.0.2', /range end: IPv4 address must have 4/],
    ['-192.0.2.1', /range start: empty address/]
  ];

  it.each(rejected)('%j is rejected: %s', (text, reason) => {
    const result = parseEntry(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('parseCidr', () => {
  it('accepts addresses and blocks', () => {
    expect(parseCidr('192.0.2.1')).toMatchObject({ ok: true, entry: { form: 'address', canonical: '192.0.2.1/32' } });
    expect(parseCidr('2001:db8::/48')).toMatchObject({ ok: true, entry: { form: 'cidr', canonical: '2001:db8::/48' } });
  });

  it('rejects ranges and everything parseEntry rejects', () => {
    expect(parseCidr('192.0.2.1-192.0.2.9')).toEqual({
      ok: false,
      reason: 'expected an address or a CIDR block, not a range'
    });
    expect(parseCidr('192.0.2.0/33')).toMatchObject({ ok: false });
    expect(parseCidr('')).toMatchObject({ ok: false, reason: 'empty entry' });
  });
});

describe('parseAddress', () => {
  it('parses bare addresses of both versions', () => {
    expect(parseAddress('198.51.100.1')).toEqual({ ok: true, version: 4, value: 0xc6336401n });
    expect(parseAddress('2001:db8::1')).toEqual({ ok: true, version: 6, value: 0x20010db8000000000000000000000001n });
  });

  it('rejects a prefix', () => {
    expect(parseAddress('192.0.2.0/24')).toMatchObject({ ok: false });
  });
});
