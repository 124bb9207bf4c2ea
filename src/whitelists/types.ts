/** The interface every whitelist reader implements (text, yaml, json, terraform). */
import type { ReadBudget } from '../bounds.js';
import type { EntryLimit } from '../products/profiles.js';
import type { Logger, RepoFiles } from '../io.js';
import type { DataSourceConfig, Finding, WhitelistFormat, WhitelistSourceConfig } from '../model.js';

/** One entry as written in a whitelist file, not yet parsed as an address. */
export interface DeclaredEntryText {
  /** The entry's text, trimmed, exactly as written otherwise. */
  raw: string;
  file: string;
  line: number;
  column: number;
}

export interface ReadContext {
  files: RepoFiles;
  /** The data source the whitelist belongs to (product, network and port choose Terraform attributes/rules). */
  dataSource: DataSourceConfig;
  /** Where a reader explains what it skipped on purpose (removal lists, rules that do not admit DataWorks). */
  logger?: Logger;
  /** The run's reading budget, shared by every source of the run; absent: a budget of its own per read. */
  budget?: ReadBudget;
}

export interface ReadResult {
  entries: DeclaredEntryText[];
  /**
   * `invalid-whitelist` (missing file, syntax error, `select` that matches nothing) and `unresolved` (a Terraform
   * expression that cannot be evaluated) findings, each with file/line/column. A source with such a finding has
   * not been fully read: the engine fails closed on it.
   */
  findings: Finding[];
  /**
   * Where a `missing-entry` should point to for this source: the attribute for Terraform, the list for YAML/JSON,
   * the file's end for text. Absent when the source could not be read.
   */
  addHere?: { file: string; line: number; column: number };
  /**
   * Entries the source writes that do not apply to the data source's network (an RDS `Classic` group for a
   * `private` source, a `VPC` group for a `public` one), with the reason in words: they never count, but a
   * `missing-entry` they would have covered says so.
   */
  excluded?: { entries: DeclaredEntryText[]; reason: string }[];
  /**
   * The entry limit of what the source declares, when the source itself decides it (a Terraform resource type:
   * `alicloud_adb_db_cluster` 1,000, `alicloud_adb_db_cluster_lake_version` 500); absent: the product's limit.
   */
  entryLimit?: EntryLimit;
}

export interface WhitelistReader {
  format: WhitelistFormat;
  read(source: WhitelistSourceConfig, ctx: ReadContext): Promise<ReadResult>;
}
