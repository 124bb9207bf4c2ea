/**
 * When and how the engine reads deployed whitelists (contract §9): which data sources ask for it, whether this run
 * reads them (`deployed` mode, online or not), and what becomes of each: read, unreadable (`unresolved`, fail
 * closed) or not read by choice. The readers are loaded here and only here, with a dynamic import, so offline runs
 * never load the cloud code.
 */
import { quotePrefix } from './bounds.js';
import type { DeployedInput } from './evaluate/deployed.js';
import type { Logger } from './io.js';
import type { Config, DataSourceConfig, Finding } from './model.js';
import type { OnlineSettings } from './resolve/types.js';
import type {
  DeployedReadResult,
  DeployedRequest,
  DeployedWhitelist,
  DeployedWhitelistReader
} from './whitelists/deployed/types.js';

export const DEPLOYED_MODES = ['auto', 'always', 'never'] as const;
export type DeployedMode = (typeof DEPLOYED_MODES)[number];

/** The longest reader message quoted in a finding: the rest is the API's wording, not the user's business. */
const MAX_READER_MESSAGE = 500;

export interface DeployedRunOptions {
  deployed?: DeployedMode;
  deployedOffReason?: string;
  warnOfflineAudit?: boolean;
  deployedReader?: DeployedWhitelistReader;
  online: OnlineSettings;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  goOnline: boolean;
  sleep?: (ms: number) => Promise<void>;
  setSecret?: (secret: string) => void;
}

export interface DeployedRun {
  /** Per data source with `instance`. */
  inputs: Map<string, DeployedInput>;
  /** `unresolved` for every deployed whitelist that was to be read and could not be. */
  findings: Finding[];
}

type ProductionReaderOptions = Pick<DeployedRunOptions, 'online' | 'logger' | 'env' | 'sleep' | 'setSecret'>;

/**
 * A reader that answers each instance once however many runs ask (the head and base of a baseline check, contract
 * §11: the cloud is read once). Results are kept by everything a request holds; the production reader is loaded on
 * the first read that needs it.
 */
export function sharedDeployedReader(
  opts: ProductionReaderOptions,
  inner?: DeployedWhitelistReader
): DeployedWhitelistReader {
  const known = new Map<string, Promise<DeployedReadResult | undefined>>();
  let reader: Promise<DeployedWhitelistReader | undefined> | undefined;
  const keyOf = (r: DeployedRequest): string =>
    JSON.stringify([r.product, r.instance, r.region, r.edition ?? '', r.network, r.port ?? '']);
  return {
    async read(requests) {
      const fresh = requests.filter((r) => !known.has(keyOf(r)));
      if (fresh.length > 0) {
        reader ??= inner ? Promise.resolve(inner) : loadProductionReader(opts);
        const batch = reader.then((r) => (r ? r.read(fresh) : new Map<string, DeployedReadResult>()));
        for (const r of fresh)
          known.set(
            keyOf(r),
            batch.then((results) => results.get(r.dataSource))
          );
      }
      const results = new Map<string, DeployedReadResult>();
      for (const r of requests) {
        const result = await known.get(keyOf(r));
        if (result) results.set(r.dataSource, result);
      }
      return results;
    }
  };
}

/**
 * The production reader (`src/whitelists/deployed/`), imported only when deployed whitelists are read, so offline
 * runs never load the cloud SDK. A module that cannot be loaded yields `undefined`: every instance is then
 * `unresolved`.
 */
async function loadProductionReader(opts: ProductionReaderOptions): Promise<DeployedWhitelistReader | undefined> {
  try {
    const { createDeployedReader } = await import('./whitelists/deployed/index.js');
    return createDeployedReader(opts.online, {
      logger: opts.logger,
      env: opts.env,
      sleep: opts.sleep,
      setSecret: opts.setSecret
    });
  } catch (error) {
    opts.logger.debug(`deployed whitelist readers could not be loaded: ${String(error)}`);
    return undefined;
  }
}

export function deployedRequest(ds: DataSourceConfig): DeployedRequest | undefined {
  if (!ds.instance) return undefined;
  return {
    dataSource: ds.name,
    product: ds.product,
    instance: ds.instance.value,
    region: ds.region,
    ...(ds.edition !== undefined ? { edition: ds.edition } : {}),
    network: ds.network,
    ...(ds.port !== undefined ? { port: ds.port } : {})
  };
}

function unresolvedAt(ds: DataSourceConfig, why: string): Finding {
  return {
    rule: 'unresolved',
    severity: 'error',
    message: `the whitelist deployed on ${JSON.stringify(quotePrefix(ds.instance?.value ?? ''))} (${ds.product}) could not be read: ${why}`,
    dataSource: ds.name,
    ...(ds.instance?.pos ?? ds.pos)
  };
}

