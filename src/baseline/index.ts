/**
 * The baseline check (contract §11): the repository is checked as it is and as it was at a base commit, with the
 * same resolution (online calls made once), and every finding is marked `new` or `unchanged`; the base's findings
 * that are gone are `resolvedFindings`.
 */
import { sharedDeployedReader } from '../deployed-run.js';
import { runCheck, type CheckOptions } from '../engine.js';
import { shouldFail, statusOf } from '../evaluate/status.js';
import { fileErrorCode, type Logger, type RepoFiles } from '../io.js';
import type { FailOn, Finding, Report } from '../model.js';
import { compareWithBase } from '../report/identity.js';
import { shareOnlineResolution } from './shared-online.js';

/** The base commit's files, or why they cannot be read. */
export type BaseFiles =
  | {
      ok: true;
      files: RepoFiles;
      commit: string;
      /** Releases what reading the base holds (a git process). */ close?: () => void;
    }
  | { ok: false; message: string };

export interface BaselineSettings {
  /** The ref as the user gave it, for the report and messages. */
  ref: string;
  /** The exit status and `fail-on` consider new findings only. */
  onlyNew: boolean;
  /** Opens the base (through git, or GitHub's API in the action); called while the head is checked. */
  readBase: () => Promise<BaseFiles>;
}

/** Runs the check on the working tree and on the base, and marks the findings. Never throws for a bad base. */
export async function runBaselineCheck(opts: CheckOptions, settings: BaselineSettings): Promise<Report> {
  const now = opts.now ?? new Date();
  const shareOnline = shareOnlineResolution();
  // The deployed whitelists are the cloud's, the same for both commits: read once, compared with each side's files.
  const deployedReader = sharedDeployedReader(
    {
      online: opts.online,
      logger: opts.logger,
      env: opts.env ?? process.env,
      sleep: opts.sleep,
      setSecret: opts.setSecret
    },
    opts.deployedReader
  );
  // The base is opened while the head is checked: starting git (or the first API calls) overlaps the check.
  const opening = settings.readBase().catch((error: unknown): BaseFiles => ({
    ok: false,
    message: error instanceof Error ? error.message : 'the base could not be read'
  }));
  const head = await runCheck({ ...opts, now, shareOnline, deployedReader });
  const base = await opening;
  if (!base.ok) {
    opts.logger.warning(`baseline ${settings.ref}: ${base.message}; every finding is reported as new`);
    return withBaseline(
      head,
      head.findings.map(() => 'new'),
      [],
      { ref: settings.ref, read: false },
      settings
    );
  }

  const configPath = head.config;
  let configAtBase: 'file' | 'directory' | null | 'unusable';
  try {
    configAtBase = await base.files.kind(configPath);
  } catch (error) {
    // A config that is a link out of the repository at the base: checked like any unusable config below.
    configAtBase = fileErrorCode(error) === 'ENOENT' ? null : 'unusable';
  }
  let baseFindings: Finding[] = [];
  if (configAtBase !== null) {
    const baseReport = await runCheck({
      ...opts,
      now,
      files: base.files,
      shareOnline,
      deployedReader,
      // DataWorks' connectivity test is about the cloud as it is now: run once, for the head.
      verify: false,
      logger: quietLogger(opts.logger, settings.ref)
    }).finally(() => base.close?.());
    baseFindings = baseReport.findings;
  } else {
    base.close?.();
    opts.logger.info(`baseline ${settings.ref}: the config ${configPath} did not exist there; every finding is new`);
  }
  const { states, resolved } = compareWithBase(head.findings, baseFindings);
  return withBaseline(head, states, resolved, { ref: settings.ref, commit: base.commit, read: true }, settings);
}

/** The base run's messages repeat the head's: they go to the debug log only. */
function quietLogger(logger: Logger, ref: string): Logger {
  const debug = (m: string): void => logger.debug(`baseline ${ref}: ${m}`);
  return { debug, info: debug, warning: debug };
}

function withBaseline(
  head: Report,
  states: readonly ('new' | 'unchanged')[],
  resolved: Finding[],
  base: { ref: string; commit?: string; read: boolean },
  settings: BaselineSettings
): Report {
  const findings = head.findings.map((f, i) => ({ ...f, baseline: states[i] ?? 'new' }));
  const newCount = findings.filter((f) => f.baseline === 'new' && f.severity !== 'notice').length;
  return {
    ...head,
    findings,
    baseline: { ...base, newCount, onlyNew: settings.onlyNew },
    resolvedFindings: resolved.map(({ baseline: _ignored, ...f }) => f)
  };
}

/**
 * Whether the run fails (the CLI's exit status, the action's step): status `error` always does; with `only-new`
 * the status is worked out again over the new findings alone, under the same `fail-on`.
 */
export function failsRun(report: Report, failOn: FailOn): boolean {
  if (report.status === 'error') return true;
  if (!report.baseline?.onlyNew) return shouldFail(report.status, failOn);
  const fresh = report.findings.filter((f) => f.baseline !== 'unchanged');
  return shouldFail(statusOf(fresh, failOn), failOn);
}
