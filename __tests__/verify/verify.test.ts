/** `--verify` end to end through the real client against the fake OpenAPI server (contract §12). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Finding, Report } from '../../src/model.js';
import { renderJson, renderMarkdown, renderText } from '../../src/report/index.js';
import { startFakeAlibaba, type FakeAlibaba, type FakeConnectivity } from '../fakes/alibaba-openapi.js';
import { scenarioCloud } from '../online/helpers.js';
import {
  check,
  CONFIG,
  EVENTS_DATAWORKS,
  EVENTS_ID,
  GROUP_B,
  GROUP_C,
  ORDERS_DATAWORKS,
  ORDERS_ID,
  WORKSPACE,
  workspace
} from './helpers.js';

let fake: FakeAlibaba;
beforeAll(async () => {
  fake = await startFakeAlibaba();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.clearFaults();
  fake.requests.length = 0;
});

function cloud(connectivity: Record<string, FakeConnectivity> = {}): void {
  fake.setScenario({ ...scenarioCloud(), workspaces: [workspace(connectivity)] });
}

const verifyRules = (report: Report): Finding[] =>
  report.findings.filter((f) => ['unreachable', 'connectivity-disagrees', 'verify-failed'].includes(f.rule));

const UNREACHABLE: FakeConnectivity = {
  ConnectState: 'Unreachable',
  ConnectMessage: 'connect timed out',
  DetailLogs: [
    { Code: 'validate_input_parameters', Message: 'validate input parameters' },
    { Code: 'test_network_connectivity', Message: 'test network connectivity' }
  ]
};

describe('--verify against the fake DataWorks', () => {
  it('reports each pair in connectivity[], in config order, with the check verdict beside DataWorks', async () => {
    cloud({ [`${ORDERS_ID}:${GROUP_C}`]: UNREACHABLE });
    const report = await check(fake);
    expect(report.connectivity).toEqual([
      {
        dataSource: 'orders',
        resourceGroup: 'three',
        resourceGroupId: GROUP_C,
        state: 'Unreachable',
        message: 'connect timed out',
        failedStep: 'test network connectivity (test_network_connectivity)',
        checkFoundGap: false
      },
      {
        dataSource: 'orders',
        resourceGroup: 'two',
        resourceGroupId: GROUP_B,
        state: 'Connectable',
        message: '',
        checkFoundGap: true
      },
      {
        dataSource: 'events',
        resourceGroup: 'three',
        resourceGroupId: GROUP_C,
        state: 'Connectable',
        message: '',
        checkFoundGap: false
      }
    ]);
    // The exclusive group has no id: never tested.
    expect(fake.requests.filter((r) => r.action === 'TestDataSourceConnectivity').map((r) => r.query)).toEqual(
      expect.arrayContaining([
        { ProjectId: String(WORKSPACE), DataSourceId: String(ORDERS_ID), ResourceGroupId: GROUP_C },
        { ProjectId: String(WORKSPACE), DataSourceId: String(ORDERS_ID), ResourceGroupId: GROUP_B },
        { ProjectId: String(WORKSPACE), DataSourceId: String(EVENTS_ID), ResourceGroupId: GROUP_C }
      ])
    );
    expect(fake.count('TestDataSourceConnectivity')).toBe(3);
  });

  it('unreachable with no gap found says the whitelist is not the cause, with the failing step, at the dataworks key', async () => {
    cloud({ [`${ORDERS_ID}:${GROUP_C}`]: UNREACHABLE });
    const report = await check(fake);
    const unreachable = report.findings.filter((f) => f.rule === 'unreachable');
    expect(unreachable).toEqual([
      {
        rule: 'unreachable',
        severity: 'error',
        dataSource: 'orders',
        resourceGroup: 'three',
        ...ORDERS_DATAWORKS,
        message: expect.stringMatching(
          /^DataWorks cannot connect to "orders" .*resource group "three" .*\(Unreachable\): connect timed out; failed step: test network connectivity \(test_network_connectivity\)\. The check found no whitelist gap for this pair, so the whitelist is not the cause: look at the security group/
        )
      }
    ]);
    expect(report.status).toBe('fail');
  });

  it('DataWorks connecting where the check found a gap is a connectivity-disagrees notice', async () => {
    cloud();
    const report = await check(fake);
    expect(verifyRules(report)).toEqual([
      {
        rule: 'connectivity-disagrees',
        severity: 'notice',
        dataSource: 'orders',
        resourceGroup: 'two',
        ...ORDERS_DATAWORKS,
        message: expect.stringContaining('although the whitelist does not allow 192.0.2.96/27, 192.0.2.128/27')
      }
    ]);
    // The check's own findings are unchanged by the verification.
    expect(report.findings.filter((f) => f.rule === 'missing-entry').map((f) => f.entry)).toEqual([
      '192.0.2.96/27',
      '192.0.2.128/27'
    ]);
  });

  it('ConfigError where the check found a gap is unreachable and points at the missing entries', async () => {
    cloud({
      [`${ORDERS_ID}:${GROUP_B}`]: {
        ConnectState: 'ConfigError',
        ConnectMessage: 'Access denied for user',
        DetailLogs: [{ Code: 'test_login', Message: 'log in' }]
      }
    });
    const report = await check(fake);
    const [finding] = report.findings.filter((f) => f.rule === 'unreachable');
    expect(finding).toMatchObject({ dataSource: 'orders', resourceGroup: 'two', ...ORDERS_DATAWORKS });
    expect(finding!.message).toMatch(/\(ConfigError\): Access denied for user; failed step: log in \(test_login\)\./);
    expect(finding!.message).toContain('The check found a gap for this pair');
    expect(finding!.message).not.toContain('not the cause');
  });

  it('Unsupport is reported only in connectivity[]', async () => {
    cloud({
      [`${EVENTS_ID}:${GROUP_C}`]: { ConnectState: 'Unsupport', ConnectMessage: 'resource group initialising' }
    });
    const report = await check(fake);
    expect(report.connectivity?.find((c) => c.dataSource === 'events')).toMatchObject({
      state: 'Unsupport',
      message: 'resource group initialising'
    });
    expect(verifyRules(report).filter((f) => f.dataSource === 'events')).toEqual([]);
  });

  it('lists each workspace and environment once, with GET, and tests with POST', async () => {
    cloud();
    await check(fake);
    const lists = fake.requests.filter((r) => r.action === 'ListDataSources');
    expect(lists).toHaveLength(1);
    expect(lists[0]).toMatchObject({ method: 'GET', signatureOk: true, query: { ProjectId: '4711', EnvType: 'Prod' } });
    const tests = fake.requests.filter((r) => r.action === 'TestDataSourceConnectivity');
    expect(tests.every((t) => t.method === 'POST' && t.signatureOk)).toBe(true);
  });

  it('a dataworks.name that names no data source is verify-failed, once for the data source, with a suggestion', async () => {
    cloud();
    const report = await check(fake, { config: CONFIG.replace('name: events', 'name: event') });
    expect(verifyRules(report)).toContainEqual({
      rule: 'verify-failed',
      severity: 'warning',
      dataSource: 'events',
      ...EVENTS_DATAWORKS,
      message: expect.stringMatching(
        /dataworks\.name "event" names no data source of workspace 4711 \(prod\) \(2 listed\); did you mean "events"\?$/
      )
    });
    expect(report.connectivity?.find((c) => c.dataSource === 'events')).toMatchObject({ state: null });
    expect(fake.count('TestDataSourceConnectivity')).toBe(2);
  });

  it('the dev environment is tested with its own data source id', async () => {
    cloud();
    await check(fake, { config: CONFIG.replace('env: prod', 'env: dev') });
    const ids = fake.requests
      .filter((r) => r.action === 'TestDataSourceConnectivity')
      .map((r) => r.query.DataSourceId)
      .sort();
    expect(ids).toEqual(['102', '102', String(EVENTS_ID)]);
    expect(
      fake.requests
        .filter((r) => r.action === 'ListDataSources')
        .map((r) => r.query.EnvType)
        .sort()
    ).toEqual(['Dev', 'Prod']);
  });

  it('a 403 naming dataworks:TestDataSourceConnectivity is verify-failed naming the RAM action; the check stands', async () => {
    cloud();
    fake.addFault(
      'TestDataSourceConnectivity',
      { kind: 'forbidden', authAction: 'dataworks:TestDataSourceConnectivity' },
      { times: 10 }
    );
    const report = await check(fake);
    const failed = verifyRules(report);
    expect(failed.map((f) => [f.rule, f.dataSource, f.resourceGroup])).toEqual([
      ['verify-failed', 'orders', 'three'],
      ['verify-failed', 'orders', 'two'],
      ['verify-failed', 'events', 'three']
    ]);
    for (const f of failed) {
      expect(f.message).toContain('must allow dataworks:TestDataSourceConnectivity');
      expect(f.message).toMatch(
        /^the connectivity test of "\w+" .* could not be run: TestDataSourceConnectivity failed with HTTP 403/
      );
    }
    expect(report.connectivity?.map((c) => c.state)).toEqual([null, null, null]);
    // A denial is not retried; the check's own result is unchanged (two missing entries: fail).
    expect(fake.count('TestDataSourceConnectivity')).toBe(3);
    expect(report.status).toBe('fail');
  });

  it('throttling is retried, then the answer counts', async () => {
    cloud({ [`${EVENTS_ID}:${GROUP_C}`]: UNREACHABLE });
    fake.addFault('TestDataSourceConnectivity', { kind: 'throttle' }, { times: 2, match: { DataSourceId: '301' } });
    const report = await check(fake);
    expect(report.connectivity?.find((c) => c.dataSource === 'events')?.state).toBe('Unreachable');
    expect(fake.requests.filter((r) => r.query.DataSourceId === '301').map((r) => r.status)).toEqual([400, 400, 200]);
    expect(verifyRules(report).filter((f) => f.rule === 'verify-failed')).toEqual([]);
  });

  it('throttling past the attempts is verify-failed, never a verdict', async () => {
    cloud();
    fake.addFault('TestDataSourceConnectivity', { kind: 'throttle' }, { times: 10, match: { DataSourceId: '301' } });
    const report = await check(fake);
    const [failed] = verifyRules(report).filter((f) => f.dataSource === 'events');
    expect(failed).toMatchObject({ rule: 'verify-failed', resourceGroup: 'three' });
    expect(failed!.message).toContain('gave up after 3 attempts');
  });

  it('a listing that fails is verify-failed for each data source of that workspace, and nothing is tested', async () => {
    cloud();
    fake.addFault('ListDataSources', { kind: 'forbidden', authAction: 'dataworks:ListDataSources' });
    const report = await check(fake);
    expect(verifyRules(report).map((f) => [f.rule, f.dataSource, f.resourceGroup])).toEqual([
      ['verify-failed', 'orders', undefined],
      ['verify-failed', 'events', undefined]
    ]);
    expect(verifyRules(report)[0]!.message).toContain('must allow dataworks:ListDataSources');
    expect(fake.count('TestDataSourceConnectivity')).toBe(0);
    expect(report.connectivity).toHaveLength(3);
  });

  it('hostile answers: an unknown state named like a prototype member, a huge message, a malformed body', async () => {
    cloud({
      [`${ORDERS_ID}:${GROUP_C}`]: { ConnectState: 'constructor' as 'Unsupport', ConnectMessage: 'x'.repeat(100_000) }
    });
    fake.addFault('TestDataSourceConnectivity', { kind: 'malformed' }, { match: { DataSourceId: '301' } });
    const report = await check(fake);
    const orders = report.connectivity!.find((c) => c.resourceGroup === 'three' && c.dataSource === 'orders')!;
    expect(orders.state).toBe('constructor');
    expect(orders.message.length).toBeLessThanOrEqual(500);
    expect(verifyRules(report).map((f) => [f.rule, f.dataSource, f.resourceGroup])).toEqual([
      ['verify-failed', 'orders', 'three'],
      ['connectivity-disagrees', 'orders', 'two'],
      ['verify-failed', 'events', 'three']
    ]);
    expect(verifyRules(report)[0]!.message).toContain('unknown state "constructor"');
    expect(verifyRules(report)[2]!.message).toContain('unexpected shape');
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('❔ constructor: xxx');
    for (const text of [markdown, renderText(report, { color: false }), renderJson(report)]) {
      expect(text).not.toMatch(/\[object Object\]|undefined|NaN|function Object/);
    }
  });

  it('without verify nothing is tested and the report has no connectivity key', async () => {
    cloud();
    const report = await check(fake, { verify: false });
    expect(report.connectivity).toBeUndefined();
    expect(fake.count('TestDataSourceConnectivity')).toBe(0);
    expect(fake.count('ListDataSources')).toBe(0);
  });
});

describe('--verify on an offline run', () => {
  it('adds one verify-failed warning saying why, and calls nothing', async () => {
    const report = await check(undefined, { resolve: 'auto', env: {} });
    expect(report.resolve).toBe('offline');
    expect(report.connectivity).toEqual([]);
    expect(verifyRules(report)).toEqual([
      {
        rule: 'verify-failed',
        severity: 'warning',
        message: expect.stringContaining('no Alibaba Cloud credentials were found')
      }
    ]);
  });
});

describe('reports', () => {
  it('JSON puts connectivity[] after required and before findings; text and Markdown show what DataWorks says', async () => {
    cloud({ [`${ORDERS_ID}:${GROUP_C}`]: UNREACHABLE });
    const report = await check(fake);
    const keys = Object.keys(JSON.parse(renderJson(report)) as object);
    expect(keys.slice(keys.indexOf('required'))).toEqual(['required', 'connectivity', 'findings']);
    const row = (JSON.parse(renderJson(report)) as { connectivity: object[] }).connectivity[0]!;
    expect(Object.keys(row)).toEqual([
      'dataSource',
      'resourceGroup',
      'resourceGroupId',
      'state',
      'message',
      'failedStep',
      'checkFoundGap'
    ]);

    const text = renderText(report, { color: false });
    expect(text).toContain('DataWorks says (its own connectivity test)');
    expect(text).toContain(
      `  ✗ orders · three (${GROUP_C}) — DataWorks: Unreachable: connect timed out; failed step: test network connectivity (test_network_connectivity) · check: no gap`
    );
    expect(text).toContain(`  ✓ orders · two (${GROUP_B}) — DataWorks: Connectable · check: gap`);

    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| Data source | Resource group | Check | DataWorks says |');
    const escapedId = GROUP_B.replace(/_/g, '\\_');
    expect(markdown).toContain(`| orders | two (<code>${escapedId}</code>) | gap | ✅ Connectable |`);
    expect(markdown).toMatch(
      /\| orders \| three \(<code>[^|]+<\/code>\) \| no gap \| ❌ Unreachable: connect timed out/
    );
    // After the missing entries, before the other findings.
    expect(markdown.indexOf('DataWorks connectivity test')).toBeGreaterThan(markdown.indexOf('missing'));
  });
});
