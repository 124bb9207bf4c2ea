/** Wires the real toolkit, engine, renderers and GitHub client into the action's flow. */
import * as core from '@actions/core';
import { runBaselineCheck } from '../baseline/index.js';
import { runCheck } from '../engine.js';
import { exceptionDetail, HOW_TO_REPORT } from '../internal-error.js';
import { escapeMarkdown, renderJson, renderMarkdown, renderResolvedMarkdown, renderSarif } from '../report/index.js';
import { VERSION } from '../version.js';
import { runAction } from './run.js';

/** The action's entry point. It never rejects: every failure ends as `core.setFailed` with a message. */
export async function run(): Promise<void> {
  try {
    await runAction({
      env: process.env,
      core,
      runCheck: (request) => (request.baseline ? runBaselineCheck(request, request.baseline) : runCheck(request)),
      renderers: { renderJson, renderMarkdown, renderResolvedMarkdown, renderSarif, escapeMarkdown },
      // Octokit is loaded only by runs that write a comment or an issue.
      createGitHubApi: async (options) => (await import('./octokit-client.js')).createGitHubApi(options),
      createGitTreesApi: async (options) => (await import('./octokit-client.js')).createGitTreesApi(options),
      // The fix engine (suggestions, the fix pull request) on the declared whitelists only, loaded when used.
      planFixes: async ({ baseline: _baseline, ...request }) =>
        (await import('../fix/index.js')).planFixes({ ...request, deployed: 'never', verify: false }),
      appendSummary: async (markdown) => {
        await core.summary.addRaw(markdown, true).write();
      },
      toolVersion: VERSION
    });
  } catch (error) {
    // runAction catches its own failures; this is the last line of defence, without a stack trace.
    core.debug(`internal error in the action: ${exceptionDetail(error)}`);
    core.setOutput('status', 'error');
    core.setFailed(`The check did not run: an internal error. ${HOW_TO_REPORT}`);
  }
}
