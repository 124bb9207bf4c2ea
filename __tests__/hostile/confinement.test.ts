/**
 * Issue 8 §1: every path the tool opens stays inside the repository's real root and outside `.git/`, whatever
 * links a pull request adds; what is refused is a positioned finding that says why, and nothing outside is quoted.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { diskRepoFiles, RepoFileError } from '../../src/io.js';
import { byRule, CONFIG, configWith, everyText, tempRepo, type TempRepo } from './repo.js';

const SECRET = 'SECRET_TOKEN_VALUE_203.0.113.250';
const OUTSIDE_MESSAGE = 'is a link to a place outside the repository; it was not read';
const FOLDER_MESSAGE = 'lies in a folder that is a link to a place outside the repository; it was not read';

const TF_MODULE = `resource "alicloud_db_instance" "db" {
  security_ips = var.ips
}
variable "ips" {
  type = list(string)
}
`;

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
  writeFileSync(path.join(repo.outside, 'secret.txt'), `${SECRET}\n192.0.2.0/24\n`);
  writeFileSync(path.join(repo.outside, 'main.tf'), TF_MODULE.replace('var.ips', `["${SECRET}"]`));
  writeFileSync(path.join(repo.outside, 'vars.tfvars'), `ips = ["192.0.2.0/24", "${SECRET}"]\n`);
});
afterEach(() => repo.remove());

/** The config line of `whitelist:` in `configWith`, and the column of its value. */
const WHITELIST_AT = { file: CONFIG, line: 11, column: 16 };

