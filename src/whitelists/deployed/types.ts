/**
 * The deployed whitelist of one instance (contract §9), as the product's API reports it, in the terms the evaluator
 * already understands. The readers (one per product API, pure functions from a validated response) produce it; the
 * evaluator checks required blocks against it (`scope: deployed`) and compares it with the files (`deployed-drift`).
 */
import type { Network, ProductId } from '../../model.js';

/** One whitelist group of the instance (RDS `DBInstanceIPArray`, PolarDB `DBClusterIPArray`, an ECS rule, …). */
export interface DeployedGroup {
  /** The group's name as the product shows it (`default`, `dataworks`, an ECS rule's description or id). */
  name: string;
  /** A system group the product marks hidden: in effect (counts for coverage), never drift. */
  hidden: boolean;
  /** The networks whose clients this group admits (RDS network type, Elasticsearch private/public, MaxCompute lists). */
  networks: readonly Network[];
  /** Entries exactly as the API returns them (comma strings already split, blanks trimmed, empties dropped). */
  entries: readonly string[];
}

export interface DeployedWhitelist {
  product: ProductId;
  /** The data source's `instance` value. */
  instance: string;
  region: string;
  groups: readonly DeployedGroup[];
  /**
   * Networks on which the instance accepts no connection at all, whatever the groups hold (Elasticsearch public
   * access off; MaxCompute: the other network when only one list is set): `network-disabled`.
   */
  disabledNetworks: readonly Network[];
  /**
   * Whether an instance whose groups admitting the network hold no entry allows everyone (MaxCompute with both
   * lists empty). `false` means empty denies everything.
   */
  emptyAllowsAll: boolean;
}

/** What is asked: one data source's instance. */
export interface DeployedRequest {
  dataSource: string;
  product: ProductId;
  instance: string;
  region: string;
  /** adb-mysql: warehouse | lakehouse; clickhouse: community | enterprise. */
  edition?: string;
  network: Network;
  /** ECS: only rules whose port range covers it count. */
  port?: number;
}

/** One instance read, or why it could not be (`unresolved`; a denial names the RAM action). */
export type DeployedReadResult =
  | { ok: true; whitelist: DeployedWhitelist; apiCalls: number }
  | { ok: false; message: string; ramAction?: string; apiCalls: number };

/** Reads the deployed whitelists of many data sources; one result per request, keyed by data source name. */
export interface DeployedWhitelistReader {
  read(requests: readonly DeployedRequest[]): Promise<Map<string, DeployedReadResult>>;
}
