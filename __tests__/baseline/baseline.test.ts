/**
 * Contract §11: the check on the working tree and on a base commit read through git; every finding is `new` or
 * `unchanged` by identity, and what the base had that is gone is `resolvedFindings`.
 */
import { runBaselineCheck, failsRun } from '../../src/baseline/index.js';
import { gitBaseFiles } from '../../src/baseline/git-source.js';
import type { CheckOptions } from '../../src/engine.js';
import type { Logger } from '../../src/io.js';
import type { Finding, Report } from '../../src/model.js';
import { gitRepo, type GitRepo } from './git-repo.js';

const CONFIG = '.github/dataworks-whitelist.yml';

/** Two data sources: `db` (a text whitelist) and `tf` (Terraform with a variable) reached from 192.0.2.0/24. */
function config(opts: { dbFile?: string; withTf?: boolean; extra?: string } = {}): string {
  const tf = opts.withTf
    ? `  tf:
    product: rds
    network: private
    whitelist: { file: infra, select: alicloud_db_instance.db }
    access: [{ module: data-integration, resourceGroups: [sl] }]
`
    : '';
  return `version: 1
region: cn-hangzhou
resourceGroups:
  sl:
    type: serverless
    privateCidrs: [192.0.2.0/24, 198.51.100.0/28]
dataSources:
  db:
    product: rds
    network: private
    whitelist: { file: ${opts.dbFile ?? 'whitelists/db.txt'} }
    access: [{ module: data-integration, resourceGroups: [sl] }]
${tf}${opts.extra ?? ''}`;
}

const TF = `resource "alicloud_db_instance" "db" {
  security_ips = var.ips
}
variable "ips" {
  type = list(string)
}
`;

interface Logged {
  warnings: string[];
  logger: Logger;
}
function logged(): Logged {
  const warnings: string[] = [];
  return { warnings, logger: { debug: () => {}, info: () => {}, warning: (m) => void warnings.push(m) } };
}

function options(repo: GitRepo, logger: Logger): CheckOptions {
  return {
    root: repo.root,
    configPath: CONFIG,
    resolve: 'offline',
    failOn: 'error',
    online: { endpoints: {}, allowInstanceCredentials: false },
    logger,
    now: new Date('2026-11-28T08:00:00Z'),
    env: {}
  };
}

async function check(repo: GitRepo, ref: string, onlyNew = false): Promise<Report & { warnings: string[] }> {
  const { warnings, logger } = logged();
  const report = await runBaselineCheck(options(repo, logger), {
    ref,
    onlyNew,
    readBase: () => gitBaseFiles(repo.root, ref)
  });
  return { ...report, warnings };
}

const summary = (findings: readonly Finding[] | undefined): string[] =>
  (findings ?? []).map((f) => `${f.rule} ${f.dataSource ?? '-'} ${f.entry ?? f.raw ?? '-'} ${f.baseline ?? ''}`.trim());

let repo: GitRepo;
beforeEach(() => {
  repo = gitRepo();
});
afterEach(() => repo.cleanup());

