/** The CLI (contract §6): argument parsing, rendering and exit status around the shared engine. */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { failsRun, runBaselineCheck } from '../baseline/index.js';
import { gitBaseFiles } from '../baseline/git-source.js';
import { DEPLOYED_MODES, parseTimeoutSeconds, type DeployedMode } from '../deployed-run.js';
import { runCheck, type CheckOptions } from '../engine.js';
import { shouldFail } from '../evaluate/status.js';
import { parseEndpointSpecs } from '../endpoints.js';
import { hasCredentials } from '../resolve/online/credentials-env.js';
import type { OnlineSettings } from '../resolve/types.js';
import type { Logger } from '../io.js';
import type { FailOn, Report, ResolveMode } from '../model.js';
import { describeSystemError, exceptionDetail, internalErrorMessage, systemErrorCode } from '../internal-error.js';
import { renderJson, renderMarkdown, renderSarif, renderText, sanitizeTerminal } from '../report/index.js';
import { didYouMean } from '../suggest.js';
import { TOOL_NAME, VERSION } from '../version.js';
import { parseCommandLine } from './args.js';
import { runInit } from './init.js';

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** The working directory; `undefined` when it no longer exists (deleted before the run). */
  cwd: string | undefined;
}

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: ${TOOL_NAME} check [options]
       ${TOOL_NAME} init [--root DIR] [--output PATH] [--force] [--workspace ID --region R [--env prod|dev]]
       ${TOOL_NAME} fix [options] [--dry-run]

check: checks that the whitelists in this repository allow every address DataWorks connects from.
fix:   runs the check on the whitelist files, adds the missing entries where each finding points and rewrites
       entries with host bits set; prints the change as a unified diff. The exit status and --output report are
       those of the check after the fix. What cannot be fixed (an entry limit, a value with no literal, a value
       shared with another data source, security-group rules, OSS policies) stays a finding that says why.

Options:
  --config PATH          configuration file, relative to --root (default: .github/dataworks-whitelist.yml)
  --root DIR             repository root that config paths are relative to (default: the current directory)
  --resolve MODE         auto | online | offline (default: auto: online when Alibaba Cloud credentials are set)
  --format FORMAT        text | json | markdown | sarif (default: from --output's extension, else text)
  --output FILE          write the report to FILE instead of standard output
  --fail-on LEVEL        error | warning | never (default: error)
  --baseline REF         also check the repository as it was at git commit REF; mark each finding new or
                         unchanged and list the findings REF had that are gone
  --only-new             with --baseline: the exit status and --fail-on consider new findings only
  --deployed MODE        auto | always | never: read the whitelists deployed on each data source's instance
                         (default: auto: whenever the run is online; always needs an online run)
  --timeout SECONDS      deadline of every online call of the run (default: 120)
  --endpoint NAME=URL    API endpoint override: dataworks=, vpc=, sts= or a product id such as rds=; a URL may
                         hold {region} (repeatable)
  --allow-instance-credentials
                         also try the ECS instance metadata service and CLI profiles for credentials
  --verify               also run DataWorks' own connectivity test for each data source with a dataworks key
                         and each serverless resource group with an id that reaches it (needs an online run)
  --no-color             no colour in the text report (also: NO_COLOR)
  --dry-run              fix only: print the diff, write nothing
  --help, --version

Exit status (explained here rather than in every report):
  0  pass, or fail with --fail-on never
  1  fail
  2  could not check (status error), or a usage error
`;

class UsageError extends Error {}

const COMMANDS = ['check', 'fix', 'init'];
const HELP_POINTER = `Run "${TOOL_NAME} --help" for usage.\n`;

/** `file` as an absolute path: relative paths need a working directory, which may have been deleted. */
function absolutePath(cwd: string | undefined, file: string, flag: string): string {
  if (path.isAbsolute(file)) return path.normalize(file);
  if (cwd === undefined) {
    throw new UsageError(
      `the current directory no longer exists, so ${flag} "${file}" cannot be found from it; ` +
        `run from an existing directory or give ${flag} as an absolute path`
    );
  }
  return path.resolve(cwd, file);
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}"${didYouMean(value, allowed)}`);
}

