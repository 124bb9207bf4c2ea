import { marker, sameBody } from '../../src/action/markers.js';
import { GITHUB_BODY_LIMIT, upsertStickyComment, type StickyCommentRequest } from '../../src/action/sticky-comment.js';
import { silentLogger } from '../../src/io.js';
import { MemoryGitHub } from './memory-github.js';

const PR = 7;
const MARK = marker('comment', '.github/dataworks-whitelist.yml');

function request(api: MemoryGitHub, overrides: Partial<StickyCommentRequest> = {}): StickyCommentRequest {
  return {
    api,
    logger: silentLogger,
    issueNumber: PR,
    mode: 'on-findings',
    marker: MARK,
    hasFindings: true,
    body: `${MARK}\nreport v1`,
    resolvedBody: `${MARK}\nresolved in abc`,
    ...overrides
  };
}

describe('marker', () => {
  it('encodes the key so it cannot close the HTML comment or prefix another key', () => {
    const hostile = marker('comment', 'a --> <b>@x');
    expect(hostile).toBe('<!-- dataworks-whitelist-guard:comment key=a%20--%3E%20%3Cb%3E%40x -->');
    expect(marker('comment', 'a/b').includes(marker('comment', 'a'))).toBe(false);
    expect(marker('comment', 'k')).not.toBe(marker('audit-issue', 'k'));
  });
  it('compares bodies as GitHub stores them', () => {
    expect(sameBody('a\nb\n', 'a\r\nb')).toBe(true);
    expect(sameBody('a\nb', 'a\nc')).toBe(false);
  });
});

describe('upsertStickyComment', () => {
  it('creates one comment on the first run and updates it on the second', async () => {
    const api = new MemoryGitHub();
    api.seedComment(PR, 'a human comment');
    const first = await upsertStickyComment(request(api));
    expect(first.outcome).toBe('created');
    const second = await upsertStickyComment(request(api, { body: `${MARK}\nreport v2` }));
    expect(second).toEqual({ outcome: 'updated', url: first.url });
    const bodies = (await api.listComments(PR)).map((c) => c.body);
    expect(bodies).toEqual(['a human comment', `${MARK}\nreport v2`]);
    expect(api.writes).toEqual(['create-comment #7', expect.stringMatching(/^update-comment \d+$/)]);
  });

  it('does not write when the body is unchanged', async () => {
    const api = new MemoryGitHub();
    api.seedComment(PR, `${MARK}\r\nreport v1\n`);
    expect((await upsertStickyComment(request(api))).outcome).toBe('unchanged');
    expect(api.writes).toEqual([]);
  });

  it('finds its comment by marker only, not another key', async () => {
    const api = new MemoryGitHub();
    const other = api.seedComment(PR, `${marker('comment', 'other.yml')}\nold`);
    await upsertStickyComment(request(api));
    const comments = await api.listComments(PR);
    expect(comments).toHaveLength(2);
    expect(comments.find((c) => c.id === other.id)?.body).toContain('old');
  });

  it('on a clean run updates an existing comment to the resolved body', async () => {
    const api = new MemoryGitHub();
    api.seedComment(PR, `${MARK}\nreport v1`);
    const result = await upsertStickyComment(request(api, { hasFindings: false }));
    expect(result.outcome).toBe('resolved');
    expect((await api.listComments(PR))[0]!.body).toBe(`${MARK}\nresolved in abc`);
    expect((await upsertStickyComment(request(api, { hasFindings: false }))).outcome).toBe('unchanged');
  });

  it('on a clean run with no comment creates none (on-findings) but writes one with always', async () => {
    const api = new MemoryGitHub();
    expect((await upsertStickyComment(request(api, { hasFindings: false }))).outcome).toBe('none');
    expect(api.writes).toEqual([]);
    expect((await upsertStickyComment(request(api, { hasFindings: false, mode: 'always' }))).outcome).toBe('created');
  });

  it('never writes with mode never', async () => {
    const api = new MemoryGitHub();
    expect((await upsertStickyComment(request(api, { mode: 'never' }))).outcome).toBe('none');
    expect(api.writes).toEqual([]);
  });

  it('deletes its own newer comment when a parallel job created one first', async () => {
    const api = new MemoryGitHub();
    let parallel: number | undefined;
    // The other job's create lands between our list and our create: its id is lower.
    const realCreate = api.createComment.bind(api);
    api.createComment = async (issueNumber, body) => {
      parallel = api.seedComment(issueNumber, `${MARK}\nreport from the other job`).id;
      return realCreate(issueNumber, body);
    };
    const result = await upsertStickyComment(request(api));
    const comments = await api.listComments(PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(parallel);
    expect(comments[0]!.body).toBe(`${MARK}\nreport v1`);
    expect(result.outcome).toBe('updated');
  });

  it('keeps the oldest of leftover duplicates', async () => {
    const api = new MemoryGitHub();
    const oldest = api.seedComment(PR, `${MARK}\nold`);
    api.seedComment(PR, `${MARK}\nnewer`);
    await upsertStickyComment(request(api));
    expect(await api.listComments(PR)).toEqual([{ id: oldest.id, body: `${MARK}\nreport v1`, url: oldest.url }]);
  });

  it('refuses bodies without the marker or over the limit', async () => {
    const api = new MemoryGitHub();
    await expect(upsertStickyComment(request(api, { body: 'no marker' }))).rejects.toThrow(/marker/);
    await expect(
      upsertStickyComment(request(api, { body: `${MARK}${'x'.repeat(GITHUB_BODY_LIMIT)}` }))
    ).rejects.toThrow(/65536/);
    expect(api.writes).toEqual([]);
  });
});
