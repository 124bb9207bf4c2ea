/**
 * The rule profile of every product (contract §4): which entry forms its whitelist accepts, its entry limit, the
 * entries it rejects, what an empty whitelist means, and the placeholders that allow nobody. Facts and their
 * sources are from /work/shared/reference/whitelist-formats.md §1; where the documentation is uncertain or
 * contradictory, the rule that can only make the check stricter (fail closed) is chosen, and the comment says so.
 */
import type { ProductId } from '../model.js';

/** An entry a product rejects outright, compared with the entry's canonical block (host bits cleared). */
export interface ForbiddenEntry {
  /** Canonical CIDR: `0.0.0.0/32` is the bare address `0.0.0.0`; `0.0.0.0/0` also matches `10.0.0.0/0`. */
  cidr: string;
  reason: string;
}

export interface EntryLimit {
  max: number;
  /** What the product counts, in words (the tool counts distinct entries over all sources of a data source). */
  scope: string;
  source: string;
}

export interface ProductProfile {
  id: ProductId;
  displayName: string;
  /** Whether IPv6 entries are accepted; when not, required IPv6 blocks do not apply (contract §1). */
  acceptsIpv6: boolean;
  /** IPv6 is accepted as single addresses only (no IPv6 CIDR or range). Only meaningful with `acceptsIpv6`. */
  ipv6AddressesOnly?: boolean;
  /** Whether `a-b` ranges are accepted. */
  acceptsRanges: boolean;
  entryLimit?: EntryLimit;
  forbidden: ForbiddenEntry[];
  /** An empty whitelist lets everyone in (`allow-all-whitelist`), rather than nobody. */
  emptyMeansAllowAll: boolean;
  /** Entries that conventionally mean "nobody": they cover nothing, are not errors, and do not make a list non-empty. */
  denyAllPlaceholders: string[];
  /** Product-specific tokens that mean "everyone" (not addresses): covered by everything, like `0.0.0.0/0`. */
  allowAllTokens: string[];
  /** Where the facts come from. */
  sources: string[];
  notes?: string;
  /**
   * How entries are joined in one value of the product's console, API and comma-string attributes, for the
   * report's paste-ready "add:" line. Absent: `,` without spaces (RDS and AnalyticDB for MySQL reject spaces).
   */
  entrySeparator?: string;
}

/** The separator of the product's whitelist values (see `entrySeparator`). */
export function entrySeparator(profile: ProductProfile): string {
  return profile.entrySeparator ?? ',';
}

const LOOPBACK_PLACEHOLDER = ['127.0.0.1'];

const RDS_API = 'https://help.aliyun.com/en/rds/api-modify-ip-address-whitelist';
const RDS_MYSQL =
  'https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/configure-an-ip-address-whitelist-for-an-apsaradb-rds-for-mysql-instance';
const POLARDB = 'https://www.alibabacloud.com/help/doc-detail/68506.htm';
const POLARDB_O = 'https://www.alibabacloud.com/help/doc-detail/118183.htm';
const POLARDB_X = 'https://www.alibabacloud.com/help/en/polardb/polardb-for-xscale/configure-whitelists';
const REDIS_API = 'https://help.aliyun.com/zh/redis/api-modifysecurityips';
const REDIS_GUIDE = 'https://www.alibabacloud.com/help/en/apsaradb-for-redis/latest/configure-whitelists';
const MONGODB = 'https://alibabacloud.com/help/en/mongodb/user-guide/configure-an-ip-address-whitelist';
const ADB_MYSQL = 'https://alibabacloud.com/help/en/analyticdb/analyticdb-for-mysql/user-guide/configure-a-whitelist-1';
const ADB_MYSQL_API =
  'https://www.alibabacloud.com/help/zh/analyticdb-for-mysql/developer-reference/api-adb-2021-12-01-modifyclusteraccesswhitelist';