describe('baseline through git', () => {
  it('a gap the change introduces is new; what was there before is unchanged', async () => {
    repo.write(CONFIG, config());
    repo.write('whitelists/db.txt', '192.0.2.0/24\n198.51.100.0/28\n10.0.0.5/24\n');
    const base = repo.commit('base');
    repo.write('whitelists/db.txt', '192.0.2.0/24\n10.0.0.5/24\n');
    repo.commit('head');

    const report = await check(repo, base);
    expect(summary(report.findings)).toEqual([
      'missing-entry db 198.51.100.0/28 new',
      'host-bits-set db 10.0.0.0/24 unchanged'
    ]);
    expect(report.resolvedFindings).toEqual([]);
    expect(report.baseline).toMatchObject({ ref: base, commit: base, read: true, newCount: 1, onlyNew: false });
    expect(report.warnings).toEqual([]);
  });

  it('a gap the change fixes is listed as resolved, with where it was at the base', async () => {
    repo.write(CONFIG, config());
    repo.write('whitelists/db.txt', '192.0.2.0/24\n');
    const base = repo.commit('base');
    repo.write('whitelists/db.txt', '192.0.2.0/24\n198.51.100.0/28\n');
    repo.commit('head');

    const report = await check(repo, base);
    expect(report.findings).toEqual([]);
    expect(summary(report.resolvedFindings)).toEqual(['missing-entry db 198.51.100.0/28']);
    expect(report.resolvedFindings![0]).toMatchObject({ file: 'whitelists/db.txt', line: 2 });
    expect(report.resolvedFindings![0]!.baseline).toBeUndefined();
  });

  it('a gap and a bad entry whose lines moved are unchanged, at their new lines', async () => {
    repo.write(CONFIG, config());
    repo.write('whitelists/db.txt', '192.0.2.0/24\nnot-an-address\n');
    const base = repo.commit('base');
    repo.write('whitelists/db.txt', '# office\n# more\n192.0.2.0/24\n\nnot-an-address\n');
    repo.commit('head');

    const report = await check(repo, base);
    expect(summary(report.findings)).toEqual([
      'missing-entry db 198.51.100.0/28 unchanged',
      'invalid-entry db not-an-address unchanged'
    ]);
    expect(report.findings.find((f) => f.rule === 'invalid-entry')).toMatchObject({ line: 5 });
    expect(report.baseline!.newCount).toBe(0);
  });

  it('a renamed whitelist file keeps the gap unchanged (the file is not part of a missing entry)', async () => {
    repo.write(CONFIG, config());
    repo.write('whitelists/db.txt', '192.0.2.0/24\n');
    const base = repo.commit('base');
    repo.move('whitelists/db.txt', 'lists/database.txt');
    repo.write(CONFIG, config({ dbFile: 'lists/database.txt' }));
    repo.commit('head');

    const report = await check(repo, base);
    expect(summary(report.findings)).toEqual(['missing-entry db 198.51.100.0/28 unchanged']);
    expect(report.findings[0]!.file).toBe('lists/database.txt');
    expect(report.resolvedFindings).toEqual([]);
  });

  it('a config that did not exist at the base makes every finding new', async () => {
    repo.write('README.md', 'nothing yet\n');
    const base = repo.commit('base');
    repo.write(CONFIG, config());
    repo.write('whitelists/db.txt', '192.0.2.0/24\n10.0.0.5/24\n');
    repo.commit('head');

    const report = await check(repo, base);
    expect(summary(report.findings)).toEqual([
      'missing-entry db 198.51.100.0/28 new',
      'host-bits-set db 10.0.0.0/24 new'
    ]);
    expect(report.resolvedFindings).toEqual([]);
    expect(report.baseline).toMatchObject({ read: true, newCount: 2 });
  });

  it('a deleted data source: its findings are resolved', async () => {
    repo.write(
      CONFIG,
      config({
        extra: `  old:
    product: redis
    network: private
    whitelist: { file: whitelists/old.txt }
    access: [{ module: data-integration, resourceGroups: [sl] }]
`
      })
    );
    repo.write('whitelists/db.txt', '192.0.2.0/24\n');
    repo.write('whitelists/old.txt', '203.0.113.0/24\n');
    const base = repo.commit('base');
    repo.write(CONFIG, config());
    repo.remove('whitelists/old.txt');
    repo.commit('head');

    const report = await check(repo, base);
    expect(summary(report.findings)).toEqual(['missing-entry db 198.51.100.0/28 unchanged']);
    expect(summary(report.resolvedFindings)).toEqual([
      'missing-entry old 192.0.2.0/24',
      'missing-entry old 198.51.100.0/28'
    ]);
  });

  it('a Terraform variable changed in tfvars only: the gap is new', async () => {
    repo.write(
      CONFIG,
      config({ withTf: true }).replace(
        'select: alicloud_db_instance.db',
        'select: alicloud_db_instance.db, tfvars: [infra/prod.tfvars]'
      )
    );
    repo.write('whitelists/db.txt', '192.0.2.0/24\n198.51.100.0/28\n');
    repo.write('infra/main.tf', TF);
    repo.write('infra/prod.tfvars', 'ips = ["192.0.2.0/24", "198.51.100.0/28"]\n');
    const base = repo.commit('base');
    repo.write('infra/prod.tfvars', 'ips = ["192.0.2.0/24"]\n');
    repo.commit('head');

    const report = await check(repo, base);
    expect(summary(report.findings)).toEqual(['missing-entry tf 198.51.100.0/28 new']);
    expect(report.findings[0]).toMatchObject({ dataSource: 'tf' });
    expect(report.resolvedFindings).toEqual([]);
  });

  it('a base that cannot be read: a warning, and every finding is new', async () => {
    repo.write(CONFIG, config());
    repo.write('whitelists/db.txt', '192.0.2.0/24\n');
    repo.commit('head');

    const report = await check(repo, 'no-such-branch');
    expect(summary(report.findings)).toEqual(['missing-entry db 198.51.100.0/28 new']);
    expect(report.baseline).toMatchObject({ ref: 'no-such-branch', read: false, newCount: 1 });
    expect(report.baseline!.commit).toBeUndefined();
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(
      /^baseline no-such-branch: the base commit "no-such-branch" could not be read .*; every finding is reported as new$/
    );
  });

  it('--only-new: unchanged errors do not fail the run; status and counts still cover every finding', async () => {
    repo.write(CONFIG, config());
    repo.write('whitelists/db.txt', '192.0.2.0/24\n');
    const base = repo.commit('base');
    repo.write('whitelists/db.txt', '# moved\n192.0.2.0/24\n');
    repo.commit('head');

    const report = await check(repo, base, true);
    expect(report.status).toBe('fail');
    expect(report.summary.missing).toBe(1);
    expect(failsRun(report, 'error')).toBe(false);
    expect(failsRun({ ...report, baseline: { ...report.baseline!, onlyNew: false } }, 'error')).toBe(true);

    repo.write('whitelists/db.txt', '# moved\n');
    const worse = await check(repo, base, true);
    expect(failsRun(worse, 'error')).toBe(true);
    expect(failsRun(worse, 'never')).toBe(false);
  });

  it('--only-new: status error (could not check) still fails, even when the base had the same error', async () => {
    repo.write(CONFIG, config({ dbFile: 'whitelists/absent.txt' }));
    const base = repo.commit('base');
    repo.write('README.md', 'unrelated\n');
    repo.commit('head');

    const report = await check(repo, base, true);
    expect(report.status).toBe('error');
    expect(summary(report.findings)).toEqual(['invalid-whitelist db - unchanged']);
    expect(failsRun(report, 'never')).toBe(true);
  });
});

