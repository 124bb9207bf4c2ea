/** Which SNAT entries a vSwitch's addresses leave through: examples, and a property against a brute force. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { egressRulesFor, splitSnatIps } from '../../src/resolve/online/snat.js';
import type { SnatEntry } from '../../src/resolve/online/schemas.js';

function entry(
  id: string,
  source: { cidr?: string; vswitch?: string },
  ips = '203.0.113.1'
): { entry: SnatEntry; natGatewayId: string } {
  return {
    entry: { SnatEntryId: id, SourceCIDR: source.cidr, SourceVSwitchId: source.vswitch, SnatIp: ips },
    natGatewayId: 'ngw-1'
  };
}

const ids = (rules: { entryId: string }[]): string[] => rules.map((r) => r.entryId);

describe('egressRulesFor', () => {
  it('uses a VPC-wide entry when nothing narrower exists', () => {
    expect(ids(egressRulesFor('vsw-a', '192.0.2.0/26', [entry('vpc', { cidr: '192.0.2.0/24' })]))).toEqual(['vpc']);
  });

  it('lets a per-vSwitch entry override the VPC-wide one', () => {
    const rules = egressRulesFor('vsw-a', '192.0.2.0/26', [
      entry('vpc', { cidr: '192.0.2.0/24' }),
      entry('mine', { vswitch: 'vsw-a' })
    ]);
    expect(ids(rules)).toEqual(['mine']);
  });

  it('ignores the entries of other vSwitches and of disjoint ranges', () => {
    const rules = egressRulesFor('vsw-a', '192.0.2.0/26', [
      entry('other', { vswitch: 'vsw-b' }),
      entry('disjoint', { cidr: '192.0.2.64/26' }),
      entry('vpc', { cidr: '192.0.2.0/24' })
    ]);
    expect(ids(rules)).toEqual(['vpc']);
  });

  it('adds narrower entries inside the vSwitch to the covering one', () => {
    const rules = egressRulesFor('vsw-a', '192.0.2.0/26', [
      entry('vpc', { cidr: '192.0.2.0/24' }),
      entry('host', { cidr: '192.0.2.9/32' })
    ]);
    expect(ids(rules)).toEqual(['vpc', 'host']);
  });

  it('drops the covering entry when narrower entries take every address', () => {
    const rules = egressRulesFor('vsw-a', '192.0.2.0/26', [
      entry('vpc', { cidr: '192.0.2.0/24' }),
      entry('low', { cidr: '192.0.2.0/27' }),
      entry('high', { cidr: '192.0.2.32/27' })
    ]);
    expect(ids(rules)).toEqual(['low', 'high']);
  });

  it('drops a narrower entry hidden under even narrower ones', () => {
    const rules = egressRulesFor('vsw-a', '192.0.2.0/26', [
      entry('half', { cidr: '192.0.2.0/27' }),
      entry('q1', { cidr: '192.0.2.0/28' }),
      entry('q2', { cidr: '192.0.2.16/28' })
    ]);
    expect(ids(rules)).toEqual(['q1', 'q2']);
  });

  it('returns nothing when no entry touches the vSwitch', () => {
    expect(egressRulesFor('vsw-a', '192.0.2.0/26', [entry('x', { cidr: '198.51.100.0/24' })])).toEqual([]);
  });

  it('refuses a source that is not a CIDR block', () => {
    expect(() => egressRulesFor('vsw-a', '192.0.2.0/26', [entry('bad', { cidr: '192.0.2.0/33' })])).toThrow(
      'SNAT entry bad has SourceCIDR "192.0.2.0/33", which is not a CIDR block'
    );
  });
});

describe('splitSnatIps', () => {
  it('splits and trims a comma-separated list', () => {
    expect(splitSnatIps(entry('e', {}, '203.0.113.1, 203.0.113.2,').entry)).toEqual(['203.0.113.1', '203.0.113.2']);
  });

  it('refuses what is not a list of addresses', () => {
    expect(() => splitSnatIps(entry('e', {}, '203.0.113.0/24').entry)).toThrow(
      'SNAT entry e has SnatIp "203.0.113.0/24"'
    );
    expect(() => splitSnatIps(entry('e', {}, ' , ').entry)).toThrow('SNAT entry e has an empty SnatIp');
  });
});

describe('egressRulesFor against a brute force over every address', () => {
  // All inside 192.0.2.0/24: a vSwitch block and entries of random prefixes that nest or are disjoint.
  const block = fc
    .record({ offset: fc.integer({ min: 0, max: 255 }), prefix: fc.integer({ min: 24, max: 32 }) })
    .map(({ offset, prefix }) => {
      const size = 2 ** (32 - prefix);
      const base = Math.floor(offset / size) * size;
      return { base, prefix, size, text: `192.0.2.${base}/${prefix}` };
    });

  it('an entry is returned exactly when it is the longest match for some address of the vSwitch', () => {
    fc.assert(
      fc.property(block, fc.array(block, { maxLength: 8 }), (vswitch, sources) => {
        const entries = sources.map((s, i) => entry(`e${i}`, { cidr: s.text }));
        const expected = new Set<string>();
        for (let a = vswitch.base; a < vswitch.base + vswitch.size; a++) {
          const containing = sources.map((s, i) => ({ s, i })).filter(({ s }) => a >= s.base && a < s.base + s.size);
          if (containing.length === 0) continue;
          const longest = Math.max(...containing.map(({ s }) => s.prefix));
          for (const { s, i } of containing) if (s.prefix === longest) expected.add(`e${i}`);
        }
        const actual = ids(egressRulesFor('vsw-x', vswitch.text, entries));
        expect(new Set(actual)).toEqual(expected);
        expect(actual).toHaveLength(expected.size);
      }),
      { numRuns: 500 }
    );
  });
});
