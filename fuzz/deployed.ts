/**
 * The deployed-whitelist answers as untrusted input: each product's answer body (in its real shape) is mutated
 * structurally (a value replaced by another JSON value: huge or odd numbers, nested arrays, objects where text
 * is expected, prototype names as keys, hostile entry text), then validated and read by that product's reader,
 * and the result checked by the whole engine through a reader that returns it. The oracles are the fuzzer's:
 * nothing throws, no JavaScript internals in a message, the same input gives the same report.
 */
import fc from 'fast-check';
import { runCheck } from '../src/engine.js';
import { silentLogger } from '../src/io.js';
import type { ProductId } from '../src/model.js';
import { adbMysqlWarehouseApi } from '../src/whitelists/deployed/adb-mysql.js';
import { adbPgApi } from '../src/whitelists/deployed/adb-pg.js';
import { clickhouseCommunityApi, clickhouseEnterpriseApi } from '../src/whitelists/deployed/clickhouse.js';
import type { DeployedApi, ReaderResult } from '../src/whitelists/deployed/common.js';
import { ecsRulesSchema, ecsWhitelist } from '../src/whitelists/deployed/ecs-security-group.js';
import { elasticsearchApi } from '../src/whitelists/deployed/elasticsearch.js';
import { lindormApi } from '../src/whitelists/deployed/lindorm.js';
import { maxcomputeApi } from '../src/whitelists/deployed/maxcompute.js';
import { mongodbApi } from '../src/whitelists/deployed/mongodb.js';
import { polardbApi } from '../src/whitelists/deployed/polardb.js';
import { rdsApi } from '../src/whitelists/deployed/rds.js';
import { redisApi } from '../src/whitelists/deployed/redis.js';
import type { DeployedReadResult, DeployedRequest } from '../src/whitelists/deployed/types.js';
import { memoryFiles } from '../__tests__/helpers/memory-files.js';
import {
  adbBody,
  clickhouseCommunityBody,
  clickhouseEnterpriseBody,
  ecsRule,
  elasticsearchBody,
  gpdbBody,
  lindormBody,
  maxcomputeBody,
  polardbBody,
  rdsBody,
  securityIpsBody
} from '../__tests__/fakes/deployed-bodies.js';

interface Target {
  product: ProductId;
  edition?: string;
  body: () => unknown;
  read: (body: unknown, request: DeployedRequest) => ReaderResult;
}

/** Validates with the API's schema (as the client does) and reads; a body of another shape is not read. */
function through<S extends DeployedApi['schema']>(api: DeployedApi<S>) {
  return (body: unknown, request: DeployedRequest): ReaderResult => {
    const parsed = api.schema.safeParse(body);
    return parsed.success ? api.read(parsed.data, request) : { ok: false, message: 'unexpected shape' };
  };
}

const GROUPS: [string, string][] = [
  ['default', '127.0.0.1'],
  ['dataworks', '192.0.2.0/24,198.51.100.7'],
  ['office', ' 203.0.113.0/25 , 2001:db8::/64 ']
];

const TARGETS: Target[] = [
  { product: 'rds', body: () => rdsBody(GROUPS), read: through(rdsApi) },
  { product: 'polardb', body: () => polardbBody(GROUPS), read: through(polardbApi) },
  { product: 'redis', body: () => securityIpsBody(GROUPS), read: through(redisApi) },
  { product: 'mongodb', body: () => securityIpsBody(GROUPS), read: through(mongodbApi) },
  { product: 'adb-mysql', edition: 'warehouse', body: () => adbBody(GROUPS), read: through(adbMysqlWarehouseApi) },
  { product: 'adb-pg', body: () => gpdbBody(GROUPS), read: through(adbPgApi) },
  { product: 'clickhouse', body: () => clickhouseCommunityBody(GROUPS), read: through(clickhouseCommunityApi) },
  {
    product: 'clickhouse',
    edition: 'enterprise',
    body: () => clickhouseEnterpriseBody(GROUPS),
    read: through(clickhouseEnterpriseApi)
  },
  {
    product: 'elasticsearch',
    body: () =>
      elasticsearchBody(
        [
          ['default', ['192.0.2.0/24'], 'PRIVATE_ES'],
          ['pub', ['198.51.100.7'], 'PUBLIC_ES']
        ],
        { enablePublic: true }
      ),
    read: through(elasticsearchApi)
  },
  { product: 'lindorm', body: () => lindormBody(GROUPS, ['192.0.2.9']), read: through(lindormApi) },
  {
    product: 'maxcompute',
    body: () => maxcomputeBody('events', '198.51.100.7', '192.0.2.0/24'),
    read: through(maxcomputeApi)
  },
  {
    product: 'ecs-security-group',
    body: () => ({
      Permissions: {
        Permission: [
          ecsRule('r1', { SourceCidrIp: '192.0.2.0/24' }),
          ecsRule('r2', { SourceCidrIp: '192.0.2.128/25', Policy: 'Drop', Priority: '5' }),
          ecsRule('r3', { SourceCidrIp: '198.51.100.0/24', Priority: '10', PortRange: '-1/-1' })
        ]
      },
      NextToken: ''
    }),
    read: (body, request) => {
      const parsed = ecsRulesSchema.safeParse(body);
      if (!parsed.success) return { ok: false, message: 'unexpected shape' };
      return ecsWhitelist(parsed.data.Permissions.Permission, new Map(), request);
    }
  }
];