describe('confinement: links that leave the repository are refused where the config names them', () => {
  it('a whitelist file that links outside: invalid-whitelist at the config, nothing of the target quoted', async () => {
    repo.write(CONFIG, configWith('{ file: whitelists/redis.txt }'));
    repo.link('whitelists/redis.txt', path.join(repo.outside, 'secret.txt'));
    const report = await repo.check();
    expect(report.status).toBe('error');
    const [finding, ...rest] = byRule(report, 'invalid-whitelist');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ...WHITELIST_AT, dataSource: 'db' });
    expect(finding!.message).toBe(`whitelist file "whitelists/redis.txt" ${OUTSIDE_MESSAGE}`);
    expect(everyText(report)).not.toContain('SECRET');
    expect(byRule(report, 'invalid-entry')).toEqual([]);
  });

  it('a link to /proc/self/environ prints no environment', async () => {
    repo.write(CONFIG, configWith('{ file: whitelists/env.txt }'));
    repo.link('whitelists/env.txt', '/proc/self/environ');
    const report = await repo.check();
    expect(byRule(report, 'invalid-whitelist')[0]!.message).toBe(
      `whitelist file "whitelists/env.txt" ${OUTSIDE_MESSAGE}`
    );
    expect(everyText(report)).not.toContain('PATH=');
  });

  it('a relative link that climbs out (../../outside) is refused too', async () => {
    repo.write(CONFIG, configWith('{ file: whitelists/up.txt }'));
    repo.link('whitelists/up.txt', '../../outside/secret.txt');
    const report = await repo.check();
    expect(byRule(report, 'invalid-whitelist')[0]!.message).toBe(
      `whitelist file "whitelists/up.txt" ${OUTSIDE_MESSAGE}`
    );
  });

  it('a parent folder that links outside: the file in it is refused', async () => {
    repo.write(CONFIG, configWith('{ file: lists/secret.txt }'));
    repo.link('lists', repo.outside);
    const report = await repo.check();
    const [finding] = byRule(report, 'invalid-whitelist');
    expect(finding).toMatchObject(WHITELIST_AT);
    expect(finding!.message).toBe(`whitelist file "lists/secret.txt" ${FOLDER_MESSAGE}`);
    expect(everyText(report)).not.toContain('SECRET');
  });

  it('a missing file in a folder that links outside does not reveal what exists there', async () => {
    repo.write(CONFIG, configWith('{ file: lists/absent.txt }'));
    repo.link('lists', repo.outside);
    const report = await repo.check();
    expect(byRule(report, 'invalid-whitelist')[0]!.message).toBe(`whitelist file "lists/absent.txt" ${FOLDER_MESSAGE}`);
  });

  it('a dangling link whose target would be outside is refused as outside, not "does not exist"', async () => {
    repo.write(CONFIG, configWith('{ file: whitelists/gone.txt }'));
    repo.link('whitelists/gone.txt', path.join(repo.outside, 'no-such-file'));
    const report = await repo.check();
    expect(byRule(report, 'invalid-whitelist')[0]!.message).toBe(
      `whitelist file "whitelists/gone.txt" ${OUTSIDE_MESSAGE}`
    );
  });

  it('the config file itself linking outside is invalid-config', async () => {
    repo.link(CONFIG, path.join(repo.outside, 'secret.txt'));
    const report = await repo.check();
    expect(report.status).toBe('error');
    const [finding] = byRule(report, 'invalid-config');
    expect(finding).toMatchObject({ file: CONFIG });
    expect(finding!.message).toBe(`configuration file "${CONFIG}" ${OUTSIDE_MESSAGE}`);
    expect(everyText(report)).not.toContain('SECRET');
  });

  it('a tfvars file that links outside is refused at the source', async () => {
    repo.write(
      CONFIG,
      configWith('{ file: infra/main.tf, select: alicloud_db_instance.db, tfvars: [infra/prod.tfvars] }')
    );
    repo.write('infra/main.tf', TF_MODULE);
    repo.link('infra/prod.tfvars', path.join(repo.outside, 'vars.tfvars'));
    const report = await repo.check();
    const [finding, ...rest] = byRule(report, 'invalid-whitelist');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject(WHITELIST_AT);
    expect(finding!.message).toBe(`infra/prod.tfvars ${OUTSIDE_MESSAGE}`);
    expect(everyText(report)).not.toContain('SECRET');
  });

  it.each(['terraform.tfvars', 'prod.auto.tfvars'])(
    '%s in the module folder that links outside is refused',
    async (name) => {
      repo.write(CONFIG, configWith('{ file: infra/main.tf, select: alicloud_db_instance.db }'));
      repo.write('infra/main.tf', TF_MODULE);
      repo.link(`infra/${name}`, path.join(repo.outside, 'vars.tfvars'));
      const report = await repo.check();
      expect(byRule(report, 'invalid-whitelist')[0]!.message).toBe(`infra/${name} ${OUTSIDE_MESSAGE}`);
      expect(everyText(report)).not.toContain('SECRET');
    }
  );

  it('a Terraform folder that links outside is refused', async () => {
    repo.write(CONFIG, configWith('{ file: infra, select: alicloud_db_instance.db }'));
    repo.link('infra', repo.outside);
    const report = await repo.check();
    const [finding] = byRule(report, 'invalid-whitelist');
    expect(finding).toMatchObject(WHITELIST_AT);
    expect(finding!.message).toBe(`infra ${OUTSIDE_MESSAGE}`);
    expect(everyText(report)).not.toContain('SECRET');
  });

  it('a .tf file of the module that links outside is refused', async () => {
    repo.write(CONFIG, configWith('{ file: infra, select: alicloud_db_instance.db }'));
    repo.write('infra/variables.tf', 'variable "x" {}\n');
    repo.link('infra/main.tf', path.join(repo.outside, 'main.tf'));
    const report = await repo.check();
    expect(byRule(report, 'invalid-whitelist')[0]!.message).toBe(`infra/main.tf ${OUTSIDE_MESSAGE}`);
    expect(everyText(report)).not.toContain('SECRET');
  });
});

