import { PRODUCTS } from '../../src/model.js';
import { PRODUCT_PROFILES, productProfile } from '../../src/products/index.js';

describe('product profiles', () => {
  it('has one profile per product, keyed by its own id, each with a source', () => {
    expect(Object.keys(PRODUCT_PROFILES).sort()).toEqual([...PRODUCTS].sort());
    for (const id of PRODUCTS) {
      expect(productProfile(id).id).toBe(id);
      if (id !== 'other') expect(productProfile(id).sources.length).toBeGreaterThan(0);
    }
  });

  it('RDS rejects IPv6 and ranges and allows 1,000 entries per instance', () => {
    const rds = productProfile('rds');
    expect(rds.acceptsIpv6).toBe(false);
    expect(rds.acceptsRanges).toBe(false);
    expect(rds.entryLimit?.max).toBe(1000);
    expect(rds.emptyMeansAllowAll).toBe(false);
    expect(rds.denyAllPlaceholders).toContain('127.0.0.1');
  });

  it('ClickHouse forbids 0.0.0.0/0 and 0.0.0.0 and allows 200 entries per cluster', () => {
    const clickhouse = productProfile('clickhouse');
    expect(clickhouse.forbidden.map((entry) => entry.cidr).sort()).toEqual(['0.0.0.0/0', '0.0.0.0/32']);
    expect(clickhouse.entryLimit?.max).toBe(200);
    expect(clickhouse.acceptsIpv6).toBe(false);
  });

  it('AnalyticDB for MySQL forbids 0.0.0.0 and any /0, with 500 entries', () => {
    const adb = productProfile('adb-mysql');
    expect(adb.forbidden.map((entry) => entry.cidr).sort()).toEqual(['0.0.0.0/0', '0.0.0.0/32']);
    expect(adb.entryLimit?.max).toBe(500);
  });

  it('PolarDB-X 2.0 is IPv4 only with 300 entries', () => {
    expect(productProfile('polardb-x')).toMatchObject({ acceptsIpv6: false, entryLimit: { max: 300 } });
  });

  it('an empty whitelist allows everyone exactly on MaxCompute, MongoDB, Hologres and HBase', () => {
    const allowAll = PRODUCTS.filter((id) => productProfile(id).emptyMeansAllowAll).sort();
    expect(allowAll).toEqual(['hbase', 'hologres', 'maxcompute', 'mongodb']);
  });

  it('MaxCompute accepts IPv6 and ranges; MongoDB accepts IPv6 addresses only', () => {
    expect(productProfile('maxcompute')).toMatchObject({ acceptsIpv6: true, acceptsRanges: true });
    expect(productProfile('mongodb')).toMatchObject({ acceptsIpv6: true, ipv6AddressesOnly: true });
    expect(productProfile('elasticsearch').ipv6AddressesOnly).toBeUndefined();
  });

  it('`other` accepts every form and has no limit or forbidden entry', () => {
    expect(productProfile('other')).toMatchObject({ acceptsIpv6: true, acceptsRanges: true, forbidden: [] });
    expect(productProfile('other').entryLimit).toBeUndefined();
    expect(productProfile('other').ipv6AddressesOnly).toBeUndefined();
  });

  it('forbidden entries are canonical CIDRs (network address, explicit prefix)', () => {
    for (const id of PRODUCTS) {
      for (const { cidr } of productProfile(id).forbidden) expect(cidr).toMatch(/^[0-9a-f.:]+\/\d+$/);
    }
  });
});
