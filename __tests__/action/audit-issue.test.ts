import { AUDIT_LABEL, syncAuditIssue, type AuditIssueRequest } from '../../src/action/audit-issue.js';
import { marker } from '../../src/action/markers.js';
import { silentLogger } from '../../src/io.js';
import { MemoryGitHub } from './memory-github.js';

const MARK = marker('audit-issue', 'cfg.yml');

function request(api: MemoryGitHub, overrides: Partial<AuditIssueRequest> = {}): AuditIssueRequest {
  return {
    api,
    logger: silentLogger,
    marker: MARK,
    hasProblems: true,
    title: 'DataWorks whitelist findings: cfg.yml',
    body: `${MARK}\nfindings v1`,
    closingComment: 'Resolved in abc.',
    ...overrides
  };
}

describe('syncAuditIssue', () => {
  it('creates the label and one issue, updates it when findings change, and leaves it when they do not', async () => {
    const api = new MemoryGitHub();
    const created = await syncAuditIssue(request(api));
    expect(created.outcome).toBe('created');
    expect(api.labels.has(AUDIT_LABEL)).toBe(true);
    expect(api.issues).toHaveLength(1);
    expect(api.issues[0]!.labels).toEqual([AUDIT_LABEL]);

    expect((await syncAuditIssue(request(api))).outcome).toBe('unchanged');
    const updated = await syncAuditIssue(request(api, { body: `${MARK}\nfindings v2` }));
    expect(updated).toEqual({ outcome: 'updated', url: created.url });
    expect(api.issues[0]!.body).toBe(`${MARK}\nfindings v2`);
    expect(api.writes).toEqual(['create-label dataworks-whitelist', 'create-issue', 'update-issue #1']);
  });

  it('closes the open issue with a comment when clean, and a later regression opens a new one', async () => {
    const api = new MemoryGitHub();
    await syncAuditIssue(request(api));
    const closed = await syncAuditIssue(request(api, { hasProblems: false }));
    expect(closed.outcome).toBe('closed');
    expect(api.issues[0]!.state).toBe('closed');
    expect(api.issues[0]!.stateReason).toBe('completed');
    expect((await api.listComments(1)).map((c) => c.body)).toEqual(['Resolved in abc.']);

    expect((await syncAuditIssue(request(api, { hasProblems: false }))).outcome).toBe('none');
    const reopened = await syncAuditIssue(request(api));
    expect(reopened.outcome).toBe('created');
    expect(api.issues.map((i) => i.state)).toEqual(['closed', 'open']);
  });

  it('ignores issues of other keys, unlabeled issues and pull requests', async () => {
    const api = new MemoryGitHub();
    api.seedIssue({ body: `${marker('audit-issue', 'other.yml')}\nx`, labels: [AUDIT_LABEL] });
    api.seedIssue({ body: `${MARK}\nno label`, labels: [] });
    api.seedIssue({ body: `${MARK}\na PR`, labels: [AUDIT_LABEL], isPullRequest: true });
    expect((await syncAuditIssue(request(api))).outcome).toBe('created');
    expect(api.issues).toHaveLength(4);
  });

  it('closes its own newer issue as a duplicate when a parallel job opened one first', async () => {
    const api = new MemoryGitHub();
    const realCreate = api.createIssue.bind(api);
    api.createIssue = async (title, body, labels) => {
      api.seedIssue({ title, body: `${MARK}\nother job`, labels });
      return realCreate(title, body, labels);
    };
    const result = await syncAuditIssue(request(api));
    expect(result.outcome).toBe('updated');
    expect(api.issues.map((i) => [i.number, i.state, i.stateReason])).toEqual([
      [1, 'open', undefined],
      [2, 'closed', 'not_planned']
    ]);
    expect(api.issues[0]!.body).toBe(`${MARK}\nfindings v1`);
    expect((await api.listComments(2)).map((c) => c.body)).toEqual(['Duplicate of #1.']);
  });
});
