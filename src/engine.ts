/**
 * The one engine behind the CLI and the action: config → requirements → declared whitelists → findings → report.
 * It never throws for the user's mistakes or the cloud's failures: those are findings, and the status says whether
 * the check could be completed.
 */
import { ReadBudget } from './bounds.js';
import { loadConfig } from './config/index.js';
import { evaluate, type EvaluateInput, type Evaluation } from './evaluate/index.js';
import { madeCheckIncomplete, statusOf } from './evaluate/status.js';
import { internalErrorFinding } from './internal-error.js';
import { diskRepoFiles, type Logger, type RepoFiles } from './io.js';
import { LIST_PAGES, isStale, type EffectiveList } from './lists/index.js';
import {
  RULES,
  type AddressListReport,
  type Config,
  type DataSourceReport,
  type FailOn,
  type Finding,
  type ModuleName,
  type Report,
  type ResolveMode,
  type Severity
} from './model.js';
import { compareEntryText } from './net/index.js';
import { productProfile } from './products/index.js';
import { hasCredentials, incompleteCredentialsMessage } from './resolve/online/credentials-env.js';
import { resolveRequirements } from './resolve/requirements.js';
import type { OnlineGroupRequest, OnlineResolution, OnlineSettings } from './resolve/types.js';
import { readWhitelistSource, type ReaderLoader } from './whitelists/index.js';
import type { ReadResult } from './whitelists/types.js';
import { readDeployedWhitelists, type DeployedMode } from './deployed-run.js';
import type { DeployedWhitelistReader } from './whitelists/deployed/types.js';

export interface CheckOptions {
  /** Absolute path of the repository root that config paths are relative to. */
  root: string;
  /** The config file, relative to the root. */
  configPath: string;
  resolve: ResolveMode;
  failOn: FailOn;
  online: OnlineSettings;
  logger: Logger;
  now?: Date;
  env?: NodeJS.ProcessEnv;
  setSecret?: (secret: string) => void;
  /** Test seam: file access; defaults to the disk under `root`. */
  files?: RepoFiles;
  /** Test seam for the online resolver's retries. */
  sleep?: (ms: number) => Promise<void>;
  /** Test seam: the reader of each whitelist format; defaults to the real readers. */
  loadReader?: ReaderLoader;
  /**
   * Shares online resolution between runs (the head and base of a baseline check, contract §11): called with the
   * run's requests and the resolver, it may answer some requests from an earlier run's results.
   */
  shareOnline?: (
    requests: OnlineGroupRequest[],
    resolve: (requests: OnlineGroupRequest[]) => Promise<OnlineResolution>
  ) => Promise<OnlineResolution>;
  /** Whether deployed whitelists are read (contract §9); default `auto`: whenever the run is online. */
  deployed?: DeployedMode;
  /**
   * Why deployed whitelists are not read when the caller chose so for this run (the action under `deployed: auto`
   * on a pull request passes `never` and says why); shown in `not-checked` notices.
   */
  deployedOffReason?: string;
  /** Warn when an audit (non-pull-request) run under `deployed: auto` goes offline although some source has `instance`. */
  warnOfflineAudit?: boolean;
  /** Test seam: the deployed-whitelist reader; defaults to the real readers, loaded only when needed. */
  deployedReader?: DeployedWhitelistReader;
  /** Run DataWorks' own connectivity test (contract §12): `--verify`, action input `verify`. */
  verify?: boolean;
}

/**
 * Runs the check. An exception that escapes every inner boundary (a bug) still yields a report: status `error`
 * with one `internal-error` finding at the config file.
 */
export async function runCheck(opts: CheckOptions): Promise<Report> {
  const configPath = normaliseConfigPath(opts.configPath);
  try {
    return await runCheckGuarded(opts, configPath);
  } catch (error) {
    const finding = internalErrorFinding('while checking', error, { file: configPath }, opts.logger);
    return buildReport(configPath, 'offline', [finding], [], [], opts.failOn, []);
  }
}

