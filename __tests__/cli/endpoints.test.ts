import { readFileSync } from 'node:fs';
import { parseEndpointSpecs } from '../../src/endpoints.js';
import { VERSION } from '../../src/version.js';

describe('parseEndpointSpecs', () => {
  it('takes NAME=URL lines, skipping blanks and comments', () => {
    expect(
      parseEndpointSpecs(['dataworks=http://127.0.0.1:8080', '', '# tests', ' vpc = https://vpc.example.test '])
    ).toEqual({
      ok: true,
      endpoints: { dataworks: 'http://127.0.0.1:8080', vpc: 'https://vpc.example.test' }
    });
  });

  it.each([
    ['ecs=https://x.test', /NAME one of dataworks, vpc, sts/],
    ['vpc', /is not a URL/],
    ['sts=ftp://x.test', /scheme must be https or http/]
  ])('rejects %s', (spec, message) => {
    const result = parseEndpointSpecs([spec]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('rejects a service given twice', () => {
    expect(parseEndpointSpecs(['vpc=https://a.test', 'vpc=https://b.test'])).toEqual({
      ok: false,
      error: 'endpoint "vpc" is given twice'
    });
  });
});

describe('VERSION', () => {
  it('equals the package version', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
