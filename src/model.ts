/**
 * The vocabulary shared by every layer: the typed configuration, findings, required blocks and the report.
 * It holds types and a few constant tables only; behaviour lives in the modules named after what they do.
 */

export const MODULES = ['data-integration', 'data-service', 'metadata-collection', 'data-analysis'] as const;
export type ModuleName = (typeof MODULES)[number];

export const GROUP_TYPES = ['serverless', 'exclusive-integration', 'exclusive-service', 'shared'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

export const NETWORKS = ['private', 'public'] as const;
export type Network = (typeof NETWORKS)[number];

export const PRODUCTS = [
  'rds',
  'polardb',
  'polardb-x',
  'redis',
  'mongodb',
  'adb-mysql',
  'adb-pg',
  'maxcompute',
  'hologres',
  'clickhouse',
  'elasticsearch',
  'lindorm',
  'selectdb',
  'hbase',
  'oss',
  'ecs-security-group',
  'other'
] as const;
export type ProductId = (typeof PRODUCTS)[number];

export const WHITELIST_FORMATS = ['text', 'yaml', 'json', 'terraform'] as const;
export type WhitelistFormat = (typeof WHITELIST_FORMATS)[number];

/** The published DataWorks address lists a requirement can come from. */
export const ADDRESS_LIST_NAMES = [
  'metadata-collection',
  'data-analysis',
  'shared-integration',
  'shared-service'
] as const;
export type AddressListName = (typeof ADDRESS_LIST_NAMES)[number];

export type ResolveMode = 'auto' | 'online' | 'offline';
export type FailOn = 'error' | 'warning' | 'never';
export type Status = 'pass' | 'fail' | 'error';

/** A place in a file of the repository: path relative to the root with `/` separators, 1-based line and column. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** A scalar from a file, with where it was written. */
export interface Located<T> {
  value: T;
  pos: SourcePosition;
}

// ---------------------------------------------------------------------------------------------------------------
// Configuration (contract §2), as the config loader returns it once valid.

/** Static network facts of a resource group (or of one module's override). `undefined` means "not given". */
export interface GroupFacts {
  privateCidrs?: Located<string>[];
  publicIps?: Located<string>[];
  vswitches?: Located<string>[];
  /** Where the key that holds these facts was written (the group, or `modules.<name>`). */
  pos: SourcePosition;
}

export interface ResourceGroupConfig extends GroupFacts {
  name: string;
  type: GroupType;
  id?: Located<string>;
  region: string;
  /** Per-module overrides; each key given replaces the group's, keys not given are inherited. */
  modules: Partial<Record<ModuleName, GroupFacts>>;
}

export interface AddressListOverride {
  list: AddressListName;
  region: string;
  replace: boolean;
  entries: Located<string>[];
  pos: SourcePosition;
}

export interface WhitelistSourceConfig {
  /** Path relative to the root, `/` separators. */
  file: string;
  format: WhitelistFormat;
  select?: string;
  /** Terraform only: extra tfvars files, relative to the root. */
  tfvars?: string[];
  pos: SourcePosition;
}

export interface AccessConfig {
  module: ModuleName;
  /** Local names of resource groups (keys of `resourceGroups`). */
  resourceGroups?: Located<string>[];
  /** Where a platform module runs (default: the data source's region). */
  region?: string;
  pos: SourcePosition;
}

/** The DataWorks data source a config entry describes (contract §12), for `--verify`. */
export interface DataWorksRef {
  /** The workspace (project) ID, as text. */
  workspace: string;
  name: string;
  env: 'prod' | 'dev';
  pos: SourcePosition;
}

/** Where a whitelist finding is about: the files in the repository, or what is deployed on the instance (§9). */
export const SCOPES = ['declared', 'deployed'] as const;
export type Scope = (typeof SCOPES)[number];

export interface DataSourceConfig {
  name: string;
  product: ProductId;
  region: string;
  network: Network;
  port?: number;
  /** Empty when the data source names only its `instance` (contract §9): nothing declared is evaluated then. */
  whitelist: WhitelistSourceConfig[];
  /** The cloud instance whose deployed whitelist is read online (contract §9). */
  instance?: Located<string>;
  /** adb-mysql: warehouse | lakehouse; clickhouse: community | enterprise (the API to read). */
  edition?: string;
  /** Only these deployed groups are compared with the files (`deployed-drift`). */
  deployedGroups?: Located<string>[];
  access: AccessConfig[];
  dataworks?: DataWorksRef;
  pos: SourcePosition;
}

export interface WaiverConfig {
  dataSource: string;
  entry: Located<string>;
  reason: string;
  /** `YYYY-MM-DD`, valid through that day (UTC). */
  expires: string;
  /** Narrows the waiver to one scope; absent: both (contract §9). */
  scope?: Scope;
  pos: SourcePosition;
}

export interface Config {
  /** The config file, relative to the root. */
  path: string;
  version: 1;
  region: string;
  /** In file order. */
  resourceGroups: ResourceGroupConfig[];
  addressLists: AddressListOverride[];
  /** In file order. */
  dataSources: DataSourceConfig[];
  waivers: WaiverConfig[];
}

// ---------------------------------------------------------------------------------------------------------------
// Findings (contract §3).

export const RULES = [
  'missing-entry',
  'invalid-config',
  'invalid-whitelist',
  'invalid-entry',
  'unsupported-entry',
  'too-many-entries',
  'unresolved',
  'internal-error',
  'no-public-egress',
  'network-disabled',
  'expired-waiver',
  'overly-broad-entry',
  'allow-all-whitelist',
  'unattached-template',
  'drift',
  'deployed-drift',
  'host-bits-set',
  'stale-address-list',
  'redundant-entry',
  'waived',
  'unused-waiver',
  'not-checked',
  // DataWorks' own connectivity test (contract §12, `--verify`).
  'unreachable',
  'connectivity-disagrees',
  'verify-failed'
] as const;
export type RuleId = (typeof RULES)[number];
export type Severity = 'error' | 'warning' | 'notice';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  dataSource?: string;
  module?: ModuleName;
  resourceGroup?: string;
  /** Files (`declared`) or the instance (`deployed`): set on findings about whitelist entries and coverage (§9). */
  scope?: Scope;
  /** Canonical CIDR text of the block concerned. */
  entry?: string;
  /** The declared entry as written, for findings about a declared entry. */
  raw?: string;
  /** Canonical CIDRs of the part of `entry` that is not covered. */
  uncovered?: string[];
  file?: string;
  line?: number;
  column?: number;
  /** With a baseline (contract §11): whether the base commit had this finding too. */
  baseline?: 'new' | 'unchanged';
}