function normaliseConfigPath(configPath: string): string {
  return configPath.split('\\').join('/').replace(/^\.\//, '');
}

async function runCheckGuarded(opts: CheckOptions, configPath: string): Promise<Report> {
  const startedAt = Date.now();
  const now = opts.now ?? new Date();
  const env = opts.env ?? process.env;
  const files = opts.files ?? diskRepoFiles(opts.root);
  const configFile = { file: configPath, line: 1, column: 1 };

  let loaded: Awaited<ReturnType<typeof loadConfig>>;
  try {
    loaded = await loadConfig(files, configPath);
  } catch (error) {
    const finding = internalErrorFinding('while loading the configuration', error, configFile, opts.logger);
    return buildReport(configPath, 'offline', [finding], [], [], opts.failOn, []);
  }
  const config = loaded.config;
  if (!config) return buildReport(configPath, 'offline', loaded.findings, [], [], opts.failOn, []);

  const goOnline = opts.resolve === 'online' || (opts.resolve === 'auto' && hasCredentials(opts.online, env));
  opts.logger.debug(`resolve: ${opts.resolve} → ${goOnline ? 'online' : 'offline'}`);
  const onlineRequests = goOnline ? onlineGroupRequests(config) : [];
  const resolveGroups = (requests: OnlineGroupRequest[]): Promise<OnlineResolution> =>
    resolveOnlineGroups(requests, opts, env);
  const [online, deployed] = await Promise.all([
    onlineRequests.length === 0
      ? undefined
      : opts.shareOnline
        ? opts.shareOnline(onlineRequests, resolveGroups)
        : resolveGroups(onlineRequests),
    readDeployedWhitelists(config, { ...opts, env, goOnline })
  ]);
  const credentialFindings = goOnline ? incompleteCredentialFindings(opts.resolve, opts.online, env) : [];

  const dataSourceReports = config.dataSources.map((d): DataSourceReport => ({
    name: d.name,
    product: d.product,
    network: d.network,
    region: d.region,
    // Only for data sources with an instance, so reports without one are as they were.
    ...(d.instance
      ? {
          declared: d.whitelist.length > 0,
          instance: d.instance.value,
          deployedState: deployed.inputs.get(d.name)?.state ?? 'not-read'
        }
      : {})
  }));
  let requirements: ReturnType<typeof resolveRequirements>;
  try {
    requirements = resolveRequirements(config, {
      online,
      attemptedOnline: new Set(onlineRequests.map((r) => r.group.name)),
      canExpress: (product, cidr) => {
        const profile = productProfile(product);
        if (cidr.version === 4) return true;
        return profile.acceptsIpv6 && (!profile.ipv6AddressesOnly || cidr.prefix === 128);
      }
    });
  } catch (error) {
    // Without the required blocks nothing can be evaluated: the report keeps what was found so far.
    const finding = internalErrorFinding('while working out the required addresses', error, configFile, opts.logger);
    const findings = [...loaded.findings, ...(online?.findings ?? []), ...deployed.findings, finding];
    return buildReport(
      configPath,
      goOnline ? 'online' : 'offline',
      sortFindings(findings, config),
      [],
      [],
      opts.failOn,
      dataSourceReports
    );
  }

  // One source at a time, in config order: the run's reading budget then runs out at the same source every time.
  const declared = new Map<string, ReadResult[]>();
  const budget = new ReadBudget();
  for (const ds of config.dataSources) {
    const results: ReadResult[] = [];
    for (const source of ds.whitelist)
      results.push(
        await readWhitelistSource(source, { files, dataSource: ds, logger: opts.logger, budget }, opts.loadReader)
      );
    declared.set(ds.name, results);
  }

  const evaluation = evaluateEachDataSourceAlone(
    { config, requirements, declared, profileOf: productProfile, now, deployed: deployed.inputs },
    opts.logger
  );
  const findings = [
    ...loaded.findings,
    ...credentialFindings,
    ...(online?.findings ?? []),
    ...deployed.findings,
    ...requirements.findings,
    ...staleListNotices(requirements.usedLists, now),
    ...evaluation.findings
  ];
  const verification = opts.verify
    ? await verifyAgainstDataWorks(config, { required: evaluation.required, findings }, goOnline, opts, env, startedAt)
    : undefined;
  const report = buildReport(
    configPath,
    goOnline ? 'online' : 'offline',
    sortFindings([...findings, ...(verification?.findings ?? [])], config),
    evaluation.required,
    addressListReports(requirements.usedLists, configPath, now),
    opts.failOn,
    dataSourceReports
  );
  return verification ? { ...report, connectivity: verification.connectivity } : report;
}

/**
 * DataWorks' own connectivity test for each data source with a `dataworks` key and each serverless group with an
 * `id` that reaches it (contract §12). Offline there is nothing to call: one warning says so (the CLI refuses
 * `--verify` offline before it gets here). The cloud SDK is loaded only by online runs.
 */
async function verifyAgainstDataWorks(
  config: Config,
  check: { required: Report['required']; findings: Finding[] },
  goOnline: boolean,
  opts: CheckOptions,
  env: NodeJS.ProcessEnv,
  startedAt: number
): Promise<{ connectivity: NonNullable<Report['connectivity']>; findings: Finding[] }> {
  if (!goOnline) {
    const why =
      opts.resolve === 'offline'
        ? 'this run resolves offline (resolve: offline)'
        : 'this run resolves offline: no Alibaba Cloud credentials were found (resolve: auto)';
    return {
      connectivity: [],
      findings: [
        {
          rule: 'verify-failed',
          severity: 'warning',
          message: `verification against DataWorks was asked for, but ${why}; the connectivity test needs an online run with credentials, so nothing was verified`
        }
      ]
    };
  }
  try {
    const { verifyConnectivity } = await import('./verify/index.js');
    return await verifyConnectivity(
      config,
      check,
      opts.online,
      { logger: opts.logger, env, sleep: opts.sleep, setSecret: opts.setSecret, startedAt },
      // The check's verdict for a pair: the deployed whitelist when it was read (what DataWorks connects through),
      // else the files.
      (required) => (required.deployed !== undefined ? required.deployed : required.covered)
    );
  } catch (error) {
    // A defect in the verification layer: what was asked for was not done, so the run fails closed.
    const place = { file: config.path, line: 1, column: 1 };
    return {
      connectivity: [],
      findings: [internalErrorFinding('while verifying against DataWorks', error, place, opts.logger)]
    };
  }
}

/**
 * Evaluates the whole config; when that throws (a bug), evaluates each data source on its own, so one data source
 * that trips the bug becomes an `internal-error` finding and the others keep their findings and required blocks.
 */
function evaluateEachDataSourceAlone(input: EvaluateInput, logger: Logger): Evaluation {
  try {
    return evaluate(input);
  } catch {
    // Retried per data source below, where the failure can be pinned to one of them.
  }
  const findings: Finding[] = [];
  const required: Report['required'] = [];
  for (const ds of input.config.dataSources) {
    try {
      const alone = evaluate({
        ...input,
        config: {
          ...input.config,
          dataSources: [ds],
          waivers: input.config.waivers.filter((w) => w.dataSource === ds.name)
        }
      });
      findings.push(...alone.findings);
      required.push(...alone.required);
    } catch (error) {
      const what = `while evaluating the whitelist of data source "${ds.name}"`;
      findings.push(internalErrorFinding(what, error, { dataSource: ds.name, ...ds.pos }, logger));
    }
  }
  return { findings, required };
}

/** Serverless groups with an `id` that some access entry uses, with the modules they serve. */
export function onlineGroupRequests(config: Config): OnlineGroupRequest[] {
  const modules = new Map<string, Set<ModuleName>>();
  for (const ds of config.dataSources) {
    for (const access of ds.access) {
      for (const ref of access.resourceGroups ?? []) {
        const set = modules.get(ref.value) ?? new Set<ModuleName>();
        set.add(access.module);
        modules.set(ref.value, set);
      }
    }
  }
  return config.resourceGroups
    .filter((g) => g.type === 'serverless' && g.id !== undefined && modules.has(g.name))
    .map((group) => ({ group, modules: [...(modules.get(group.name) ?? [])].sort() }));
}

/** The cloud SDK is loaded here and only here, so offline runs never pay for it. */
async function resolveOnlineGroups(
  requests: OnlineGroupRequest[],
  opts: CheckOptions,
  env: NodeJS.ProcessEnv
): Promise<OnlineResolution> {
  try {
    const { resolveOnline } = await import('./resolve/online/index.js');
    return await resolveOnline(requests, opts.online, {
      logger: opts.logger,
      env,
      sleep: opts.sleep,
      setSecret: opts.setSecret
    });
  } catch (error) {
    // A defect in the online layer must still fail closed, naming every group it left unresolved.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      facts: new Map(),
      apiCalls: 0,
      findings: requests.map(({ group }) => ({
        rule: 'unresolved',
        severity: 'error',
        message: `online resolution of resource group "${group.name}" failed: ${reason}`,
        resourceGroup: group.name,
        ...group.pos
      }))
    };
  }
}