/** Reads the deployed whitelists this run should read; never throws. */
export async function readDeployedWhitelists(config: Config, opts: DeployedRunOptions): Promise<DeployedRun> {
  const inputs = new Map<string, DeployedInput>();
  const findings: Finding[] = [];
  const withInstance = config.dataSources.filter((d) => d.instance !== undefined);
  if (withInstance.length === 0) return { inputs, findings };

  const mode = opts.deployed ?? 'auto';
  if (mode === 'never' || (mode === 'auto' && !opts.goOnline)) {
    const reason =
      opts.deployedOffReason ??
      (mode === 'never' ? 'deployed whitelists are off: deployed never' : 'the run is offline');
    for (const ds of withInstance) inputs.set(ds.name, { state: 'not-read', reason });
    if (mode === 'auto' && opts.warnOfflineAudit) {
      opts.logger.warning(
        `No deployed whitelist was read: the run is offline, and ${withInstance.length === 1 ? 'data source' : 'data sources'} ` +
          `${withInstance.map((d) => `"${d.name}"`).join(', ')} ${withInstance.length === 1 ? 'names an' : 'name an'} instance. ` +
          'Give this audit Alibaba Cloud credentials (see the README: online mode) to check what is deployed.'
      );
    }
    return { inputs, findings };
  }

  const fail = (why: string): DeployedRun => {
    for (const ds of withInstance) {
      inputs.set(ds.name, { state: 'unreadable' });
      findings.push(unresolvedAt(ds, why));
    }
    return { inputs, findings };
  };
  if (!opts.goOnline) {
    return fail('deployed is always, but the run is offline (no Alibaba Cloud credentials were found)');
  }

  let results: Map<string, DeployedReadResult>;
  try {
    const reader = opts.deployedReader ?? (await loadProductionReader(opts));
    if (!reader) return fail('the deployed whitelist readers are unavailable in this build');
    const requests = withInstance.map(deployedRequest).filter((r): r is DeployedRequest => r !== undefined);
    results = await reader.read(requests);
  } catch (error) {
    // A defect in the readers must still fail closed, naming every instance it left unread.
    opts.logger.debug(`deployed whitelist reader failed: ${String(error)}`);
    return fail('the reader failed unexpectedly');
  }

  for (const ds of withInstance) {
    const result = results instanceof Map ? results.get(ds.name) : undefined;
    if (!result) {
      inputs.set(ds.name, { state: 'unreadable' });
      findings.push(unresolvedAt(ds, 'the reader returned no result for it'));
      continue;
    }
    if (!result.ok) {
      const message = typeof result.message === 'string' ? quotePrefix(result.message, MAX_READER_MESSAGE) : '';
      const ram =
        typeof result.ramAction === 'string' && result.ramAction !== ''
          ? `; the credentials lack the RAM permission ${quotePrefix(result.ramAction)}: add it to the role's policy`
          : '';
      inputs.set(ds.name, { state: 'unreadable' });
      findings.push(unresolvedAt(ds, `${message || 'no reason given'}${ram}`));
      continue;
    }
    if (!isWhitelist(result.whitelist)) {
      inputs.set(ds.name, { state: 'unreadable' });
      findings.push(unresolvedAt(ds, 'the reader returned a whitelist of an unexpected shape'));
      continue;
    }
    inputs.set(ds.name, { state: 'read', whitelist: result.whitelist });
  }
  return { inputs, findings };
}

/** The evaluator reads only these fields; anything else about the object is the reader's business. */
function isWhitelist(value: unknown): value is DeployedWhitelist {
  if (typeof value !== 'object' || value === null) return false;
  const w = value as Partial<DeployedWhitelist>;
  return (
    Array.isArray(w.groups) &&
    w.groups.every(
      (g) =>
        typeof g === 'object' &&
        g !== null &&
        typeof g.name === 'string' &&
        typeof g.hidden === 'boolean' &&
        Array.isArray(g.networks) &&
        Array.isArray(g.entries) &&
        (g.entries as unknown[]).every((e) => typeof e === 'string')
    ) &&
    Array.isArray(w.disabledNetworks) &&
    typeof w.emptyAllowsAll === 'boolean'
  );
}

/** The longest deadline `--timeout` takes, in seconds: a GitHub-hosted job's own limit (6 hours). */
export const MAX_TIMEOUT_SECONDS = 21_600;

/** `--timeout` / input `timeout`: whole seconds, 1 to 21,600. */
export function parseTimeoutSeconds(raw: string): { ok: true; seconds: number } | { ok: false; error: string } {
  const text = raw.trim();
  const seconds = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
    return {
      ok: false,
      error: `expected whole seconds from 1 to ${MAX_TIMEOUT_SECONDS.toLocaleString('en-US')}; got "${quotePrefix(text, 40)}"`
    };
  }
  return { ok: true, seconds };
}

/** Events where the code under review is what matters: `deployed: auto` reads no deployed whitelist there. */
export const REVIEW_EVENTS: readonly string[] = ['pull_request', 'pull_request_target', 'merge_group'];

/**
 * What the action asks of the engine for its `deployed` input on this event: `auto` on a review event is `never`,
 * with the reason for `not-checked`; elsewhere `auto` warns when the run goes offline although instances are named.
 */
export function deployedForEvent(
  mode: DeployedMode,
  eventName: string
): { deployed: DeployedMode; deployedOffReason?: string; warnOfflineAudit: boolean } {
  if (mode !== 'auto') return { deployed: mode, warnOfflineAudit: false };
  if (REVIEW_EVENTS.includes(eventName)) {
    return {
      deployed: 'never',
      deployedOffReason: `deployed auto reads no deployed whitelist on ${eventName} events`,
      warnOfflineAudit: false
    };
  }
  return { deployed: 'auto', warnOfflineAudit: true };
}
