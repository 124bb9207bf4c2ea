export const id = 419;
export const ids = [419];
export const modules = {

/***/ 5419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubApi: () => (/* binding */ createGitHubApi),
/* harmony export */   createGitTreesApi: () => (/* binding */ createGitTreesApi)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6856);
/* harmony import */ var bottleneck__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2203);
/* harmony import */ var bottleneck__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(bottleneck__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _bounds_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(186);
/* harmony import */ var _base_tree_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4289);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2334);
/**
 * The Octokit client behind `GitHubApi`: GitHub's REST API with the retry and throttling plugins, and the base
 * URL from GITHUB_API_URL (GitHub Enterprise Server, tests). Loaded lazily: runs that write nothing to GitHub do
 * not pay for Octokit at start-up.
 */







const RATE_LIMIT_RETRIES = 2;
function createGitHubApi(options) {
    const { owner, repo, logger } = options;
    const retryAfterBaseValue = options.fast ? 1 : 1000;
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
        baseUrl: options.apiUrl,
        retry: { retryAfterBaseValue },
        throttle: {
            retryAfterBaseValue,
            // Production keeps the plugin's spacing: one write per second and one notifying write (comment, issue)
            // per three seconds, as GitHub asks of integrations.
            ...(options.fast
                ? {
                    write: new (bottleneck__WEBPACK_IMPORTED_MODULE_1___default().Group)({ maxConcurrent: 1, minTime: 0 }),
                    notifications: new (bottleneck__WEBPACK_IMPORTED_MODULE_1___default().Group)({ maxConcurrent: 1, minTime: 0 })
                }
                : {}),
            onRateLimit: (retryAfter, request, _octokit, retryCount) => {
                logger.warning(`GitHub rate limit hit on ${request.method} ${request.url}; retrying after ${retryAfter} s.`);
                return retryCount < RATE_LIMIT_RETRIES;
            },
            onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
                logger.warning(`GitHub secondary rate limit hit on ${request.method} ${request.url}; retrying after ${retryAfter} s.`);
                return retryCount < RATE_LIMIT_RETRIES;
            }
        }
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__/* .throttling */ .A);
    const toComment = (c) => ({
        id: c.id,
        body: c.body ?? '',
        url: c.html_url
    });
    const toIssue = (i) => ({
        number: i.number,
        body: i.body ?? '',
        title: i.title,
        url: i.html_url
    });
    const toPull = (p) => ({ number: p.number, title: p.title, body: p.body ?? '', url: p.html_url, head: p.head.ref });
    const notFoundIsNull = async (work) => {
        try {
            return await work();
        }
        catch (error) {
            if ((0,_github_api_js__WEBPACK_IMPORTED_MODULE_5__/* .httpStatus */ .n)(error) === 404)
                return null;
            throw error;
        }
    };
    return {
        async listComments(issueNumber) {
            const comments = await octokit.paginate(octokit.rest.issues.listComments, {
                owner,
                repo,
                issue_number: issueNumber,
                per_page: 100
            });
            return comments.map(toComment);
        },
        async createComment(issueNumber, body) {
            const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
            return toComment(data);
        },
        async updateComment(commentId, body) {
            const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
            return toComment(data);
        },
        async deleteComment(commentId) {
            await octokit.rest.issues.deleteComment({ owner, repo, comment_id: commentId });
        },
        async ensureLabel(name, description) {
            try {
                await octokit.rest.issues.getLabel({ owner, repo, name });
            }
            catch (error) {
                if ((0,_github_api_js__WEBPACK_IMPORTED_MODULE_5__/* .httpStatus */ .n)(error) !== 404)
                    throw error;
                try {
                    await octokit.rest.issues.createLabel({ owner, repo, name, description, color: 'd93f0b' });
                }
                catch (createError) {
                    // 422: a parallel job created it first.
                    if ((0,_github_api_js__WEBPACK_IMPORTED_MODULE_5__/* .httpStatus */ .n)(createError) !== 422)
                        throw createError;
                }
            }
        },
        async listOpenIssues(label) {
            const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
                owner,
                repo,
                state: 'open',
                labels: label,
                sort: 'created',
                direction: 'asc',
                per_page: 100
            });
            return issues.filter((issue) => !issue.pull_request).map(toIssue);
        },
        async createIssue(title, body, labels) {
            const { data } = await octokit.rest.issues.create({ owner, repo, title, body, labels });
            return toIssue(data);
        },
        async updateIssue(issueNumber, changes) {
            const { data } = await octokit.rest.issues.update({ owner, repo, issue_number: issueNumber, ...changes });
            return toIssue(data);
        },
        async listPullRequestFiles(pullNumber) {
            const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
                owner,
                repo,
                pull_number: pullNumber,
                per_page: 100
            });
            return files.map((f) => ({
                path: f.filename,
                status: f.status,
                ...(typeof f.patch === 'string' ? { patch: f.patch } : {})
            }));
        },
        async getFileText(path, ref) {
            const data = await notFoundIsNull(async () => (await octokit.rest.repos.getContent({ owner, repo, path, ref })).data);
            if (data === null)
                return null;
            if (Array.isArray(data) || data.type !== 'file')
                return null;
            if (data.size > _bounds_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_FILE_BYTES */ .gZ || !('content' in data) || data.encoding !== 'base64') {
                throw new Error(`${path} at ${ref.slice(0, 12)} is larger than the ${_bounds_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_FILE_BYTES */ .gZ} bytes read per file`);
            }
            const bytes = Buffer.from(data.content, 'base64');
            if (bytes.includes(0))
                throw new Error(`${path} at ${ref.slice(0, 12)} is not UTF-8 text`);
            return bytes.toString('utf8');
        },
        async listReviewComments(pullNumber) {
            const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
                owner,
                repo,
                pull_number: pullNumber,
                per_page: 100
            });
            return comments.map((c) => ({ id: c.id, body: c.body, path: c.path, url: c.html_url }));
        },
        async createReview(pullNumber, review) {
            const { data } = await octokit.rest.pulls.createReview({
                owner,
                repo,
                pull_number: pullNumber,
                commit_id: review.commitId,
                event: 'COMMENT',
                body: review.body,
                comments: review.comments.map((c) => ({
                    path: c.path,
                    body: c.body,
                    line: c.line,
                    side: 'RIGHT',
                    ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' } : {})
                }))
            });
            return { url: data.html_url };
        },
        async deleteReviewComment(commentId) {
            await octokit.rest.pulls.deleteReviewComment({ owner, repo, comment_id: commentId });
        },
        async defaultBranch() {
            const { data } = await octokit.rest.repos.get({ owner, repo });
            return data.default_branch;
        },
        async branchHead(branch) {
            const data = await notFoundIsNull(async () => (await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` })).data);
            // A prefix match returns a list of refs: the branch itself does not exist.
            if (data === null || Array.isArray(data) || data.ref !== `refs/heads/${branch}`)
                return null;
            return data.object.sha;
        },
        async getCommit(sha) {
            const { data } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: sha });
            return { sha: data.sha, treeSha: data.tree.sha, message: data.message, parents: data.parents.map((p) => p.sha) };
        },
        async createBlob(content) {
            const { data } = await octokit.rest.git.createBlob({
                owner,
                repo,
                content: Buffer.from(content, 'utf8').toString('base64'),
                encoding: 'base64'
            });
            return data.sha;
        },
        async createTree(baseTree, files) {
            const { data } = await octokit.rest.git.createTree({
                owner,
                repo,
                base_tree: baseTree,
                tree: files.map((f) => ({ path: f.path, mode: f.mode, type: 'blob', sha: f.blobSha }))
            });
            return data.sha;
        },
        async createCommit(commit) {
            const { data } = await octokit.rest.git.createCommit({ owner, repo, ...commit });
            return data.sha;
        },
        async createBranch(branch, sha) {
            await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha });
        },
        async updateBranch(branch, sha) {
            await octokit.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha, force: true });
        },
        async deleteBranch(branch) {
            await octokit.rest.git.deleteRef({ owner, repo, ref: `heads/${branch}` });
        },
        async listOpenPullRequests(branch) {
            const pulls = await octokit.paginate(octokit.rest.pulls.list, {
                owner,
                repo,
                state: 'open',
                head: `${owner}:${branch}`,
                per_page: 100
            });
            return pulls.map(toPull);
        },
        async createPullRequest(request) {
            const { data } = await octokit.rest.pulls.create({ owner, repo, ...request });
            return toPull(data);
        },
        async updatePullRequest(pullNumber, changes) {
            const { data } = await octokit.rest.pulls.update({ owner, repo, pull_number: pullNumber, ...changes });
            return toPull(data);
        },
        async closeIssue(issueNumber, reason) {
            await octokit.rest.issues.update({
                owner,
                repo,
                issue_number: issueNumber,
                state: 'closed',
                state_reason: reason
            });
        }
    };
}
/** The git-database reads of a pull request's base (contract §11), with the same retries as the writes. */
function createGitTreesApi(options) {
    const { owner, repo } = options;
    const retryAfterBaseValue = options.fast ? 1 : 1000;
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, { baseUrl: options.apiUrl, retry: { retryAfterBaseValue } }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L);
    return {
        async getCommit(ref) {
            // The commits endpoint takes a branch, tag or SHA; the git endpoint only a SHA.
            const { data } = await octokit.rest.repos.getCommit({ owner, repo, ref });
            return { sha: data.sha, tree: data.commit.tree.sha, parents: data.parents.map((p) => p.sha) };
        },
        async getTree(sha) {
            const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: sha });
            const entries = data.tree.flatMap((e) => e.path !== undefined && e.sha !== undefined
                ? [
                    {
                        name: e.path,
                        kind: (0,_base_tree_js__WEBPACK_IMPORTED_MODULE_2__/* .entryKind */ .F)(e.mode ?? '', e.type ?? ''),
                        id: e.sha,
                        ...(typeof e.size === 'number' ? { size: e.size } : {})
                    }
                ]
                : []);
            return { entries, truncated: data.truncated };
        },
        async getBlob(sha) {
            const { data } = await octokit.rest.git.getBlob({ owner, repo, file_sha: sha });
            return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
        }
    };
}


/***/ })

};
