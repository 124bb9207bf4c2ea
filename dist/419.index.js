export const id = 419;
export const ids = [419];
export const modules = {

/***/ 5419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubApi: () => (/* binding */ createGitHubApi)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var bottleneck__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2203);
/* harmony import */ var bottleneck__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(bottleneck__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2334);
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
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
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
                if ((0,_github_api_js__WEBPACK_IMPORTED_MODULE_4__/* .httpStatus */ .n)(error) !== 404)
                    throw error;
                try {
                    await octokit.rest.issues.createLabel({ owner, repo, name, description, color: 'd93f0b' });
                }
                catch (createError) {
                    // 422: a parallel job created it first.
                    if ((0,_github_api_js__WEBPACK_IMPORTED_MODULE_4__/* .httpStatus */ .n)(createError) !== 422)
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


/***/ })

};
