/**
 * Verification against DataWorks itself (contract §12, `--verify`): for each data source with a `dataworks` key and
 * each serverless group with an `id` that reaches it, DataWorks' own `TestDataSourceConnectivity`. The engine loads
 * this module with a dynamic import only when the run is online, so offline runs never load the cloud SDK.
 */
import type { Config, ConnectivityReport, DataWorksRef, Finding, ProductId } from '../model.js';
import type { CloudDeps } from '../cloud/session.js';
import type { OnlineSettings } from '../resolve/types.js';
import { closestNames } from '../suggest.js';
import type { DataWorksEnv, WorkspaceApi, WorkspaceDataSource } from '../workspace/api.js';
import { DATAWORKS_TYPES } from '../workspace/mapping.js';
import { openWorkspaceSession, type WorkspaceSession } from '../workspace/session.js';
import {
  apiText,
  dataSourceNotTested,
  declaredCoverage,
  judgeAnswer,
  notTested,
  pairVerdict,
  verificationPairs,
  type CheckResult,
  type CoverageOf,
  type PairVerdict,
  type VerifyPair
} from './verdict.js';

/** The shared session's needs (`startedAt`: the tests share the run's deadline). */
export type VerifyDeps = CloudDeps;

export interface Verification {
  connectivity: ConnectivityReport[];
  findings: Finding[];
  /** Requests sent, retries included. */
  apiCalls: number;
}

/**
 * A connectivity test takes seconds (DataWorks connects from the group, then logs in): its per-request timeout is
 * longer than a read's, unless the timeout is set for the run (the test seam's variable).
 */
const CONNECTIVITY_REQUEST_TIMEOUT_MS = 60_000;
const TIMEOUT_VARIABLE = 'DATAWORKS_WHITELIST_GUARD_TIMEOUT_MS';