const ADB_PG_API = 'https://help.aliyun.com/zh/analyticdb/api-modifysecurityips';
const MAXCOMPUTE =
  'https://www.alibabacloud.com/help/en/maxcompute/security-and-compliance/manage-ip-address-whitelists';
const HOLOGRES = 'https://www.alibabacloud.com/help/en/hologres/user-guide/configure-an-ip-address-whitelist';
const CLICKHOUSE = 'https://www.alibabacloud.com/help/en/clickhouse/configure-the-whitelist';
const ELASTICSEARCH =
  'https://www.alibabacloud.com/help/en/es/user-guide/configure-a-public-or-private-ip-address-whitelist-for-an-elasticsearch-cluster';
const LINDORM = 'https://www.alibabacloud.com/help/en/lindorm/user-guide/configure-whitelist';
const OSS_POLICY = 'https://www.alibabacloud.com/help/en/oss/user-guide/authorization-syntax-and-elements';
const ECS_SG_API = 'https://alibabacloud.com/help/en/ecs/api-authorizesecuritygroup';
const ECS_SG_LIMITS = 'https://www.alibabacloud.com/help/doc-detail/25554.html';

export const PRODUCT_PROFILES: Readonly<Record<ProductId, ProductProfile>> = {
  rds: {
    id: 'rds',
    displayName: 'ApsaraDB RDS',
    // ModifySecurityIps: SecurityIPType is "IPv4 only; IPv6 not supported"; entries are IPs and CIDRs /1-/32.
    acceptsIpv6: false,
    acceptsRanges: false,
    // The PostgreSQL page says 1,000 per group; the API and MySQL page say 1,000 per instance summed over all
    // groups. The instance total is the stricter reading.
    entryLimit: { max: 1000, scope: 'per instance, summed over all whitelist groups', source: RDS_API },
    forbidden: [],
    emptyMeansAllowAll: false,
    denyAllPlaceholders: LOOPBACK_PLACEHOLDER,
    allowAllTokens: [],
    sources: [RDS_API, RDS_MYSQL]
  },
  polardb: {
    id: 'polardb',
    displayName: 'PolarDB',
    // Documented entries are IPv4 addresses and CIDRs /1-/32 only.
    acceptsIpv6: false,
    acceptsRanges: false,
    // The API says 1,000 per group, the older PolarDB-O page 1,000 across all groups: the total is stricter.
    entryLimit: { max: 1000, scope: 'per cluster, summed over all whitelist groups', source: POLARDB_O },
    forbidden: [],
    emptyMeansAllowAll: false,
    denyAllPlaceholders: LOOPBACK_PLACEHOLDER,
    // "% or 0.0.0.0/0 allows all IP addresses".
    allowAllTokens: ['%'],
    sources: [POLARDB, POLARDB_O]
  },
  'polardb-x': {
    id: 'polardb-x',
    displayName: 'PolarDB-X 2.0',
    acceptsIpv6: false,
    // Ranges and `a.b.c.*` wildcards were PolarDB-X 1.0 (DRDS) only.
    acceptsRanges: false,
    // 300 per group; groups are not modelled, so the whole declared whitelist is held to one group's limit.
    entryLimit: { max: 300, scope: 'per whitelist group', source: POLARDB_X },
    forbidden: [],
    emptyMeansAllowAll: false,
    denyAllPlaceholders: LOOPBACK_PLACEHOLDER,
    allowAllTokens: [],
    sources: [POLARDB_X]
  },
  redis: {
    id: 'redis',
    displayName: 'Tair (Redis OSS-compatible)',
    // SecurityIps: 0.0.0.0/0, IPs and CIDRs /1-/32 (IPv4).
    acceptsIpv6: false,
    acceptsRanges: false,
    entryLimit: { max: 1000, scope: 'per whitelist group', source: REDIS_API },
    forbidden: [],
    emptyMeansAllowAll: false,
    denyAllPlaceholders: LOOPBACK_PLACEHOLDER,
    allowAllTokens: [],
    sources: [REDIS_API, REDIS_GUIDE]
  },
  mongodb: {
    id: 'mongodb',
    displayName: 'ApsaraDB for MongoDB',
    // The IPv6 tab takes single addresses only (MongoDB 4.2).
    acceptsIpv6: true,
    ipv6AddressesOnly: true,
    acceptsRanges: false,
    entryLimit: { max: 1000, scope: 'per whitelist', source: MONGODB },
    forbidden: [],
    // "Only 0.0.0.0/0, or an empty list, means everyone is allowed".
    emptyMeansAllowAll: true,
    denyAllPlaceholders: LOOPBACK_PLACEHOLDER,
    allowAllTokens: [],
    sources: [MONGODB]
  },
  'adb-mysql': {
    id: 'adb-mysql',
    displayName: 'AnalyticDB for MySQL',
    acceptsIpv6: false,
    acceptsRanges: false,
    entryLimit: { max: 500, scope: 'per whitelist', source: ADB_MYSQL_API },
    // 0.0.0.0 is not allowed; the newest page forbids any x.x.x.x/0 while an older one suggested 10.0.0.0/0.
    // Rejecting every /0 is the stricter reading (all of them canonicalise to 0.0.0.0/0).
    forbidden: [
      { cidr: '0.0.0.0/32', reason: 'AnalyticDB for MySQL does not accept 0.0.0.0' },
      { cidr: '0.0.0.0/0', reason: 'AnalyticDB for MySQL does not accept a /0 block' }
    ],
    emptyMeansAllowAll: false,
    denyAllPlaceholders: LOOPBACK_PLACEHOLDER,
    allowAllTokens: [],
    sources: [ADB_MYSQL, ADB_MYSQL_API]
  },
  'adb-pg': {
    id: 'adb-pg',
    displayName: 'AnalyticDB for PostgreSQL',
    acceptsIpv6: false,
    acceptsRanges: false,
    entryLimit: { max: 1000, scope: 'per whitelist group', source: ADB_PG_API },
    forbidden: [],
    emptyMeansAllowAll: false,
    denyAllPlaceholders: LOOPBACK_PLACEHOLDER,
    allowAllTokens: [],
    sources: [ADB_PG_API]
  },
  maxcompute: {
    id: 'maxcompute',
    displayName: 'MaxCompute',
    // Single IPv4 or IPv6 addresses, CIDRs of both families, and ranges like 192.168.10.0-192.168.255.255.
    acceptsIpv6: true,
    acceptsRanges: true,
    // No limit is documented.
    forbidden: [],
    // "No whitelist configured = no IP restriction".
    emptyMeansAllowAll: true,
    denyAllPlaceholders: [],
    // `*` in odps.security.vpc.whitelist allows all VPC access.
    allowAllTokens: ['*'],
    sources: [MAXCOMPUTE],
    notes:
      'Two independent lists: odps.security.ip.whitelist (Internet and interconnection network) and ' +
      'odps.security.vpc.whitelist (VPC); configuring only one denies all access over the other network.'
  },
  hologres: {
    id: 'hologres',
    displayName: 'Hologres',
    // Only IPs and CIDRs are documented, without an IPv6 statement: IPv6 is not assumed.
    acceptsIpv6: false,
    acceptsRanges: false,
    forbidden: [],
    // "No whitelist = all networks allowed".
    emptyMeansAllowAll: true,
    denyAllPlaceholders: [],
    allowAllTokens: [],
    sources: [HOLOGRES],
    notes:
      'The whitelist is set in HoloWeb; alicloud_hologram_instance has no whitelist attribute, so it cannot be ' +
      'read from Terraform. Once a whitelist exists, DataWorks resource groups must be added explicitly.'
  },
  clickhouse: {
    id: 'clickhouse',
    displayName: 'ApsaraDB for ClickHouse',
    acceptsIpv6: false,
    acceptsRanges: false,
    // Also at most 50 per group; groups are not modelled, the cluster total is.
    entryLimit: { max: 200, scope: 'per cluster, summed over all whitelist groups', source: CLICKHOUSE },
    forbidden: [
      { cidr: '0.0.0.0/0', reason: 'ApsaraDB for ClickHouse prohibits 0.0.0.0/0' },
      { cidr: '0.0.0.0/32', reason: 'ApsaraDB for ClickHouse prohibits 0.0.0.0' }
    ],
    emptyMeansAllowAll: false,
    denyAllPlaceholders: LOOPBACK_PLACEHOLDER,
    allowAllTokens: [],
    sources: [CLICKHOUSE]
  },
  elasticsearch: {
    id: 'elasticsearch',
    displayName: 'Elasticsearch',
    acceptsIpv6: true,
    acceptsRanges: false,
    // Only the whitelist template's 300 is documented; no per-list limit is confirmed, so none is enforced.
    forbidden: [],
    emptyMeansAllowAll: false,
    // "127.0.0.1 alone denies all".
    denyAllPlaceholders: LOOPBACK_PLACEHOLDER,
    allowAllTokens: [],
    sources: [ELASTICSEARCH],
    notes:
      'Separate lists for private (VPC), public, Kibana private and Kibana public access; public lists apply ' +
      'only when public access is enabled.'
  },
  lindorm: {
    id: 'lindorm',
    displayName: 'Lindorm',
    acceptsIpv6: false,
    acceptsRanges: false,
    // No limit is documented.
    forbidden: [],
    emptyMeansAllowAll: false,
    denyAllPlaceholders: LOOPBACK_PLACEHOLDER,
    allowAllTokens: [],
    sources: [LINDORM]
  },
  oss: {
    id: 'oss',
    displayName: 'OSS bucket policy',
    // acs:SourceIp takes IPs and CIDRs; OSS serves IPv6 endpoints, so IPv6 conditions are accepted. Uncertain in
    // the docs; accepting keeps required IPv6 blocks in the check instead of dropping them.
    acceptsIpv6: true,
    acceptsRanges: false,
    // The policy size limit is not confirmed; no entry limit is enforced.
    forbidden: [],
    // An empty acs:SourceIp condition does not open a bucket: its access is governed by the rest of the policy.
    emptyMeansAllowAll: false,
    denyAllPlaceholders: [],
    allowAllTokens: [],
    sources: [OSS_POLICY],
    notes: 'Policies that use acs:SourceIp must also specify acs:SourceVpc.',
    // acs:SourceIp is a JSON array, one string per entry: the list is for reading, not one value to paste.
    entrySeparator: ', '
  },
  'ecs-security-group': {
    id: 'ecs-security-group',
    displayName: 'ECS security group',
    // SourceCidrIp (IPv4) or Ipv6SourceCidrIp per rule.
    acceptsIpv6: true,
    acceptsRanges: false,
    // The older API text says 200 rules per group; newer text 1,000 summed over the groups of one ENI. 200 is
    // stricter.
    entryLimit: { max: 200, scope: 'rules per security group', source: ECS_SG_LIMITS },
    forbidden: [],
    // An empty cidr_ip does not mean "all".
    emptyMeansAllowAll: false,
    denyAllPlaceholders: [],
    allowAllTokens: [],
    sources: [ECS_SG_API, ECS_SG_LIMITS],
    // One CIDR per rule: the list is for reading, not one value to paste.
    entrySeparator: ', '
  },
  other: {
    id: 'other',
    displayName: 'Other data source',
    // Contract §4: `other` accepts every form and has no limit.
    acceptsIpv6: true,
    acceptsRanges: true,
    forbidden: [],
    emptyMeansAllowAll: false,
    denyAllPlaceholders: [],
    allowAllTokens: [],
    sources: []
  }
};

export function productProfile(id: ProductId): ProductProfile {
  return PRODUCT_PROFILES[id];
}