// ---------------------------------------------------------------------------------------------------------------
// Requirements and the report (contract §1, §7).

export type FactOrigin = 'api' | 'config' | 'bundled';

/** One link of the chain that made a block required. */
export interface Via {
  module: ModuleName;
  resourceGroup?: string;
  origin: FactOrigin;
  /** The binding (`vsw-…`), the static key (`privateCidrs`, `modules.data-service.publicIps`), or `list:region`. */
  source: string;
}

export interface RequiredEntryReport {
  dataSource: string;
  entry: string;
  /** `null`: unknown, because a whitelist source could not be read or a value it needs is unresolved (§8). */
  covered: boolean | null;
  /**
   * Coverage by the whitelist deployed on the instance (contract §9): present when it was to be read in this run;
   * `null` when it could not be read.
   */
  deployed?: boolean | null;
  via: Via[];
}

export interface AddressListReport {
  list: AddressListName;
  region: string;
  source: string;
  asOf: string | null;
  origin: 'bundled' | 'config';
  /** Older than 180 days, or undated (bundled lists only). An extension of contract §7. */
  stale: boolean;
}

/** What the report says of each data source (an extension of contract §7, for headings). */
export interface DataSourceReport {
  name: string;
  product: ProductId;
  network: Network;
  region: string;
  /** Whether the data source has whitelist files (an extension, for the code/cloud markers). */
  declared?: boolean;
  /** The instance named in the config, when there is one. */
  instance?: string;
  /**
   * What became of its deployed whitelist: `read`, `unreadable` (an `unresolved` finding says why) or `not-read`
   * (by choice: offline, `deployed: never`, a pull request). Absent without `instance`.
   */
  deployedState?: DeployedState;
}

export type DeployedState = 'read' | 'unreadable' | 'not-read';

/** The states `TestDataSourceConnectivity` documents; another answer is kept as given and reported as `verify-failed`. */
export const CONNECT_STATES = ['Connectable', 'ConfigError', 'Unreachable', 'Unsupport'] as const;

/** One data source and resource group tested by DataWorks (contract §12, `--verify`). */
export interface ConnectivityReport {
  dataSource: string;
  /** The group's config name. */
  resourceGroup: string;
  /** The group's DataWorks id. */
  resourceGroupId: string;
  /** DataWorks' `ConnectState`; `null` when the test could not be run (then `message` says why). */
  state: string | null;
  /** DataWorks' `ConnectMessage`, or why the test could not be run; '' when DataWorks said nothing. */
  message: string;
  /** The step of DataWorks' `DetailLogs` that failed (its last one), when the test failed. */
  failedStep?: string;
  /** The check's own verdict for the pair: `true` a gap, `false` none, `null` unknown. */
  checkFoundGap: boolean | null;
}

export interface ReportSummary {
  dataSources: number;
  required: number;
  missing: number;
  errors: number;
  warnings: number;
  notices: number;
}

export interface Report {
  reportVersion: 1;
  status: Status;
  config: string;
  resolve: 'online' | 'offline';
  summary: ReportSummary;
  /** In config order. */
  dataSources: DataSourceReport[];
  addressLists: AddressListReport[];
  required: RequiredEntryReport[];
  /** Present when verification was asked for (`--verify`, input `verify`): each pair tested, in config order. */
  connectivity?: ConnectivityReport[];
  findings: Finding[];
  /** With a baseline (contract §11): what the base commit was and what it changed. */
  baseline?: BaselineReport;
  /** With a baseline: findings of the base commit that this run no longer has (contract §11). */
  resolvedFindings?: Finding[];
}

/** The base a run was compared with (contract §11). */
export interface BaselineReport {
  /** The ref as given (`origin/main`, a SHA). */
  ref: string;
  /** The commit it named; absent when it could not be read. */
  commit?: string;
  /** `false`: the base could not be read, and every finding is `new` (the warning says why). */
  read: boolean;
  /** New error and warning findings (the action's `new-count`). */
  newCount: number;
  /** With `--only-new`: the exit status and `fail-on` considered new findings only. */
  onlyNew: boolean;
}
