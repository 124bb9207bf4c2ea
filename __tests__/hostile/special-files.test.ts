/** Issue 8 §2/§4: a FIFO, a socket or a device is named for what it is and never blocks the run. */
import net from 'node:net';
import path from 'node:path';
import { byRule, CONFIG, configWith, tempRepo, timed, type TempRepo } from './repo.js';

const FIFO = 'is a FIFO (named pipe), not a regular file; it was not read';
const WHITELIST_AT = { file: CONFIG, line: 11, column: 16 };
const TF = 'resource "alicloud_db_instance" "db" {\n  security_ips = var.ips\n}\nvariable "ips" {}\n';

let repo: TempRepo;
beforeEach(() => (repo = tempRepo()));
afterEach(() => repo.remove());

describe('special files', () => {
  it('a FIFO as a whitelist: a finding at the config, at once', async () => {
    repo.write(CONFIG, configWith('{ file: whitelists/pipe.txt }'));
    repo.fifo('whitelists/pipe.txt');
    const { result: report, ms } = await timed(() => repo.check());
    expect(ms).toBeLessThan(2000);
    const [finding] = byRule(report, 'invalid-whitelist');
    expect(finding).toMatchObject(WHITELIST_AT);
    expect(finding!.message).toBe(`whitelist file "whitelists/pipe.txt" ${FIFO}`);
    expect(report.status).toBe('error');
  });

  it('a FIFO as the config: invalid-config, at once', async () => {
    repo.fifo(CONFIG);
    const { result: report, ms } = await timed(() => repo.check());
    expect(ms).toBeLessThan(2000);
    expect(byRule(report, 'invalid-config')[0]!.message).toBe(`configuration file "${CONFIG}" ${FIFO}`);
  });

  it.each([
    [
      'a tfvars: file',
      '{ file: infra/main.tf, select: alicloud_db_instance.db, tfvars: [infra/x.tfvars] }',
      'infra/x.tfvars'
    ],
    ['terraform.tfvars', '{ file: infra/main.tf, select: alicloud_db_instance.db }', 'infra/terraform.tfvars'],
    ['a .tf file of the module', '{ file: infra, select: alicloud_db_instance.db }', 'infra/pipe.tf']
  ])('a FIFO as %s: a finding at the source, at once', async (_, whitelist, fifo) => {
    repo.write(CONFIG, configWith(whitelist));
    repo.write('infra/main.tf', TF);
    repo.fifo(fifo);
    const { result: report, ms } = await timed(() => repo.check());
    expect(ms).toBeLessThan(3000);
    const [finding] = byRule(report, 'invalid-whitelist');
    expect(finding).toMatchObject(WHITELIST_AT);
    expect(finding!.message).toBe(`${fifo} ${FIFO}`);
  });

  it('a socket is named as a socket', async () => {
    repo.write(CONFIG, configWith('{ file: s.txt }'));
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(repo.root, 's.txt'), resolve));
    try {
      const report = await repo.check();
      expect(byRule(report, 'invalid-whitelist')[0]!.message).toBe(
        'whitelist file "s.txt" is a socket, not a regular file; it was not read'
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a link to a device is refused without reading it', async () => {
    repo.write(CONFIG, configWith('{ file: zero.txt }'));
    repo.link('zero.txt', '/dev/zero');
    const { result: report, ms } = await timed(() => repo.check());
    expect(ms).toBeLessThan(2000);
    expect(byRule(report, 'invalid-whitelist')[0]!.message).toMatch(
      /^whitelist file "zero.txt" is a link to a place outside/
    );
  });

  it('a UTF-16 file is refused in words, with no NUL byte in any message', async () => {
    repo.write(CONFIG, configWith('{ file: utf16.txt }'));
    repo.write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('192.0.2.0/24\n', 'utf16le')]));
    const report = await repo.check();
    expect(byRule(report, 'invalid-whitelist')[0]!.message).toBe(
      'whitelist file "utf16.txt" is encoded as UTF-16; save it as UTF-8'
    );
    expect(JSON.stringify(report)).not.toContain('\\u0000');
  });

  it('a UTF-16 config is refused the same way', async () => {
    repo.write(
      CONFIG,
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(configWith('{ file: a.txt }'), 'utf16le').swap16()])
    );
    const report = await repo.check();
    expect(byRule(report, 'invalid-config')[0]!.message).toBe(
      `configuration file "${CONFIG}" is encoded as UTF-16; save it as UTF-8`
    );
  });

  it('a binary file (NUL bytes) is refused', async () => {
    repo.write(CONFIG, configWith('{ file: bin.txt }'));
    repo.write('bin.txt', Buffer.from([0x31, 0x00, 0x32, 0x0a]));
    const report = await repo.check();
    expect(byRule(report, 'invalid-whitelist')[0]!.message).toMatch(/^whitelist file "bin.txt" contains NUL bytes/);
  });
});
