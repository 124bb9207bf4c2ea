import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseConfig } from '../../src/config/index.js';
import { silentLogger } from '../../src/io.js';
import { initFromWorkspace } from '../../src/workspace/init-online.js';
import { openWorkspaceSession } from '../../src/workspace/session.js';
import { startFakeAlibaba, type FakeAlibaba, type FakeWorkspace } from '../fakes/alibaba-openapi.js';
import { beyondInstanceKey, CREDENTIALS, sampleWorkspace, WORKSPACE_ID } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const GOLDEN = path.join(here, 'fixtures', 'workspace-prod.yml');

let fake: FakeAlibaba;
beforeAll(async () => {
  fake = await startFakeAlibaba();
});
afterAll(async () => {
  await fake.close();
});

async function init(workspace: FakeWorkspace, env: 'prod' | 'dev' = 'prod') {
  fake.setScenario({ resourceGroups: [], vswitches: [], natGateways: [], workspaces: [workspace] });
  const session = await openWorkspaceSession(
    'cn-hangzhou',
    { endpoints: { dataworks: fake.url }, allowInstanceCredentials: false },
    { logger: silentLogger, env: { ...CREDENTIALS }, tuning: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }
  );
  return initFromWorkspace(session.api, { workspace: String(workspace.Id), region: 'cn-hangzhou', env });
}

describe('init --workspace', () => {
  it('writes the golden config for the sample workspace, and it loads (but for the instance key)', async () => {
    const result = await init(sampleWorkspace());
    if (process.env.UPDATE_GOLDEN) await fsp.writeFile(GOLDEN, result.text);
    expect(result.text).toBe(await fsp.readFile(GOLDEN, 'utf8'));
    const loaded = parseConfig(result.text, '.github/dataworks-whitelist.yml');
    expect(beyondInstanceKey(loaded.findings)).toEqual([]);
    expect(result).toMatchObject({ dataSources: 4, commentedOut: 3, resourceGroups: 3 });
  });

  it('maps each type to its product and instance, and writes unmappable ones commented out with the reason', async () => {
    const { text } = await init(sampleWorkspace());
    expect(text).toMatch(/^ {2}mysql-orders:.*\n {4}product: rds\n {4}region: cn-shanghai\n {4}instance: rm-prod1/m);
    expect(text).toMatch(/^ {2}warehouse:.*\n {4}product: polardb\n {4}region: cn-hangzhou\n {4}instance: pc-wh/m);
    expect(text).toMatch(/^ {2}events:.*\n {4}product: maxcompute\n.*\n {4}instance: events_prod/m);
    // Two sources named "orders": the second (in name, type order) gets its type as a prefix.
    expect(text).toMatch(/^ {2}orders:.*\n {4}product: adb-mysql/m);
    expect(text).toMatch(/# cannot be checked: URL mode .*\n {2}# by-url:/);
    expect(text).toMatch(/# cannot be checked: no API returns the deployed whitelist of hologres.*\n {2}# holo:/);
    expect(text).toMatch(/# cannot be checked: DataWorks type kafka maps to no product/);
    // A hostile name stays inside its quoted scalar and its one-line comment.
    expect(text).not.toMatch(/^new line/m);
    // Exclusive groups are stubs without addresses; the scheduling group is left out.
    expect(text).toMatch(/legacy-di:.*\n {4}type: exclusive-integration\n {4}# id: S_res_group_9_di/);
    expect(text).toMatch(/legacy-ds:.*\n {4}type: exclusive-service/);
    expect(text).toMatch(/# left out: S_res_group_9_sched \(ExclusiveScheduler\)/);
    expect(text).toMatch(/prod-serverless:.*\n {4}type: serverless\n {4}id: Serverless_res_group_1_2/);
    expect(text).toContain('default vSwitch vsw-a');
  });

  it('reads the dev environment when asked', async () => {
    const { text } = await init(sampleWorkspace(), 'dev');
    expect(text).toContain('instance: rm-dev1');
    expect(text).not.toContain('rm-prod1');
    expect(text).toMatch(/env: dev/);
    const call = fake.requests.filter((r) => r.action === 'ListDataSources').at(-1)!;
    expect(call.query.EnvType).toBe('Dev');
    expect(call.signatureOk).toBe(true);
  });

  it('asks ListResourceGroups for every group type (empty returns only serverless groups)', async () => {
    await init(sampleWorkspace());
    const call = fake.requests.filter((r) => r.action === 'ListResourceGroups').at(-1)!;
    expect(JSON.parse(call.query.ResourceGroupTypes!)).toEqual(
      expect.arrayContaining(['CommonV2', 'ExclusiveDataIntegration', 'ExclusiveDataService'])
    );
  });

  it('pages through a workspace of 250 data sources', async () => {
    const workspace = sampleWorkspace();
    workspace.dataSources = Array.from({ length: 250 }, (_, i) => ({
      Name: `db_${String(i).padStart(3, '0')}`,
      Type: 'mysql',
      environments: [
        {
          Id: 10_000 + i,
          EnvType: 'Prod' as const,
          ConnectionPropertiesMode: 'InstanceMode' as const,
          ConnectionProperties: { regionId: 'cn-hangzhou', instanceId: `rm-${i}`, port: i % 2 ? 3306 : '3306' }
        }
      ]
    }));
    const before = fake.count('ListDataSources');
    const result = await init(workspace);
    expect(fake.count('ListDataSources') - before).toBe(3);
    expect(result.dataSources).toBe(250);
    for (const i of [0, 99, 100, 249]) expect(result.text).toContain(`instance: rm-${i} #`);
    const loaded = parseConfig(result.text, 'c.yml');
    expect(beyondInstanceKey(loaded.findings)).toEqual([]);
  });

  it('fails with the API error when the workspace does not exist', async () => {
    const workspace = sampleWorkspace();
    fake.setScenario({ resourceGroups: [], vswitches: [], natGateways: [], workspaces: [workspace] });
    const session = await openWorkspaceSession(
      'cn-hangzhou',
      { endpoints: { dataworks: fake.url }, allowInstanceCredentials: false },
      { logger: silentLogger, env: { ...CREDENTIALS }, tuning: { maxAttempts: 1 } }
    );
    await expect(
      initFromWorkspace(session.api, { workspace: String(WORKSPACE_ID + 1), region: 'cn-hangzhou', env: 'prod' })
    ).rejects.toThrow(/ProjectNotExist/);
  });
});
