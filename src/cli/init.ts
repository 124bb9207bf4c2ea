/** `dataworks-whitelist-guard init` (contract §12): writes a starting config, from Terraform or a workspace. */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { parseEndpointSpecs } from '../endpoints.js';
import { diskRepoFiles, type Logger } from '../io.js';
import { REGION_PATTERN } from '../config/schema.js';
import { sanitizeTerminal } from '../report/index.js';
import { TOOL_NAME } from '../version.js';
import { parseCommandLine } from './args.js';
import type { CliIo } from './run.js';

export const INIT_USAGE = `Usage: ${TOOL_NAME} init [options]

Writes a starting config. Without --workspace, from the Terraform in the repository (offline); with it, from
the DataWorks workspace's data sources and resource groups (online: needs Alibaba Cloud credentials).

Options:
  --root DIR             repository root (default: the current directory)
  --output PATH          where to write, relative to --root (default: .github/dataworks-whitelist.yml)
  --force                overwrite an existing file
  --region REGION        the default region (required with --workspace)
  --workspace ID         the DataWorks workspace (project) ID to read
  --env prod|dev         the workspace environment whose data sources are read (default: prod)
  --endpoint NAME=URL    API endpoint override: dataworks= or sts= (repeatable)
  --timeout SECONDS      deadline of every API call of the run (default: 120)
  --allow-instance-credentials
                         also try the ECS instance metadata service and CLI profiles for credentials
`;

const DEFAULT_OUTPUT = '.github/dataworks-whitelist.yml';
/** The longest deadline accepted: an hour. */
const MAX_TIMEOUT_SECONDS = 3_600;

class InitUsageError extends Error {}

export async function runInit(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv, {
    root: { type: 'string' },
    output: { type: 'string' },
    force: { type: 'boolean' },
    region: { type: 'string' },
    workspace: { type: 'string' },
    env: { type: 'string' },
    endpoint: { type: 'string', multiple: true },
    timeout: { type: 'string' },
    'allow-instance-credentials': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
  });
  const usage = (message: string): number => {
    io.stderr.write(`${TOOL_NAME} init: ${message}\n\nRun "${TOOL_NAME} init --help" for usage.\n`);
    return 2;
  };
  if (!parsed.ok) return usage(parsed.error);
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(INIT_USAGE);
    return 0;
  }
  const logger: Logger = {
    debug: (m) => {
      if (io.env.DATAWORKS_WHITELIST_GUARD_DEBUG) io.stderr.write(`debug: ${sanitizeTerminal(m)}\n`);
    },
    info: (m) => void io.stderr.write(`${sanitizeTerminal(m)}\n`),
    warning: (m) => void io.stderr.write(`warning: ${sanitizeTerminal(m)}\n`)
  };
  try {
    if (positionals.length !== 1) throw new InitUsageError(`unexpected argument "${positionals.slice(1).join(' ')}"`);
    const rootArg = values.root ?? '.';
    if (!path.isAbsolute(rootArg) && io.cwd === undefined) {
      throw new InitUsageError('the current directory no longer exists; give --root as an absolute path');
    }
    const root = path.resolve(io.cwd ?? '/', rootArg);
    const outputRel = values.output ?? DEFAULT_OUTPUT;
    const output = path.resolve(root, outputRel);
    const relative = path.relative(root, output);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new InitUsageError(`--output ${outputRel} is outside --root ${root}: the config belongs in the repository`);
    }
    const region = values.region;
    if (region !== undefined && !REGION_PATTERN.test(region)) {
      throw new InitUsageError(`--region must be a region ID like cn-hangzhou; got "${region}"`);
    }
    const env = values.env ?? 'prod';
    if (env !== 'prod' && env !== 'dev') throw new InitUsageError(`--env must be prod or dev; got "${env}"`);
    const endpoints = parseEndpointSpecs(values.endpoint ?? []);
    if (!endpoints.ok) throw new InitUsageError(endpoints.error);
    let deadlineMs: number | undefined;
    if (values.timeout !== undefined) {
      const seconds = Number(values.timeout);
      if (!/^\d+$/.test(values.timeout) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
        throw new InitUsageError(
          `--timeout must be whole seconds from 1 to ${MAX_TIMEOUT_SECONDS}; got "${values.timeout}"`
        );
      }
      deadlineMs = seconds * 1000;
    }
    if (values.workspace === undefined) {
      for (const flag of ['env', 'endpoint', 'timeout', 'allow-instance-credentials'] as const) {
        if (values[flag] !== undefined) throw new InitUsageError(`--${flag} needs --workspace (an online init)`);
      }
    }

    if (!values.force && (await exists(output))) {
      io.stderr.write(
        `${TOOL_NAME} init: ${sanitizeTerminal(outputRel)} already exists; give --force to overwrite it\n`
      );
      return 2;
    }

    let text: string;
    let summary: string;
    if (values.workspace !== undefined) {
      const workspace = values.workspace.trim();
      if (!/^\d{1,20}$/.test(workspace))
        throw new InitUsageError(`--workspace must be a workspace ID (digits); got "${values.workspace}"`);
      if (region === undefined) throw new InitUsageError("--workspace needs --region (the workspace's region)");
      const { openWorkspaceSession, SessionError } = await import('../workspace/session.js');
      const { initFromWorkspace } = await import('../workspace/init-online.js');
      try {
        const session = await openWorkspaceSession(
          region,
          { endpoints: endpoints.endpoints, allowInstanceCredentials: values['allow-instance-credentials'] ?? false },
          { logger, env: io.env, tuning: deadlineMs === undefined ? {} : { deadlineMs } }
        );
        const result = await initFromWorkspace(session.api, { workspace, region, env });
        text = result.text;
        summary =
          `${result.dataSources} data sources (${result.commentedOut} more commented out: they cannot be checked) ` +
          `and ${result.resourceGroups} resource groups from workspace ${workspace}`;
      } catch (error) {
        const why = error instanceof SessionError || error instanceof Error ? error.message : 'unknown failure';
        io.stderr.write(`${TOOL_NAME} init: could not read workspace ${workspace}: ${sanitizeTerminal(why)}\n`);
        return 2;
      }
    } else {
      const { scanRepository, renderOfflineConfig } = await import('../workspace/init-offline.js');
      const scan = await scanRepository(diskRepoFiles(root));
      text = renderOfflineConfig(scan, region === undefined ? {} : { region });
      summary = `${scan.resources.length} data sources from the Terraform in ${root}`;
      for (const problem of scan.problems) logger.warning(`not scanned: ${problem}`);
    }

    try {
      await fsp.mkdir(path.dirname(output), { recursive: true });
      // `wx` refuses a file that appeared since the check above: never overwrite without --force.
      await fsp.writeFile(output, text, { flag: values.force ? 'w' : 'wx' });
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'EIO';
      io.stderr.write(
        `${TOOL_NAME} init: could not write ${sanitizeTerminal(outputRel)} (${code})${code === 'EEXIST' ? '; give --force to overwrite it' : ''}\n`
      );
      return 2;
    }
    io.stderr.write(
      `${TOOL_NAME} init: wrote ${sanitizeTerminal(outputRel)}: ${sanitizeTerminal(summary)}. ` +
        `Review the CHECK comments, then run "${TOOL_NAME} check".\n`
    );
    return 0;
  } catch (error) {
    if (error instanceof InitUsageError) return usage(error.message);
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.lstat(file);
    return true;
  } catch {
    return false;
  }
}