function formatFromOutput(output: string | undefined): Format {
  const ext = output ? path.extname(output).toLowerCase() : '';
  if (ext === '.json') return 'json';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.sarif') return 'sarif';
  return 'text';
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'init') {
    try {
      return await runInit(argv, io);
    } catch {
      io.stderr.write(`${TOOL_NAME}: ${internalErrorMessage('while writing the config')}\n`);
      return 2;
    }
  }
  const parsed = parseCommandLine(argv, {
    config: { type: 'string' },
    root: { type: 'string' },
    resolve: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    'fail-on': { type: 'string' },
    baseline: { type: 'string' },
    'only-new': { type: 'boolean' },
    endpoint: { type: 'string', multiple: true },
    deployed: { type: 'string' },
    timeout: { type: 'string' },
    'allow-instance-credentials': { type: 'boolean' },
    verify: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' }
  });
  if (!parsed.ok) {
    io.stderr.write(`${TOOL_NAME}: ${parsed.error}\n\n${HELP_POINTER}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  let debugLogger: Logger | undefined;
  try {
    const command = positionals[0];
    if (positionals.length !== 1 || (command !== 'check' && command !== 'fix')) {
      throw new UsageError(
        positionals.length === 0
          ? 'missing command: check or fix'
          : `unknown command "${positionals.join(' ')}"${positionals.length === 1 ? didYouMean(positionals[0], COMMANDS) : ''}`
      );
    }
    if (values['dry-run'] && command !== 'fix') throw new UsageError('--dry-run applies to the fix command only');
    const resolve = oneOf<ResolveMode>(values.resolve, ['auto', 'online', 'offline'], '--resolve', 'auto');
    const failOn = oneOf<FailOn>(values['fail-on'], ['error', 'warning', 'never'], '--fail-on', 'error');
    const format = oneOf<Format>(values.format, FORMATS, '--format', formatFromOutput(values.output));
    const endpoints = parseEndpointSpecs(values.endpoint ?? []);
    if (!endpoints.ok) throw new UsageError(endpoints.error);
    const deployed = oneOf<DeployedMode>(values.deployed, DEPLOYED_MODES, '--deployed', 'auto');
    if (deployed === 'always' && resolve === 'offline') {
      throw new UsageError(
        '--deployed always reads the whitelists deployed in the cloud, which needs an online run; drop --resolve offline'
      );
    }
    let timeoutSeconds: number | undefined;
    if (values.timeout !== undefined) {
      const timeout = parseTimeoutSeconds(values.timeout);
      if (!timeout.ok) throw new UsageError(`--timeout: ${timeout.error}`);
      timeoutSeconds = timeout.seconds;
    }
    const root = absolutePath(io.cwd, values.root ?? '.', '--root');
    const output = values.output === undefined ? undefined : absolutePath(io.cwd, values.output, '--output');
    const configPath = configInsideRoot(root, values.config ?? '.github/dataworks-whitelist.yml');
    const baselineRef = values.baseline;
    if (values['only-new'] && baselineRef === undefined) {
      throw new UsageError('--only-new needs --baseline REF: without a base commit every finding is new');
    }
    if (command === 'fix' && (baselineRef !== undefined || values.verify || values.deployed !== undefined)) {
      throw new UsageError(
        'fix edits the whitelist files from the check of the repository alone: --baseline, --verify and --deployed apply to check only'
      );
    }
    if (baselineRef !== undefined && (baselineRef === '' || baselineRef.startsWith('-'))) {
      throw new UsageError(`--baseline needs a git ref or commit; got "${baselineRef.slice(0, 60)}"`);
    }
    const online: OnlineSettings = {
      endpoints: endpoints.endpoints,
      allowInstanceCredentials: values['allow-instance-credentials'] ?? false,
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {})
    };
    const verify = values.verify ?? false;
    if (verify) refuseOfflineVerify(resolve, online, io.env);

    // Messages can quote repository text: sanitised like the text report, one line each.
    const logger: Logger = {
      debug: (m) => {
        if (io.env.DATAWORKS_WHITELIST_GUARD_DEBUG) io.stderr.write(`debug: ${sanitizeTerminal(m)}\n`);
      },
      info: (m) => void io.stderr.write(`${sanitizeTerminal(m)}\n`),
      warning: (m) => void io.stderr.write(`warning: ${sanitizeTerminal(m)}\n`)
    };
    debugLogger = logger;
    const checkOptions: CheckOptions = {
      root,
      configPath,
      resolve,
      failOn,
      logger,
      env: io.env,
      online,
      deployed,
      verify
    };
    let report: Report;
    if (command === 'fix') {
      // A fix edits the files in the repository: it reads no deployed whitelist and runs no connectivity test.
      const fixed = await runFix({ ...checkOptions, deployed: 'never', verify: false }, io, {
        dryRun: values['dry-run'] ?? false,
        reportRequested: values.output !== undefined || values.format !== undefined,
        outputIsFile: output !== undefined
      });
      if (fixed === undefined) return 2;
      if (fixed.reportRequested === false)
        return shouldFail(fixed.report.status, failOn) ? (fixed.report.status === 'error' ? 2 : 1) : 0;
      report = fixed.report;
    } else {
      report =
        baselineRef === undefined
          ? await runCheck(checkOptions)
          : await runBaselineCheck(checkOptions, {
              ref: baselineRef,
              onlyNew: values['only-new'] ?? false,
              readBase: () => gitBaseFiles(root, baselineRef)
            });
    }
    const color =
      output === undefined && !values['no-color'] && !io.env.NO_COLOR && io.stdout.isTTY === true && format === 'text';
    let body: string;
    try {
      body = render(report, format, color);
    } catch (error) {
      logger.debug(`internal error while writing the ${format} report: ${exceptionDetail(error)}`);
      io.stderr.write(`${TOOL_NAME}: ${internalErrorMessage(`while writing the ${format} report`)}\n`);
      return 2;
    }
    if (output !== undefined && values.output !== undefined) {
      try {
        await fsp.mkdir(path.dirname(output), { recursive: true });
        await fsp.writeFile(output, body);
      } catch (error) {
        const code = systemErrorCode(error);
        if (code === undefined) throw error;
        io.stderr.write(
          `${TOOL_NAME}: could not write the report to ${sanitizeTerminal(values.output)}: ${describeSystemError(code)}\n`
        );
        return 2;
      }
      io.stderr.write(`${TOOL_NAME}: status ${report.status}; report written to ${sanitizeTerminal(values.output)}\n`);
    } else {
      io.stdout.write(body);
    }
    return failsRun(report, failOn) ? (report.status === 'error' ? 2 : 1) : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${TOOL_NAME}: ${error.message}\n\n${HELP_POINTER}`);
      return 2;
    }
    // A bug that escaped the engine's own boundaries: one line that says how to report it, no stack trace.
    debugLogger?.debug(`internal error while running the check: ${exceptionDetail(error)}`);
    io.stderr.write(`${TOOL_NAME}: ${internalErrorMessage('while running the check')}\n`);
    return 2;
  }
}

