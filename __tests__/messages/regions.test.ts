import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KNOWN_REGIONS, regionForMalformed, regionTypoCandidates } from '../../src/regions.js';
import { REGION_PATTERN } from '../../src/config/schema.js';

describe('the region table', () => {
  it('holds each region once, every one shaped like a region ID', () => {
    expect(new Set(KNOWN_REGIONS).size).toBe(KNOWN_REGIONS.length);
    expect(KNOWN_REGIONS.filter((region) => !REGION_PATTERN.test(region))).toEqual([]);
  });

  it('knows every region a bundled address list is published for', () => {
    const dir = path.join(process.cwd(), 'src/lists/data');
    for (const file of ['metadata-collection.json', 'data-analysis.json']) {
      const regions = Object.keys(
        (JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { regions: object }).regions
      );
      expect(regions.length).toBeGreaterThan(0);
      expect(regions.filter((region) => !KNOWN_REGIONS.includes(region))).toEqual([]);
    }
  });
});

describe('regionTypoCandidates', () => {
  it.each<[string, string, string[]]>([
    ['a letter left out', 'cn-shangai', ['cn-shanghai']],
    ['a letter left out of a short name', 'cn-beijin', ['cn-beijing']],
    ['two neighbours swapped', 'cn-hangzohu', ['cn-hangzhou']],
    ['two edits in a long name', 'cn-zhangjakuo', ['cn-zhangjiakou']],
    ['a wrong letter', 'cn-shenzhan', ['cn-shenzhen']],
    ['a separator too many', 'ap-south-east-1', ['ap-southeast-1']],
    ['a separator missing', 'cn-shanghai1', ['cn-shanghai']],
    ['a zone ID', 'cn-hangzhou-h', ['cn-hangzhou']],
    ['a zone letter glued to the number', 'ap-southeast-1a', ['ap-southeast-1']],
    ['a typo in the area prefix', 'cm-hangzhou', ['cn-hangzhou']],
    ['a typo in a finance region', 'cn-shanghai-finanse-1', ['cn-shanghai-finance-1']]
  ])('%s: %s is a typo of %j', (_, region, expected) => {
    expect(regionTypoCandidates(region)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['a known region', 'cn-shanghai'],
    ['a new number in a known area', 'ap-southeast-9'],
    ['a new number elsewhere', 'us-west-2'],
    ['a direction that known regions use', 'me-west-1'],
    ['an area prefix that known regions use', 'eu-east-1'],
    ['a new finance region', 'cn-shanghai-finance-2'],
    ['a new city two letters from a short known one', 'cn-huizhou'],
    ['a new city far from every known one', 'cn-wuhan-lr'],
    ['a region with an extra part', 'cn-hangzhou-dg-a01']
  ])('%s (%s) is accepted', (_, region) => {
    expect(regionTypoCandidates(region)).toEqual([]);
  });
});

describe('regionForMalformed', () => {
  it.each<[string, string[]]>([
    ['CN-Shanghai', ['cn-shanghai']],
    ['cn_hangzhou', ['cn-hangzhou']],
    ['cn hangzhou', ['cn-hangzhou']],
    ['cnhangzhou', ['cn-hangzhou']],
    [' cn-beijing ', ['cn-beijing']],
    ['Hangzhou', []],
    ['x'.repeat(100_000), []]
  ])('%j → %j', (value, expected) => {
    expect(regionForMalformed(value)).toEqual(expected);
  });
});
