import { existsSync, readFileSync } from 'node:fs';
import { BUNDLED_LISTS, bundledRegions, effectiveList, isStale } from '../../src/lists/index.js';
import type { AddressListOverride } from '../../src/model.js';
import { parseCidr } from '../../src/net/index.js';

const SHARED_LISTS = '../shared/data/dataworks-address-lists';
const LIST_FILES = [
  ['metadata-collection', 'metadata-collection.json'],
  ['data-analysis', 'data-analysis.json']
] as const;

const pos = { file: '.github/dataworks-whitelist.yml', line: 3, column: 7 };

describe('bundled published lists', () => {
  it('loads every region and entry of the shipped data files unchanged, with their source', () => {
    for (const [list, file] of LIST_FILES) {
      const shipped = JSON.parse(readFileSync(`src/lists/data/${file}`, 'utf8'));
      const bundled = BUNDLED_LISTS.find((b) => b.list === list);
      expect(bundled?.regions).toEqual(shipped.regions);
      expect(bundled?.source).toBe(shipped.source);
    }
  });

  // The shipped files are verbatim copies of the project's shared facts; CI lays shared/ beside the clone.
  (existsSync(SHARED_LISTS) ? it : it.skip)('ships the shared facts byte for byte', () => {
    for (const [, file] of LIST_FILES) {
      expect(readFileSync(`src/lists/data/${file}`, 'utf8')).toBe(readFileSync(`${SHARED_LISTS}/${file}`, 'utf8'));
    }
  });

  it('reads the page date that leads the note, and null for an undated page', () => {
    expect(BUNDLED_LISTS.find((b) => b.list === 'metadata-collection')?.asOf).toBe('2024-07-23');
    expect(BUNDLED_LISTS.find((b) => b.list === 'data-analysis')?.asOf).toBeNull();
  });

  it('ships no shared resource group list (no current copy was available)', () => {
    expect(BUNDLED_LISTS.map((b) => b.list).sort()).toEqual(['data-analysis', 'metadata-collection']);
    expect(effectiveList('shared-integration', 'cn-hangzhou', [])).toBeUndefined();
  });

  it('parses every bundled entry as an address or CIDR (host bits allowed)', () => {
    for (const list of BUNDLED_LISTS) {
      for (const [region, entries] of Object.entries(list.regions)) {
        for (const entry of entries) {
          const parsed = parseCidr(entry);
          expect({ region, entry, ok: parsed.ok }).toEqual({ region, entry, ok: true });
        }
      }
    }
  });

  it('lists the regions that have a bundled copy', () => {
    expect(bundledRegions('metadata-collection')).toEqual([
      'cn-beijing',
      'cn-chengdu',
      'cn-hangzhou',
      'cn-shanghai',
      'cn-shenzhen',
      'cn-zhangjiakou',
      'eu-west-1'
    ]);
  });
});

describe('effectiveList', () => {
  const add: AddressListOverride = {
    list: 'metadata-collection',
    region: 'cn-hangzhou',
    replace: false,
    entries: [{ value: '198.51.100.64/26', pos }],
    pos
  };

  it('adds config entries after the bundled ones', () => {
    const list = effectiveList('metadata-collection', 'cn-hangzhou', [add]);
    const bundledCount = BUNDLED_LISTS.find((b) => b.list === 'metadata-collection')!.regions['cn-hangzhou']!.length;
    expect(list?.entries).toHaveLength(bundledCount + 1);
    expect(list?.entries.at(-1)).toEqual({ text: '198.51.100.64/26', origin: 'config', pos });
    expect(list?.bundled?.asOf).toBe('2024-07-23');
  });

  it('replaces the bundled list when asked', () => {
    const list = effectiveList('metadata-collection', 'cn-hangzhou', [{ ...add, replace: true }]);
    expect(list?.entries).toEqual([{ text: '198.51.100.64/26', origin: 'config', pos }]);
    expect(list?.bundled).toBeUndefined();
  });

  it('gives a config-only list for a region with no bundled copy', () => {
    const list = effectiveList('shared-service', 'cn-hangzhou', [{ ...add, list: 'shared-service' }]);
    expect(list?.entries.map((e) => e.origin)).toEqual(['config']);
  });

  it('has nothing for an unknown region', () => {
    expect(effectiveList('data-analysis', 'xx-nowhere-1', [])).toBeUndefined();
  });
});

describe('isStale', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it.each([
    ['2026-06-02', false],
    ['2026-05-30', true],
    ['2024-07-23', true],
    [null, true]
  ])('a list dated %s is stale: %s', (asOf, stale) => {
    expect(isStale(asOf, now)).toBe(stale);
  });
});