/** JSON values that have broken response handlers somewhere. */
const HOSTILE_VALUE = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    '',
    ' ',
    '0.0.0.0/0',
    '::/0',
    '127.0.0.1',
    '%',
    '*',
    '192.0.2.0/24,,,;192.0.2.1',
    '192.0.2.300',
    '1e999',
    'NaN',
    '__proto__',
    'constructor',
    '\u202e192.0.2.1',
    '\u001b[31m192.0.2.1',
    'x'.repeat(5_000),
    Array.from({ length: 3_000 }, (_, i) => `198.51.${(i >> 8) & 255}.${i & 255}`).join(','),
    -1,
    0,
    1.5,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    true,
    [],
    {},
    { __proto__: 'x' },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    [[[[[[['192.0.2.1']]]]]]]
  ),
  fc.string({ maxLength: 40 }),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 })
);

/** Every path to a value in a JSON tree (objects and arrays), the root included. */
function paths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = []
): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const key of Object.keys(value)) paths((value as Record<string, unknown>)[key], [...prefix, key], out);
  return out;
}

function replaceAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replaceAt(item, rest, replacement) : item));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) {
    copy[key] =
      key === head
        ? replaceAt((value as Record<string, unknown>)[key], rest, replacement)
        : (value as Record<string, unknown>)[key];
  }
  return copy;
}

export interface DeployedCase {
  target: number;
  body: unknown;
  network: 'private' | 'public';
}

export function deployedCases(): fc.Arbitrary<DeployedCase> {
  return fc
    .tuple(
      fc.nat({ max: TARGETS.length - 1 }),
      fc.array(fc.tuple(fc.nat(), HOSTILE_VALUE), { minLength: 1, maxLength: 4 }),
      fc.constantFrom<'private' | 'public'>('private', 'public')
    )
    .map(([target, mutations, network]) => {
      // Through JSON, as the client receives it: the body's own `__proto__` keys become ordinary own keys.
      let body: unknown = JSON.parse(JSON.stringify(TARGETS[target]!.body()));
      for (const [at, value] of mutations) {
        const all = paths(body);
        body = JSON.parse(
          JSON.stringify(replaceAt(body, all[Math.min(all.length - 1, Math.floor(at * all.length))]!, value)) ?? 'null'
        );
      }
      return { target, body, network };
    });
}

/** Runs one case through the reader and the engine; what it produced, or the exception it let escape. */
export async function runDeployedCase(c: DeployedCase): Promise<{ report: string; messages: string[] }> {
  const target = TARGETS[c.target]!;
  const config = [
    'version: 1',
    'region: cn-hangzhou',
    'resourceGroups:',
    '  g: { type: exclusive-integration, privateCidrs: [192.0.2.0/24], publicIps: [198.51.100.7] }',
    'dataSources:',
    '  ds:',
    `    product: ${target.product}`,
    `    network: ${c.network}`,
    '    port: 3306',
    '    instance: i-fuzz',
    ...(target.edition ? [`    edition: ${target.edition}`] : []),
    '    whitelist: { file: w.txt }',
    '    access: [{ module: data-integration, resourceGroups: [g] }]',
    ''
  ].join('\n');
  const report = await runCheck({
    root: '/nonexistent-fuzz-root',
    configPath: 'c.yml',
    resolve: 'online',
    failOn: 'error',
    online: { endpoints: {}, allowInstanceCredentials: false },
    logger: silentLogger,
    now: new Date('2026-12-01T00:00:00Z'),
    env: {},
    files: memoryFiles({ 'c.yml': config, 'w.txt': '192.0.2.0/24\n' }),
    deployed: 'always',
    deployedReader: {
      async read(requests) {
        const results = new Map<string, DeployedReadResult>();
        for (const request of requests) {
          const read = target.read(c.body, request);
          results.set(request.dataSource, read.ok ? { ...read, apiCalls: 1 } : { ...read, apiCalls: 1 });
        }
        return results;
      }
    }
  });
  return { report: JSON.stringify(report), messages: report.findings.map((f) => `${f.rule}: ${f.message}`) };
}
