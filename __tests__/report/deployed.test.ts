/** The code/cloud markers of the reports (contract §9): text, Markdown and SARIF show both sides per data source. */
import { runCheck } from '../../src/engine.js';
import { silentLogger } from '../../src/io.js';
import type { Report } from '../../src/model.js';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../../src/report/index.js';
import type { DeployedWhitelist } from '../../src/whitelists/deployed/types.js';
import { memoryFiles } from '../helpers/memory-files.js';

const CONFIG = '.github/dataworks-whitelist.yml';

const TEXT = `version: 1
region: cn-hangzhou
resourceGroups:
  prod:
    type: exclusive-integration
    privateCidrs: [192.0.2.0/24]
dataSources:
  orders:
    product: rds
    network: private
    instance: rm-orders
    whitelist: { file: wl.txt }
    access:
      - module: data-integration
        resourceGroups: [prod]
  plain:
    product: rds
    network: private
    whitelist: { file: wl.txt }
    access:
      - module: data-integration
        resourceGroups: [prod]
`;

const deployed: DeployedWhitelist = {
  product: 'rds',
  instance: 'rm-orders',
  region: 'cn-hangzhou',
  groups: [{ name: 'default', hidden: false, networks: ['private'], entries: ['198.51.100.0/24'] }],
  disabledNetworks: [],
  emptyAllowsAll: false
};

async function report(): Promise<Report> {
  return runCheck({
    root: '/repo',
    configPath: CONFIG,
    resolve: 'online',
    failOn: 'error',
    online: { endpoints: {}, allowInstanceCredentials: false },
    logger: silentLogger,
    env: {},
    now: new Date('2026-11-28T08:00:00Z'),
    files: memoryFiles({ [CONFIG]: TEXT, 'wl.txt': '192.0.2.0/24\n' }),
    deployedReader: {
      read: async (requests) =>
        new Map(requests.map((r) => [r.dataSource, { ok: true, whitelist: deployed, apiCalls: 1 }]))
    }
  });
}

describe('reports: code and cloud side by side', () => {
  it('text: the heading of a data source with an instance says code ✓ · cloud ✗, and the miss is in the cloud', async () => {
    const text = renderText(await report(), { color: false });
    expect(text).toContain(
      'orders · rds, private, cn-hangzhou (1 of 1 required block allowed) · code ✓ · cloud ✗ · 2 differences'
    );
    expect(text).toMatch(
      /✗ missing in the cloud 192\.0\.2\.0\/24 on instance rm-orders \(\.github\/dataworks-whitelist\.yml:11:15\)/
    );
    // A data source without an instance is shown as before, and nothing is to be pasted into the config file.
    expect(text).toMatch(/^plain · rds, private, cn-hangzhou \(1 of 1 required block allowed\)$/m);
    expect(text).not.toContain('dataworks-whitelist.yml — add:');
  });

  it('Markdown: a code-and-cloud table, and the deployed miss says where in the cloud', async () => {
    const md = renderMarkdown(await report());
    expect(md).toContain('#### Code and cloud');
    expect(md).toContain('| orders | <code>rm-orders</code> | ✓ | ✗ | 2 |');
    expect(md).not.toContain('| plain |');
    expect(md).toContain('cloud: instance <code>rm-orders</code>');
    expect(md).not.toMatch(/Add to <code>\.github/);
  });

  it('SARIF: deployed findings are marked and carry scope; the run lists each side', async () => {
    const sarif = renderSarif(await report(), { toolVersion: '1.0.0', configPath: CONFIG });
    const run = sarif.runs[0]!;
    expect(run.properties?.dataSources).toEqual([
      { name: 'orders', instance: 'rm-orders', code: 'allowed', cloud: 'missing' }
    ]);
    const miss = run.results?.find((r) => r.ruleId === 'missing-entry');
    expect(miss?.message.text).toMatch(/^\[cloud\] /);
    expect(miss?.properties).toMatchObject({ scope: 'deployed' });
    expect((run.tool.driver.rules ?? []).map((r) => r.id)).toEqual(
      expect.arrayContaining(['deployed-drift', 'not-checked'])
    );
  });

  it('JSON: required[].deployed beside covered, and scope after the group on findings', async () => {
    const json = renderJson(await report());
    expect(json).toMatch(/"covered": true,\n\s+"deployed": false,\n\s+"via"/);
    expect(json).toMatch(/"resourceGroup": "prod",\n\s+"scope": "deployed",\n\s+"entry"/);
  });
});