describe('confinement: .git is never read', () => {
  beforeEach(() => repo.write('.git/config', `[http]\n  extraheader = AUTHORIZATION: basic ${SECRET}\n`));

  it.each(['.git/config', './.git/config', 'whitelists/../.git/config', '.GIT/config'])(
    'file: %s is refused',
    async (file) => {
      repo.write(CONFIG, configWith(`{ file: "${file}" }`));
      const report = await repo.check();
      const [finding] = byRule(report, 'invalid-whitelist');
      expect(finding).toMatchObject(WHITELIST_AT);
      expect(finding!.message).toMatch(/under \.git\/, which is never read; it was not read$/);
      expect(everyText(report)).not.toContain('SECRET');
    }
  );

  it('a link into .git is refused', async () => {
    repo.write(CONFIG, configWith('{ file: whitelists/x.txt }'));
    repo.link('whitelists/x.txt', '../.git/config');
    const report = await repo.check();
    expect(byRule(report, 'invalid-whitelist')[0]!.message).toBe(
      'whitelist file "whitelists/x.txt" is a link into .git/, which is never read; it was not read'
    );
    expect(everyText(report)).not.toContain('SECRET');
  });

  it('.git is never listed, and a Terraform module at the root does not see it', async () => {
    const files = diskRepoFiles(repo.root);
    repo.write('main.tf', TF_MODULE);
    expect(await files.listDir('')).not.toContain('.git');
    await expect(files.listDir('.git')).rejects.toBeInstanceOf(RepoFileError);
    await expect(files.kind('.git/config')).rejects.toMatchObject({ code: 'GIT_DIR' });
  });
});

describe('confinement: links that stay inside keep working', () => {
  it('a file link and a folder link inside the root read their targets', async () => {
    repo.write(
      CONFIG,
      configWith(
        '[{ file: whitelists/a.txt }, { file: linked/b.txt }, { file: infra-link, select: alicloud_db_instance.db }]'
      )
    );
    repo.write('shared/a.txt', '192.0.2.0/25\n');
    repo.link('whitelists/a.txt', '../shared/a.txt');
    repo.write('real/b.txt', '192.0.2.128/25\n');
    repo.link('linked', 'real');
    repo.write('infra/main.tf', TF_MODULE);
    repo.write('infra/terraform.tfvars', 'ips = ["192.0.2.0/24"]\n');
    repo.link('infra-link', 'infra');
    const report = await repo.check();
    expect(report.findings.filter((f) => f.severity !== 'notice')).toEqual([]);
    expect(report.status).toBe('pass');
  });

  it('the same file named by several sources (and through a link) is read once', async () => {
    repo.write('whitelists/a.txt', '192.0.2.0/24\n');
    repo.link('whitelists/b.txt', 'a.txt');
    const files = diskRepoFiles(repo.root, { maxFilesPerRun: 1 });
    expect(await files.readText('whitelists/a.txt')).toBe('192.0.2.0/24\n');
    expect(await files.readText('./whitelists/a.txt')).toBe('192.0.2.0/24\n');
    expect(await files.readText('whitelists/b.txt')).toBe('192.0.2.0/24\n');
  });
});

describe('confinement: --config outside --root', () => {
  async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const { runCli } = await import('../../src/cli/run.js');
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
      cwd
    });
    return { code, stdout, stderr };
  }

  it.each([
    ['a path that climbs out', '../outside/config.yml'],
    ['an absolute path elsewhere', '/etc/passwd']
  ])('%s is a usage error that says so, and nothing is read', async (_, config) => {
    writeFileSync(path.join(repo.outside, 'config.yml'), SECRET);
    const out = await cli(['check', '--resolve', 'offline', '--root', repo.root, '--config', config], repo.root);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.split('\n')[0]).toBe(
      `dataworks-whitelist-guard: --config ${config} is outside --root ${repo.root}: the config must be a file inside the repository it checks`
    );
    expect(out.stderr).not.toContain('SECRET');
  });

  it('an absolute --config inside --root is accepted and named relative to the root', async () => {
    repo.write('ci/guard.yml', configWith('{ file: wl.txt }'));
    repo.write('wl.txt', '192.0.2.0/24\n');
    const out = await cli(
      [
        'check',
        '--resolve',
        'offline',
        '--format',
        'json',
        '--root',
        repo.root,
        '--config',
        path.join(repo.root, 'ci/guard.yml')
      ],
      repo.outside
    );
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ status: 'pass', config: 'ci/guard.yml' });
  });
});
