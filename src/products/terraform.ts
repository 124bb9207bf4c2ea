/**
 * Where the alicloud Terraform provider keeps each product's whitelist: resource types, the attribute per
 * network, and the shape of its value. Facts from the provider's schema (see
 * shared/reference/whitelist-formats.md §2); one source of truth for the Terraform reader and the docs.
 */
import type { Network, ProductId } from '../model.js';
import type { EntryLimit } from './profiles.js';

/**
 * - `set`: a list of strings (`["192.0.2.0/24", …]`); Terraform rejects a plain string.
 * - `comma-string`: one string of comma-separated entries (`"192.0.2.0/24,198.51.100.7"`).
 * - `single`: one entry per attribute (`cidr_ip` of a security-group rule).
 * - `bucket-policy`: an OSS bucket policy document (JSON), whose `acs:SourceIp` conditions hold the entries.
 */
export type TerraformValueShape = 'set' | 'comma-string' | 'single' | 'bucket-policy';

const BOTH: readonly Network[] = ['private', 'public'];

export interface TerraformWhitelistAttribute {
  /**
   * Attribute path in `select` syntax: `security_ips`, `ip_white_list[0].vpc_ip_list`, or
   * `security_ip_groups.security_ip_list` (the union over every such block).
   */
  path: string;
  shape: TerraformValueShape;
  /** The networks whose whitelist this attribute holds. */
  networks: readonly Network[];
  note?: string;
}

export interface TerraformResourceProfile {
  resourceType: string;
  /** All attributes that apply to a network are read, and their entries united. */
  attributes: readonly TerraformWhitelistAttribute[];
  note?: string;
  /** The entry limit of this resource type, when it differs from the product's (contract §9). */
  entryLimit?: EntryLimit;
}

export interface TerraformProductProfile {
  product: ProductId;
  resources: readonly TerraformResourceProfile[];
  /** Why a product has no resources here, or what to know about all of them. */
  note?: string;
}

function resource(
  resourceType: string,
  attributes: TerraformWhitelistAttribute[],
  note?: string,
  entryLimit?: EntryLimit
): TerraformResourceProfile {
  const profile: TerraformResourceProfile = { resourceType, attributes };
  if (note !== undefined) profile.note = note;
  if (entryLimit !== undefined) profile.entryLimit = entryLimit;
  return profile;
}

/** The provider's `security_ips` of `alicloud_adb_db_cluster`: "The list contains up to 1,000 IP addresses". */
const ADB_DB_CLUSTER_DOC =
  'https://github.com/aliyun/terraform-provider-alicloud/blob/master/website/docs/r/adb_db_cluster.html.markdown';
const ADB_WAREHOUSE_LIMIT: EntryLimit = {
  max: 1000,
  scope: 'per whitelist of a Data Warehouse Edition cluster (alicloud_adb_db_cluster)',
  source: ADB_DB_CLUSTER_DOC
};
const ADB_LAKEHOUSE_LIMIT: EntryLimit = {
  max: 500,
  scope: 'per whitelist of a Data Lakehouse Edition cluster (alicloud_adb_db_cluster_lake_version)',
  source:
    'https://github.com/aliyun/terraform-provider-alicloud/blob/master/website/docs/r/adb_db_cluster_lake_version.html.markdown'
};

function attribute(
  path: string,
  shape: TerraformValueShape,
  networks: readonly Network[] = BOTH,
  note?: string
): TerraformWhitelistAttribute {
  return note === undefined ? { path, shape, networks } : { path, shape, networks, note };
}

