/** A repository, a cloud and a workspace for the verification tests, and a runner of the engine against the fake. */
import { runCheck } from '../../src/engine.js';
import type { Logger } from '../../src/io.js';
import type { Report, ResolveMode } from '../../src/model.js';
import type { FakeAlibaba, FakeConnectivity, FakeWorkspace } from '../fakes/alibaba-openapi.js';
import { memoryFiles } from '../helpers/memory-files.js';
import { GROUP_B, GROUP_C } from '../online/helpers.js';

export { GROUP_B, GROUP_C };
export const WORKSPACE = 4711;
export const ORDERS_ID = 101;
export const EVENTS_ID = 301;

/**
 * Group `three` (GROUP_C) connects from 192.0.2.192/27 and group `two` (GROUP_B) from 192.0.2.96/27 and
 * 192.0.2.128/27 (the fake cloud of the online tests). `orders` allows only `three`'s block, so the check finds
 * no gap for (orders, three) and a gap for (orders, two). `legacy` has no id: it is never tested.
 */
export const CONFIG = `version: 1
region: cn-hangzhou
resourceGroups:
  three:
    type: serverless
    id: ${GROUP_C}
  two:
    type: serverless
    id: ${GROUP_B}
  legacy:
    type: exclusive-integration
    privateCidrs: [192.0.2.0/28]
dataSources:
  orders:
    product: rds
    network: private
    whitelist:
      - file: whitelists/orders.txt
    access:
      - module: data-integration
        resourceGroups: [two, three, legacy]
    dataworks: { workspace: ${WORKSPACE}, name: orders, env: prod }
  events:
    product: rds
    network: private
    whitelist:
      - file: whitelists/events.txt
    access:
      - module: data-integration
        resourceGroups: [three]
    dataworks:
      workspace: "${WORKSPACE}"
      name: events
`;

/** Where the `dataworks` keys of CONFIG are. */
export const ORDERS_DATAWORKS = { file: '.github/dataworks-whitelist.yml', line: 22, column: 5 };
export const EVENTS_DATAWORKS = { file: '.github/dataworks-whitelist.yml', line: 31, column: 5 };

export function repoFiles(config = CONFIG) {
  return memoryFiles({
    '.github/dataworks-whitelist.yml': config,
    'whitelists/orders.txt': '192.0.2.192/27\n192.0.2.0/28\n',
    'whitelists/events.txt': '192.0.2.192/27\n'
  });
}

export function workspace(connectivity: Record<string, FakeConnectivity> = {}): FakeWorkspace {
  return {
    Id: WORKSPACE,
    groups: [],
    dataSources: [
      {
        Name: 'orders',
        Type: 'mysql',
        environments: [
          { Id: ORDERS_ID, EnvType: 'Prod', ConnectionPropertiesMode: 'InstanceMode', ConnectionProperties: {} },
          { Id: 102, EnvType: 'Dev', ConnectionPropertiesMode: 'InstanceMode', ConnectionProperties: {} }
        ]
      },
      {
        Name: 'events',
        Type: 'mysql',
        environments: [
          { Id: EVENTS_ID, EnvType: 'Prod', ConnectionPropertiesMode: 'InstanceMode', ConnectionProperties: {} }
        ]
      }
    ],
    connectivity
  };
}

export const CREDENTIALS = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'AKID_TEST',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'SECRET_TEST',
  DATAWORKS_WHITELIST_GUARD_RETRY_BASE_MS: '2',
  DATAWORKS_WHITELIST_GUARD_RETRY_MAX_MS: '4',
  DATAWORKS_WHITELIST_GUARD_MAX_ATTEMPTS: '3'
};

export const quietLogger: Logger = { debug() {}, info() {}, warning() {} };

export async function check(
  fake: FakeAlibaba | undefined,
  options: { verify?: boolean; resolve?: ResolveMode; env?: NodeJS.ProcessEnv; config?: string } = {}
): Promise<Report> {
  return runCheck({
    root: '/nonexistent-root',
    configPath: '.github/dataworks-whitelist.yml',
    resolve: options.resolve ?? 'online',
    failOn: 'error',
    online: {
      endpoints: fake ? { dataworks: fake.url, vpc: fake.url } : {},
      allowInstanceCredentials: false
    },
    logger: quietLogger,
    env: options.env ?? CREDENTIALS,
    files: repoFiles(options.config),
    verify: options.verify ?? true,
    now: new Date('2025-01-15T00:00:00Z')
  });
}
