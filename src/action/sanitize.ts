/**
 * Everything the action writes where a person reads it (log lines, annotation messages and titles, the job
 * summary, the sticky comment, the audit issue) passes through the same control-character neutralising as the
 * CLI's terminal output. Repository text reaches all of these, and an ESC sequence, a BEL, a C1 control or a
 * bidi override (U+202A–U+202E, U+2066–U+2069) must not recolour a log, hide text or reorder what a reviewer
 * sees. Applied at the sinks, so a layer added later is covered too.
 */
import { sanitizeControls, sanitizeTerminal } from '../report/escape.js';
import type { GitHubApi } from './github-api.js';
import type { ActionCore, AnnotationProperties, Renderers } from './run.js';

function cleanProperties(properties: AnnotationProperties | undefined): AnnotationProperties | undefined {
  if (!properties) return properties;
  return {
    ...properties,
    ...(properties.title !== undefined ? { title: sanitizeTerminal(properties.title) } : {}),
    ...(properties.file !== undefined ? { file: sanitizeTerminal(properties.file) } : {})
  };
}

/**
 * The toolkit with every message cleaned. Log lines (`info`, `debug`) become one line each, since `info` writes
 * raw to the log, where a line break could start a workflow command; annotations and the failure message keep
 * their line breaks, which the toolkit encodes. Secrets and outputs are passed as they are.
 */
export function sanitizingCore(core: ActionCore): ActionCore {
  return {
    setSecret: (secret) => core.setSecret(secret),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(sanitizeControls(message)),
    debug: (message) => core.debug(sanitizeTerminal(message)),
    info: (message) => core.info(sanitizeTerminal(message)),
    warning: (message, properties) => core.warning(sanitizeControls(message), cleanProperties(properties)),
    error: (message, properties) => core.error(sanitizeControls(message), cleanProperties(properties)),
    notice: (message, properties) => core.notice(sanitizeControls(message), cleanProperties(properties))
  };
}

/**
 * Markdown renderers whose documents are cleaned before they are fitted into GitHub's limits, so the size checks
 * and the "body unchanged" comparison of the sticky comment see the text that is written.
 */
export function sanitizingRenderers(renderers: Renderers): Renderers {
  return {
    renderJson: (report) => renderers.renderJson(report),
    renderSarif: (report, options) => renderers.renderSarif(report, options),
    escapeMarkdown: (text) => renderers.escapeMarkdown(text),
    renderMarkdown: (report, options) => sanitizeControls(renderers.renderMarkdown(report, options)),
    renderResolvedMarkdown: (options) => sanitizeControls(renderers.renderResolvedMarkdown(options))
  };
}

/** The GitHub client with every comment and issue body and title cleaned as it is sent. */
export function sanitizingGitHubApi(api: GitHubApi): GitHubApi {
  return {
    listComments: (issueNumber) => api.listComments(issueNumber),
    createComment: (issueNumber, body) => api.createComment(issueNumber, sanitizeControls(body)),
    updateComment: (commentId, body) => api.updateComment(commentId, sanitizeControls(body)),
    deleteComment: (commentId) => api.deleteComment(commentId),
    ensureLabel: (name, description) => api.ensureLabel(name, description),
    listOpenIssues: (label) => api.listOpenIssues(label),
    createIssue: (title, body, labels) => api.createIssue(sanitizeTerminal(title), sanitizeControls(body), labels),
    updateIssue: (issueNumber, changes) =>
      api.updateIssue(issueNumber, {
        ...(changes.title !== undefined ? { title: sanitizeTerminal(changes.title) } : {}),
        ...(changes.body !== undefined ? { body: sanitizeControls(changes.body) } : {})
      }),
    closeIssue: (issueNumber, reason) => api.closeIssue(issueNumber, reason),
    listPullRequestFiles: (pullNumber) => api.listPullRequestFiles(pullNumber),
    getFileText: (filePath, ref) => api.getFileText(filePath, ref),
    listReviewComments: (pullNumber) => api.listReviewComments(pullNumber),
    // A suggestion block carries file text: suggestions whose text holds controls are never made (see
    // suggestions.ts), so cleaning the body here changes only the explanation around the block.
    createReview: (pullNumber, review) =>
      api.createReview(pullNumber, {
        ...review,
        body: sanitizeControls(review.body),
        comments: review.comments.map((c) => ({ ...c, body: sanitizeControls(c.body) }))
      }),
    deleteReviewComment: (commentId) => api.deleteReviewComment(commentId),
    defaultBranch: () => api.defaultBranch(),
    branchHead: (branch) => api.branchHead(branch),
    getCommit: (sha) => api.getCommit(sha),
    // Blobs are the files' bytes, committed as the fix wrote them: never altered.
    createBlob: (content) => api.createBlob(content),
    createTree: (baseTree, files) => api.createTree(baseTree, files),
    createCommit: (commit) => api.createCommit({ ...commit, message: sanitizeControls(commit.message) }),
    createBranch: (branch, sha) => api.createBranch(branch, sha),
    updateBranch: (branch, sha) => api.updateBranch(branch, sha),
    deleteBranch: (branch) => api.deleteBranch(branch),
    listOpenPullRequests: (branch) => api.listOpenPullRequests(branch),
    createPullRequest: (request) =>
      api.createPullRequest({
        ...request,
        title: sanitizeTerminal(request.title),
        body: sanitizeControls(request.body)
      }),
    updatePullRequest: (pullNumber, changes) =>
      api.updatePullRequest(pullNumber, {
        ...changes,
        ...(changes.title !== undefined ? { title: sanitizeTerminal(changes.title) } : {}),
        ...(changes.body !== undefined ? { body: sanitizeControls(changes.body) } : {})
      })
  };
}