export const TERRAFORM_PRODUCTS: Readonly<Record<ProductId, TerraformProductProfile>> = {
  rds: {
    product: 'rds',
    resources: [
      resource(
        'alicloud_db_instance',
        [attribute('security_ips', 'set')],
        'One resource manages one whitelist group (`db_instance_ip_array_name`). With `modify_mode = "Delete"` the list names entries to remove, so it allows nothing.'
      ),
      resource('alicloud_db_readonly_instance', [attribute('security_ips', 'set')]),
      resource('alicloud_rds_clone_db_instance', [attribute('security_ips', 'set')]),
      resource('alicloud_rds_upgrade_db_instance', [attribute('security_ips', 'set')]),
      resource(
        'alicloud_rds_ddr_instance',
        [attribute('security_ips', 'set')],
        'An instance restored by disaster recovery; `whitelist_network_type` and `modify_mode` as on `alicloud_db_instance`.'
      ),
      resource(
        'alicloud_rds_whitelist_template',
        [attribute('ip_white_list', 'comma-string')],
        'Template entries count toward the instance limit of 1,000.'
      )
    ]
  },
  polardb: {
    product: 'polardb',
    resources: [
      resource('alicloud_polardb_cluster', [
        attribute(
          'db_cluster_ip_array.security_ips',
          'set',
          BOTH,
          'Union over all `db_cluster_ip_array` blocks; blocks with `modify_mode = "Delete"` remove entries and allow nothing.'
        ),
        attribute('security_ips', 'set', BOTH, 'Deprecated since provider v1.130.0; still read.')
      ]),
      resource('alicloud_polardb_global_security_ip_group', [attribute('global_ip_list', 'comma-string')])
    ]
  },
  'polardb-x': {
    product: 'polardb-x',
    resources: [],
    note: 'The provider reference lists no PolarDB-X whitelist attribute. Select an attribute explicitly (`TYPE.NAME.ATTRIBUTE`) or keep the whitelist in a text or YAML file.'
  },
  redis: {
    product: 'redis',
    resources: [
      resource(
        'alicloud_kvstore_instance',
        [attribute('security_ips', 'set')],
        'One resource manages one group (`security_ip_group_name`).'
      ),
      resource(
        'alicloud_redis_tair_instance',
        [attribute('security_ips', 'comma-string')],
        'The current resource for Redis and Tair instances; a comma-separated string (the default group).'
      ),
      resource('alicloud_redis_global_security_ip_group', [attribute('global_ip_list', 'comma-string')])
    ]
  },
  mongodb: {
    product: 'mongodb',
    resources: [
      resource('alicloud_mongodb_instance', [
        attribute('security_ip_list', 'set', BOTH, 'A set at the top level (the `default` group).'),
        attribute(
          'security_ip_groups.security_ip_list',
          'comma-string',
          BOTH,
          'A comma-separated string inside `security_ip_groups` blocks.'
        )
      ]),
      resource('alicloud_mongodb_sharding_instance', [
        attribute('security_ip_list', 'set', BOTH, 'A set at the top level (the `default` group).'),
        attribute(
          'security_ip_groups.security_ip_list',
          'comma-string',
          BOTH,
          'A comma-separated string inside `security_ip_groups` blocks.'
        )
      ]),
      resource(
        'alicloud_mongodb_serverless_instance',
        [attribute('security_ip_groups.security_ip_list', 'comma-string')],
        'Deprecated; still read.'
      ),
      resource('alicloud_mongodb_global_security_ip_group', [attribute('global_security_ip_list', 'comma-string')])
    ]
  },
  'adb-mysql': {
    product: 'adb-mysql',
    resources: [
      resource(
        'alicloud_adb_db_cluster',
        [attribute('security_ips', 'set')],
        'At most 1,000 entries.',
        ADB_WAREHOUSE_LIMIT
      ),
      resource(
        'alicloud_adb_cluster',
        [attribute('security_ips', 'set')],
        'Deprecated: the older name of `alicloud_adb_db_cluster`; still read. At most 1,000 entries.',
        ADB_WAREHOUSE_LIMIT
      ),
      resource(
        'alicloud_adb_db_cluster_lake_version',
        [attribute('security_ips', 'comma-string')],
        'A comma-separated string here, unlike `alicloud_adb_db_cluster`. At most 500 entries.',
        ADB_LAKEHOUSE_LIMIT
      )
    ]
  },
  'adb-pg': {
    product: 'adb-pg',
    resources: [
      resource('alicloud_gpdb_instance', [
        attribute(
          'ip_whitelist.security_ip_list',
          'comma-string',
          BOTH,
          'A comma-separated string inside `ip_whitelist` blocks.'
        ),
        attribute('security_ip_list', 'set', BOTH, 'Deprecated since provider v1.187.0; still read.')
      ]),
      resource(
        'alicloud_gpdb_db_instance_ip_array',
        [attribute('security_ip_list', 'set')],
        'One resource per group; `modify_mode = "Delete"` removes entries.'
      ),
      resource(
        'alicloud_gpdb_elastic_instance',
        [attribute('security_ip_list', 'set')],
        'Deprecated (use `alicloud_gpdb_instance`); still read.'
      )
    ]
  },
  maxcompute: {
    product: 'maxcompute',
    resources: [
      resource(
        'alicloud_maxcompute_project',
        [
          attribute('ip_white_list[0].vpc_ip_list', 'comma-string', ['private'], 'The VPC list; `*` allows every VPC.'),
          attribute(
            'ip_white_list[0].ip_list',
            'comma-string',
            ['public'],
            'The Internet and cloud-interconnection list.'
          )
        ],
        'With an `ip_white_list` block that sets only one of the two lists, MaxCompute denies all access over the other network.'
      )
    ]
  },
  hologres: {
    product: 'hologres',
    resources: [],
    note: 'Hologres whitelists cannot be set through Terraform: `alicloud_hologram_instance` has no whitelist argument (they live in HoloWeb). Keep them in a text or YAML file.'
  },
  clickhouse: {
    product: 'clickhouse',
    resources: [
      resource('alicloud_click_house_db_cluster', [
        attribute('db_cluster_access_white_list.security_ip_list', 'comma-string')
      ]),
      resource(
        'alicloud_click_house_enterprise_db_cluster_security_ip',
        [attribute('security_ip_list', 'comma-string')],
        'One resource per group.'
      )
    ]
  },
  elasticsearch: {
    product: 'elasticsearch',
    resources: [
      resource(
        'alicloud_elasticsearch_instance',
        [
          attribute('private_whitelist', 'set', ['private']),
          attribute('public_whitelist', 'set', ['public'], 'Applies only when `enable_public = true`.')
        ],
        'The Kibana lists (`kibana_whitelist`, `kibana_private_whitelist`) do not govern DataWorks connections.'
      )
    ]
  },
  lindorm: {
    product: 'lindorm',
    resources: [
      resource('alicloud_lindorm_instance', [attribute('ip_white_list', 'set')]),
      resource('alicloud_lindorm_instance_v2', [attribute('white_ip_list.ip_list', 'comma-string')])
    ]
  },
  selectdb: {
    product: 'selectdb',
    resources: [
      resource(
        'alicloud_selectdb_db_instance',
        [attribute('desired_security_ip_lists.security_ip_list', 'comma-string')],
        'A comma-separated string inside `desired_security_ip_lists` blocks (one per group), united.'
      )
    ]
  },
  hbase: {
    product: 'hbase',
    resources: [resource('alicloud_hbase_instance', [attribute('ip_white', 'comma-string')])]
  },
  oss: {
    product: 'oss',
    resources: [
      resource(
        'alicloud_oss_bucket_policy',
        [attribute('policy', 'bucket-policy')],
        'Entries are the `acs:SourceIp` values of `IpAddress` conditions in `Allow` statements and of `NotIpAddress` conditions in `Deny` statements.'
      ),
      resource(
        'alicloud_oss_bucket',
        [attribute('policy', 'bucket-policy')],
        'The `policy` argument is deprecated (use `alicloud_oss_bucket_policy`); still read.'
      )
    ]
  },
  'ecs-security-group': {
    product: 'ecs-security-group',
    resources: [
      resource(
        'alicloud_security_group_rule',
        [attribute('cidr_ip', 'single'), attribute('ipv6_cidr_ip', 'single')],
        'Counts only `type = "ingress"` rules with `policy = "accept"` (the default) and protocol `tcp` or `all`; when the data source has a `port`, only rules whose `port_range` covers it (`-1/-1` is every port). `for_each` instances are each read.'
      ),
      resource(
        'alicloud_ecs_prefix_list',
        [attribute('entry.cidr', 'single')],
        'Referenced by rules through `prefix_list_id`.'
      )
    ]
  },
  other: { product: 'other', resources: [] }
};

export function terraformResource(product: ProductId, resourceType: string): TerraformResourceProfile | undefined {
  return TERRAFORM_PRODUCTS[product].resources.find((profile) => profile.resourceType === resourceType);
}

/** The whitelist attributes of a resource type for a network, or undefined when the type is not in the table. */
export function terraformAttributes(
  product: ProductId,
  resourceType: string,
  network: Network
): TerraformWhitelistAttribute[] | undefined {
  return terraformResource(product, resourceType)?.attributes.filter((entry) => entry.networks.includes(network));
}

/** The value shape of an attribute of a resource type in any product's table, when the table knows it. */
export function terraformAttributeShape(resourceType: string, path: string): TerraformValueShape | undefined {
  const normalized = path.replace(/\[\d+\]/g, '');
  for (const profile of Object.values(TERRAFORM_PRODUCTS)) {
    for (const candidate of profile.resources) {
      if (candidate.resourceType !== resourceType) continue;
      const found = candidate.attributes.find((entry) => entry.path.replace(/\[\d+\]/g, '') === normalized);
      if (found) return found.shape;
    }
  }
  return undefined;
}
