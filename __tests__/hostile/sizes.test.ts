/** Issue 8 §2: sizes are checked before reading, the run's reading is budgeted, and findings are capped. */
import { truncateSync } from 'node:fs';
import { MAX_ENTRIES_PER_SOURCE, MAX_FILE_BYTES, MAX_INVALID_ENTRIES_PER_FILE } from '../../src/bounds.js';
import { diskRepoFiles } from '../../src/io.js';
import { byRule, CONFIG, configWith, tempRepo, timed, type TempRepo } from './repo.js';

let repo: TempRepo;
beforeEach(() => (repo = tempRepo()));
afterEach(() => repo.remove());

describe('sizes', () => {
  it('200 MB of whitelist lines: a finding with the size and the limit, fast, without reading it', async () => {
    repo.write(CONFIG, configWith('{ file: huge.txt }'));
    truncateSync(repo.write('huge.txt', '192.0.2.0/24\n'), 200 * 1024 * 1024);
    const { result: report, ms } = await timed(() => repo.check());
    expect(ms).toBeLessThan(2000);
    const [finding] = byRule(report, 'invalid-whitelist');
    expect(finding).toMatchObject({ file: CONFIG, line: 11, column: 16 });
    expect(finding!.message).toBe(
      'whitelist file "huge.txt" is 209,715,200 bytes, over the limit of 1 MiB (1,048,576 bytes) per file; it was not read'
    );
    expect(report.status).toBe('error');
  });

  it('a config over the limit is invalid-config', async () => {
    truncateSync(repo.write(CONFIG, configWith('{ file: a.txt }')), MAX_FILE_BYTES + 1);
    const report = await repo.check();
    expect(byRule(report, 'invalid-config')[0]!.message).toBe(
      `configuration file "${CONFIG}" is 1,048,577 bytes, over the limit of 1 MiB (1,048,576 bytes) per file; it was not read`
    );
  });

  it('the run-wide limits on files and bytes refuse the file that goes over', async () => {
    repo.write('a.txt', '192.0.2.1\n');
    repo.write('b.txt', '192.0.2.2\n');
    repo.write('c.txt', '192.0.2.3\n');
    const byFiles = diskRepoFiles(repo.root, { maxFilesPerRun: 2 });
    await byFiles.readText('a.txt');
    await byFiles.readText('b.txt');
    await byFiles.readText('a.txt'); // read once: a cache hit costs nothing
    await expect(byFiles.readText('c.txt')).rejects.toMatchObject({
      code: 'RUN_LIMIT',
      reason: 'was not read: this run already read 2 files, the limit per run'
    });
    const byBytes = diskRepoFiles(repo.root, { maxBytesPerRun: 15 });
    await byBytes.readText('a.txt');
    await expect(byBytes.readText('b.txt')).rejects.toMatchObject({
      code: 'RUN_LIMIT',
      reason: 'was not read: it would take this run over the limit of 15 bytes read per run'
    });
  });

  it('a source with more entries than the limit counts as unread', async () => {
    repo.write(CONFIG, configWith('{ file: many.txt }'));
    const lines = Array.from({ length: MAX_ENTRIES_PER_SOURCE + 1 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    repo.write('many.txt', `192.0.2.0/24\n${lines.join('\n')}\n`);
    const { result: report, ms } = await timed(() => repo.check());
    expect(ms).toBeLessThan(5000);
    expect(byRule(report, 'invalid-whitelist')[0]!.message).toBe(
      'whitelist "many.txt" holds 20,002 entries, over the limit of 20,000 per whitelist source; it was not read'
    );
    expect(report.status).toBe('error');
  });

  it('many sources naming one large file stop at the run budget, at the same source every time', async () => {
    const sources = Array.from({ length: 30 }, () => '{ file: big.txt }').join(', ');
    repo.write(CONFIG, configWith(`[${sources}]`, 'other'));
    // 0.9 MiB of comments: each read parses it, the run budget is 16 MiB.
    repo.write('big.txt', `192.0.2.0/24\n${'#'.repeat(900 * 1024)}\n`);
    const { result: report, ms } = await timed(() => repo.check());
    expect(ms).toBeLessThan(5000);
    const refused = byRule(report, 'invalid-whitelist');
    expect(refused.length).toBe(12);
    expect(refused[0]!.message).toMatch(
      /^whitelist file "big.txt" was not read: this run already parsed 15\.\d MiB of whitelists, and the limit per run is 16 MiB$/
    );
  });

  it('unparsable entries: an 80-character prefix is quoted, and the findings of one file are capped', async () => {
    repo.write(CONFIG, configWith('{ file: junk.txt }'));
    const long = `SECRET${'x'.repeat(500)}`;
    const junk = Array.from({ length: 50 }, (_, i) => `junk-${i}`);
    repo.write('junk.txt', `192.0.2.0/24\n${long}\n${junk.join('\n')}\n`);
    const report = await repo.check();
    const invalid = byRule(report, 'invalid-entry');
    expect(invalid).toHaveLength(MAX_INVALID_ENTRIES_PER_FILE + 1);
    const first = invalid[0]!;
    expect(first.raw).toBe(`${long.slice(0, 80)}…`);
    expect(first.message).toBe(
      `"${long.slice(0, 80)}…" is not a valid whitelist entry: it is longer than any address, CIDR block or range`
    );
    const last = invalid[invalid.length - 1]!;
    expect(last.message).toBe(
      '31 more entries of "junk.txt" are not valid whitelist entries; only the first 20 are reported one by one'
    );
    expect(last).toMatchObject({ file: 'junk.txt', line: 22, column: 1 });
    expect(JSON.stringify(report)).not.toContain('junk-49');
  });
});