/**
 * Half-set credentials are one run-wide error, also when no group needed the API: the user meant an online check,
 * and a run that quietly did less must not pass. The groups that needed the API get their own findings too.
 */
function incompleteCredentialFindings(mode: ResolveMode, settings: OnlineSettings, env: NodeJS.ProcessEnv): Finding[] {
  if (mode === 'offline') return [];
  const message = incompleteCredentialsMessage(mode, settings, env);
  return message ? [{ rule: 'unresolved', severity: 'error', message }] : [];
}

function staleListNotices(lists: readonly EffectiveList[], now: Date): Finding[] {
  const notices: Finding[] = [];
  for (const list of lists) {
    if (!list.bundled || !isStale(list.bundled.asOf, now)) continue;
    notices.push({
      rule: 'stale-address-list',
      severity: 'notice',
      message:
        `the bundled ${list.list} list for ${list.region} ` +
        (list.bundled.asOf ? `dates from ${list.bundled.asOf}` : 'carries no date') +
        `: compare it with ${list.bundled.source} and add or replace entries under addressLists.${list.list}.${list.region}`
    });
  }
  return notices;
}

function addressListReports(lists: readonly EffectiveList[], configPath: string, now: Date): AddressListReport[] {
  const reports: AddressListReport[] = [];
  for (const list of lists) {
    if (list.bundled) {
      reports.push({
        list: list.list,
        region: list.region,
        source: list.bundled.source,
        asOf: list.bundled.asOf,
        origin: 'bundled',
        stale: isStale(list.bundled.asOf, now)
      });
    }
    if (list.override) {
      reports.push({
        list: list.list,
        region: list.region,
        source: `${configPath}:${list.override.pos.line} (copied from ${LIST_PAGES[list.list]})`,
        asOf: null,
        origin: 'config',
        stale: false
      });
    }
  }
  return reports;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * Deterministic order: the findings that made the check incomplete first (contract §8: they are the root cause
 * of whatever is unknown), then run-wide findings, then by data source (config order), severity, rule, place, and
 * block in address order.
 */
export function sortFindings(findings: readonly Finding[], config: Pick<Config, 'dataSources'>): Finding[] {
  const dsIndex = new Map(config.dataSources.map((d, i) => [d.name, i]));
  const key = (f: Finding): (number | string)[] => [
    madeCheckIncomplete(f) ? 0 : 1,
    f.dataSource === undefined ? -1 : (dsIndex.get(f.dataSource) ?? config.dataSources.length),
    SEVERITY_RANK[f.severity],
    RULES.indexOf(f.rule),
    // Contract §9: the files' finding before the instance's for the same rule.
    f.scope === 'deployed' ? 1 : 0,
    f.file ?? '',
    f.line ?? 0,
    f.column ?? 0
  ];
  const keyed = findings.map((f) => ({ f, k: key(f) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.k.length; i++) {
      const x = a.k[i]!;
      const y = b.k[i]!;
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      return String(x) < String(y) ? -1 : 1;
    }
    if (a.f.entry !== b.f.entry) {
      if (a.f.entry === undefined) return -1;
      if (b.f.entry === undefined) return 1;
      return compareEntryText(a.f.entry, b.f.entry);
    }
    return a.f.message === b.f.message ? 0 : a.f.message < b.f.message ? -1 : 1;
  });
  return keyed.map((k) => k.f);
}

function buildReport(
  config: string,
  resolve: 'online' | 'offline',
  findings: Finding[],
  required: Report['required'],
  addressLists: AddressListReport[],
  failOn: FailOn,
  dataSources: DataSourceReport[]
): Report {
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  return {
    reportVersion: 1,
    status: statusOf(findings, failOn),
    config,
    resolve,
    summary: {
      dataSources: dataSources.length,
      required: required.length,
      missing: findings.filter((f) => f.rule === 'missing-entry').length,
      errors: count('error'),
      warnings: count('warning'),
      notices: count('notice')
    },
    dataSources,
    addressLists,
    required,
    findings
  };
}