/**
 * `--verify` asks DataWorks, which only an online run can: with `--resolve offline`, or `auto` without credentials
 * (which would resolve offline), the run would verify nothing, so it is a usage error rather than a quiet pass.
 */
function refuseOfflineVerify(resolve: ResolveMode, online: OnlineSettings, env: NodeJS.ProcessEnv): void {
  if (resolve === 'offline') {
    throw new UsageError('--verify needs an online run; it cannot be combined with --resolve offline');
  }
  if (resolve === 'auto' && !hasCredentials(online, env)) {
    throw new UsageError(
      '--verify needs an online run, and no Alibaba Cloud credentials were found (ALIBABA_CLOUD_ACCESS_KEY_ID and ' +
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET, or the OIDC variables), so --resolve auto would resolve offline'
    );
  }
}

/** `--config`, relative to `--root` (or absolute inside it), as a path relative to the root; outside it, a usage error. */
function configInsideRoot(root: string, config: string): string {
  const relative = path.relative(root, path.resolve(root, config));
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw new UsageError(
      `--config ${config} is outside --root ${root}: the config must be a file inside the repository it checks`
    );
  }
  return relative.split(path.sep).join('/');
}

function render(report: Report, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'sarif':
      return `${JSON.stringify(renderSarif(report, { toolVersion: VERSION, configPath: report.config }), null, 2)}\n`;
    case 'text':
      return renderText(report, { color });
  }
}

/**
 * `fix`: plans the edits, prints their diff (to standard output, unless the report goes there), writes them unless
 * `--dry-run`, and says on standard error what was not fixed and why. Undefined when a file could not be written.
 */
async function runFix(
  options: CheckOptions,
  io: CliIo,
  how: { dryRun: boolean; reportRequested: boolean; outputIsFile: boolean }
): Promise<{ report: Report; reportRequested: boolean } | undefined> {
  // The fix engine (and the Terraform editor with it) is loaded by `fix` only: `check` starts without it.
  const { planFixes, unifiedDiff, writeFixes } = await import('../fix/index.js');
  const plan = await planFixes(options);
  const diff = plan.edits.map(unifiedDiff).join('');
  // The diff is repository text: on a terminal, control characters are made visible; piped, it stays applicable.
  const shown = io.stdout.isTTY === true ? diff.split('\n').map(sanitizeTerminal).join('\n') : diff;
  const diffToStdout = !how.reportRequested || how.outputIsFile;
  if (diffToStdout) io.stdout.write(shown);
  else io.stderr.write(shown);
  for (const { finding, reason } of plan.notFixed) {
    const where = finding.file ? `${finding.file}:${finding.line ?? 1}:${finding.column ?? 1}: ` : '';
    const what =
      finding.rule === 'missing-entry' ? `missing ${finding.entry ?? ''}` : `${finding.rule} ${finding.raw ?? ''}`;
    io.stderr.write(sanitizeTerminal(`not fixed: ${where}${what} (${finding.dataSource ?? ''}): ${reason}`) + '\n');
  }
  const added = plan.edits.reduce((sum, edit) => sum + edit.added.length, 0);
  if (how.dryRun) {
    io.stderr.write(
      `${TOOL_NAME}: dry run: ${plan.edits.length} file(s) would change, ${added} entr${added === 1 ? 'y' : 'ies'} added; nothing written\n`
    );
  } else if (plan.edits.length > 0) {
    const written = await writeFixes(options.root, plan.edits);
    for (const failure of written.failed) {
      io.stderr.write(`${TOOL_NAME}: ${sanitizeTerminal(failure.file)} ${failure.reason}\n`);
    }
    if (written.failed.length > 0) return undefined;
    io.stderr.write(
      `${TOOL_NAME}: ${written.written.length} file(s) changed, ${added} entr${added === 1 ? 'y' : 'ies'} added\n`
    );
  } else {
    io.stderr.write(`${TOOL_NAME}: nothing to fix\n`);
  }
  return { report: plan.after, reportRequested: how.reportRequested };
}
