import { describe, expect, it } from '@jest/globals';
import { defaultEndpoint, endpointFor, parseEndpointUrl, stsHost } from '../../src/resolve/online/endpoints.js';

describe('endpoints', () => {
  it.each([
    ['cn-hangzhou', 'dataworks.cn-hangzhou.aliyuncs.com'],
    ['ap-southeast-7', 'dataworks.ap-southeast-7.aliyuncs.com'],
    ['cn-qingdao', 'dataworks.aliyuncs.com'],
    ['cn-huhehaote', 'dataworks.aliyuncs.com']
  ])('DataWorks in %s is %s', (region, host) => {
    expect(defaultEndpoint('dataworks', region)).toEqual({ host, protocol: 'HTTPS' });
  });

  it.each([
    ['cn-hangzhou', 'vpc.aliyuncs.com'],
    ['cn-shanghai', 'vpc.cn-shanghai.aliyuncs.com'],
    ['eu-central-1', 'vpc.eu-central-1.aliyuncs.com']
  ])('VPC in %s is %s', (region, host) => {
    expect(defaultEndpoint('vpc', region)).toEqual({ host, protocol: 'HTTPS' });
  });

  it('lets the URL scheme of an override set the protocol', () => {
    const settings = {
      endpoints: { dataworks: 'http://127.0.0.1:8080', vpc: 'https://vpc-vpc.cn-hangzhou.aliyuncs.com/' },
      allowInstanceCredentials: false
    };
    expect(endpointFor('dataworks', 'cn-qingdao', settings)).toEqual({ host: '127.0.0.1:8080', protocol: 'HTTP' });
    expect(endpointFor('vpc', 'cn-shanghai', settings)).toEqual({
      host: 'vpc-vpc.cn-hangzhou.aliyuncs.com',
      protocol: 'HTTPS'
    });
  });

  it.each([
    ['127.0.0.1:80', 'is not a URL'],
    ['ftp://host', 'the scheme must be https or http'],
    ['https://host/api', 'give only the scheme, host and port'],
    ['https://user:pw@host', 'give only the scheme, host and port']
  ])('refuses %s', (text, message) => {
    expect(() => parseEndpointUrl('vpc', text)).toThrow(message);
  });

  it('allows STS over https only', () => {
    expect(
      stsHost({ endpoints: { sts: 'https://sts-vpc.cn-hangzhou.aliyuncs.com' }, allowInstanceCredentials: false })
    ).toBe('sts-vpc.cn-hangzhou.aliyuncs.com');
    expect(stsHost({ endpoints: {}, allowInstanceCredentials: false })).toBeUndefined();
    expect(() => stsHost({ endpoints: { sts: 'http://127.0.0.1:1' }, allowInstanceCredentials: false })).toThrow(
      'STS is called over https only'
    );
  });
});