export async function verifyConnectivity(
  config: Config,
  check: CheckResult,
  settings: OnlineSettings,
  deps: VerifyDeps,
  coverageOf: CoverageOf = declaredCoverage
): Promise<Verification> {
  const pairs = verificationPairs(config);
  for (const ds of config.dataSources) {
    if (ds.dataworks && !pairs.some((p) => p.dataSource === ds)) {
      deps.logger.debug(`verify: "${ds.name}" is reached by no serverless resource group with an id: nothing to test`);
    }
  }
  if (pairs.length === 0) return { connectivity: [], findings: [], apiCalls: 0 };

  const verdicts = new Map(pairs.map((p) => [p, pairVerdict(check, p.dataSource.name, p.group.name, coverageOf)]));
  const verdictOf = (pair: VerifyPair): PairVerdict => verdicts.get(pair) ?? { kind: 'unknown' };
  const byDataSource = groupByDataSource(pairs);

  let session: WorkspaceSession;
  try {
    session = await openWorkspaceSession(pairs[0]!.group.region, settings, {
      logger: deps.logger,
      env: deps.env,
      sleep: deps.sleep,
      setSecret: deps.setSecret,
      startedAt: deps.startedAt,
      tuning: {
        ...(deps.env[TIMEOUT_VARIABLE] ? {} : { requestTimeoutMs: CONNECTIVITY_REQUEST_TIMEOUT_MS }),
        ...deps.tuning
      }
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const out = collect();
    for (const group of byDataSource) out.addNotTested(dataSourceNotTested(group, verdictOf, reason));
    return { ...out.result(), apiCalls: 0 };
  }

  const lookups = new DataSourceLookups(session);
  const tests = new Map<string, ReturnType<WorkspaceApi['testConnectivity']>>();
  const outcomes = await Promise.all(
    byDataSource.map(async (group): Promise<DataSourceOutcome> => {
      const first = group[0]!;
      const ref = first.dataSource.dataworks;
      const found = await lookups.find(first.group.region, ref, first.dataSource.product);
      if ('problem' in found) return { group, problem: found.problem };
      const answers = await Promise.all(
        group.map(async (pair): Promise<TestOutcome> => {
          const key = JSON.stringify([pair.group.region, ref.workspace, found.id, pair.group.id.value]);
          let test = tests.get(key);
          if (!test) {
            test = session.apiIn(pair.group.region).testConnectivity(ref.workspace, found.id, pair.group.id.value);
            tests.set(key, test);
          }
          try {
            return { pair, answer: await test };
          } catch (error) {
            return { pair, problem: error instanceof Error ? error.message : String(error) };
          }
        })
      );
      return { group, answers };
    })
  );

  const out = collect();
  for (const outcome of outcomes) {
    if ('problem' in outcome) {
      out.addNotTested(dataSourceNotTested(outcome.group, verdictOf, outcome.problem));
      continue;
    }
    for (const result of outcome.answers) {
      const judged =
        'answer' in result
          ? judgeAnswer(result.pair, verdictOf(result.pair), result.answer)
          : notTested(result.pair, verdictOf(result.pair), result.problem);
      out.add(judged.row, judged.finding);
    }
  }
  deps.logger.debug(`verify: ${session.requests()} API requests for ${pairs.length} connectivity tests`);
  return { ...out.result(), apiCalls: session.requests() };
}

type DataSourceOutcome = { group: VerifyPair[]; problem: string } | { group: VerifyPair[]; answers: TestOutcome[] };

type TestOutcome =
  | { pair: VerifyPair; answer: Awaited<ReturnType<WorkspaceApi['testConnectivity']>> }
  | { pair: VerifyPair; problem: string };

/** Pairs of one data source together, in the pairs' order. */
function groupByDataSource(pairs: readonly VerifyPair[]): VerifyPair[][] {
  const groups = new Map<string, VerifyPair[]>();
  for (const pair of pairs) {
    const list = groups.get(pair.dataSource.name) ?? [];
    list.push(pair);
    groups.set(pair.dataSource.name, list);
  }
  return [...groups.values()];
}

function collect() {
  const connectivity: ConnectivityReport[] = [];
  const findings: Finding[] = [];
  return {
    add(row: ConnectivityReport, finding?: Finding) {
      connectivity.push(row);
      if (finding) findings.push(finding);
    },
    addNotTested(result: { rows: ConnectivityReport[]; finding: Finding } | undefined) {
      if (!result) return;
      connectivity.push(...result.rows);
      findings.push(result.finding);
    },
    result: () => ({ connectivity, findings })
  };
}

/** Each workspace and environment is listed once per run (all pages), however many data sources name it. */
class DataSourceLookups {
  private readonly listings = new Map<string, Promise<WorkspaceDataSource[]>>();

  constructor(private readonly session: WorkspaceSession) {}

  async find(region: string, ref: DataWorksRef, product: ProductId): Promise<{ id: string } | { problem: string }> {
    const key = JSON.stringify([region, ref.workspace, ref.env]);
    let listing = this.listings.get(key);
    if (!listing) {
      listing = this.session.apiIn(region).listDataSources(ref.workspace, ref.env);
      this.listings.set(key, listing);
    }
    let list: WorkspaceDataSource[];
    try {
      list = await listing;
    } catch (error) {
      return { problem: error instanceof Error ? error.message : String(error) };
    }
    return findEnvironment(list, ref, product);
  }
}

const ENV_TYPE: Record<DataWorksEnv, string> = { prod: 'prod', dev: 'dev' };

/**
 * The environment's own data source id for `dataworks.name`. Names are matched exactly; when two data sources of
 * different types share the name, the one whose type maps to the config's product is meant.
 */
export function findEnvironment(
  list: readonly WorkspaceDataSource[],
  ref: DataWorksRef,
  product: ProductId
): { id: string } | { problem: string } {
  const where = `workspace ${apiText(ref.workspace, 40)} (${ref.env})`;
  let named = list.filter((d) => d.Name === ref.name);
  if (named.length === 0) {
    const suggestions = closestNames(
      ref.name,
      list.map((d) => d.Name)
    ).slice(0, 3);
    const hint =
      suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${apiText(s, 100)}"`).join(' or ')}?` : '';
    return {
      problem: `dataworks.name "${apiText(ref.name, 100)}" names no data source of ${where} (${list.length} listed)${hint}`
    };
  }
  if (named.length > 1) {
    const ofProduct = named.filter((d) => DATAWORKS_TYPES[d.Type.toLowerCase()]?.product === product);
    if (ofProduct.length === 1) named = ofProduct;
    else {
      const types = named.map((d) => apiText(d.Type, 40)).join(', ');
      return {
        problem: `dataworks.name "${apiText(ref.name, 100)}" names ${named.length} data sources of ${where} (types ${types}), and the product ${product} does not tell which`
      };
    }
  }
  const environments = named[0]!.DataSource;
  const own = environments.filter((e) => e.EnvType?.toLowerCase() === ENV_TYPE[ref.env]);
  // The list was asked for one environment; an answer that does not say which is taken when it is the only one.
  const chosen =
    own.length > 0 ? own : environments.length === 1 && environments[0]!.EnvType === undefined ? environments : [];
  if (chosen.length !== 1) {
    return {
      problem:
        chosen.length === 0
          ? `data source "${apiText(ref.name, 100)}" of ${where} has no ${ref.env} environment`
          : `data source "${apiText(ref.name, 100)}" of ${where} lists ${chosen.length} ${ref.env} environments`
    };
  }
  return { id: chosen[0]!.Id };
}