describe('hostile base trees', () => {
  it('a link in the base tree that leaves the root is refused, and nothing outside is read', async () => {
    repo.write(CONFIG, config());
    repo.link('whitelists/db.txt', '../../../../../../etc/passwd');
    const base = repo.commit('base');
    repo.remove('whitelists/db.txt');
    repo.write('whitelists/db.txt', '192.0.2.0/24\n198.51.100.0/28\n');
    repo.commit('head');

    const report = await check(repo, base);
    expect(report.findings).toEqual([]);
    expect(summary(report.resolvedFindings)).toEqual(['invalid-whitelist db -']);
    expect(report.resolvedFindings![0]!.message).toContain(
      'is a link to a place outside the repository; it was not read'
    );
    expect(JSON.stringify(report)).not.toContain('root:');
  });

  it('a huge blob in the base tree is refused by its listed size, never read whole', async () => {
    repo.write(CONFIG, config());
    repo.write('whitelists/db.txt', `192.0.2.0/24\n${'#'.repeat(2 * 1024 * 1024)}\n`);
    const base = repo.commit('base');
    repo.write('whitelists/db.txt', '192.0.2.0/24\n198.51.100.0/28\n');
    repo.commit('head');

    const report = await check(repo, base);
    expect(report.status).toBe('pass');
    expect(summary(report.resolvedFindings)).toEqual(['invalid-whitelist db -']);
    expect(report.resolvedFindings![0]!.message).toMatch(/over the limit of 1 MiB/);
  });

  it('a working directory below the git root reads the base tree of that directory, confined to it', async () => {
    repo.write('sub/' + CONFIG, config({ dbFile: 'escape.txt' }));
    repo.write('secret.txt', '198.51.100.0/28\n');
    repo.link('sub/escape.txt', '../secret.txt');
    repo.write('sub/lists/db.txt', '192.0.2.0/24\n');
    const base = repo.commit('base');
    repo.write('sub/' + CONFIG, config({ dbFile: 'lists/db.txt' }));
    repo.commit('head');

    const { logger } = logged();
    const root = `${repo.root}/sub`;
    const report = await runBaselineCheck(
      { ...options(repo, logger), root },
      { ref: base, onlyNew: false, readBase: () => gitBaseFiles(root, base) }
    );
    expect(summary(report.findings)).toEqual(['missing-entry db 198.51.100.0/28 new']);
    expect(summary(report.resolvedFindings)).toEqual(['invalid-whitelist db -']);
    expect(report.resolvedFindings![0]!.message).toContain('outside the repository');
  });
});
