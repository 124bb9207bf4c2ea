import { describe, expect, it } from '@jest/globals';
import { defaultEndpoint, endpointFor, parseEndpointUrl, stsHost } from '../../src/cloud/endpoints.js';
import type { ApiEndpointKey } from '../../src/cloud/endpoints.js';

describe('endpoint tables (from the SDKs’ endpoint maps)', () => {
  it.each<[ApiEndpointKey, string, string]>([
    ['rds', 'cn-hangzhou', 'rds.aliyuncs.com'],
    ['rds', 'eu-central-1', 'rds.eu-central-1.aliyuncs.com'],
    ['rds', 'cn-hangzhou-finance', 'rds-vpc.cn-hangzhou-finance.aliyuncs.com'],
    ['polardb', 'cn-beijing', 'polardb.aliyuncs.com'],
    ['polardb', 'cn-shenzhen', 'polardb.cn-shenzhen.aliyuncs.com'],
    ['redis', 'cn-shanghai', 'r-kvstore.aliyuncs.com'],
    ['redis', 'ap-southeast-1', 'r-kvstore.ap-southeast-1.aliyuncs.com'],
    // Product code dds, host mongodb: a naive fallback would build dds.<region>.
    ['mongodb', 'cn-hangzhou', 'mongodb.aliyuncs.com'],
    ['mongodb', 'cn-qingdao', 'mongodb.cn-qingdao.aliyuncs.com'],
    ['mongodb', 'ap-southeast-7', 'mongodb.ap-southeast-7.aliyuncs.com'],
    ['adb-mysql', 'cn-hangzhou', 'adb.aliyuncs.com'],
    ['adb-mysql', 'me-east-1', 'adb.ap-northeast-1.aliyuncs.com'],
    ['adb-pg', 'cn-hangzhou', 'gpdb.aliyuncs.com'],
    ['clickhouse', 'ap-southeast-3', 'clickhouse.aliyuncs.com'],
    ['clickhouse', 'cn-chengdu', 'clickhouse.cn-chengdu.aliyuncs.com'],
    ['elasticsearch', 'cn-hangzhou', 'elasticsearch.cn-hangzhou.aliyuncs.com'],
    ['lindorm', 'cn-hangzhou', 'hitsdb.cn-hangzhou.aliyuncs.com'],
    // ECS's three forms.
    ['ecs-security-group', 'cn-hangzhou', 'ecs-cn-hangzhou.aliyuncs.com'],
    ['ecs-security-group', 'cn-wuhan', 'ecs.aliyuncs.com'],
    ['ecs-security-group', 'cn-shanghai', 'ecs.cn-shanghai.aliyuncs.com'],
    ['maxcompute', 'cn-shanghai', 'maxcompute.aliyuncs.com'],
    ['maxcompute', 'ap-southeast-7', 'maxcompute.ap-southeast-7.aliyuncs.com'],
    ['dataworks', 'cn-qingdao', 'dataworks.aliyuncs.com'],
    ['vpc', 'cn-hangzhou', 'vpc.aliyuncs.com']
  ])('%s in %s is %s', (key, region, host) => {
    expect(defaultEndpoint(key, region)).toEqual({ host, protocol: 'HTTPS' });
  });

  it('fills {region} in an override and lets its scheme set the protocol', () => {
    const settings = { endpoints: { rds: 'http://rds-{region}.example.test:8080', polardb: 'https://p.example.test' } };
    expect(endpointFor('rds', 'cn-beijing', settings)).toEqual({
      host: 'rds-cn-beijing.example.test:8080',
      protocol: 'HTTP'
    });
    expect(endpointFor('polardb', 'cn-beijing', settings)).toEqual({ host: 'p.example.test', protocol: 'HTTPS' });
    expect(endpointFor('redis', 'cn-beijing', settings).host).toBe('r-kvstore.aliyuncs.com');
  });

  it('refuses a region that is not a region id before it reaches a host name', () => {
    expect(() => defaultEndpoint('rds', 'evil.example.test/x')).toThrow(/is not a region id/);
    expect(() => endpointFor('rds', 'a@b', { endpoints: { rds: 'https://{region}.example.test' } })).toThrow(
      /is not a region id/
    );
  });

  it('refuses overrides with a path, a query or credentials, and {region} for STS', () => {
    expect(() => parseEndpointUrl('rds', 'https://x.example.test/api')).toThrow(/only the scheme, host and port/);
    expect(() => parseEndpointUrl('rds', 'ftp://x.example.test')).toThrow(/https or http/);
    expect(() => stsHost({ endpoints: { sts: 'https://sts.{region}.example.test' } })).toThrow(/STS takes no/);
  });
});
