/**
 * The shape of the configuration file (contract §2) as a zod schema: the single source of truth for both the
 * loader's shape checks and the JSON Schema shipped for editors. Rules that span several places (references,
 * module/group compatibility, path safety) are checked in `semantics.ts`, where positions are at hand.
 */
import { z } from 'zod';
import { GROUP_TYPES, MODULES, NETWORKS, PRODUCTS, SCOPES, WHITELIST_FORMATS } from '../model.js';
import { regionTypoCandidates } from '../regions.js';
import { didYouMeanText } from '../suggest.js';

export const REGION_PATTERN = /^[a-z]{2,}(?:-[a-z0-9]+)+$/;
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const REGION_FORMAT_MESSAGE = 'expected a region ID like cn-hangzhou';

/** One message for every way a port can be wrong (a string, .nan, 0, 1e23), so a bad port gets one finding. */
const PORT_MESSAGE = 'expected an integer from 1 to 65535';

export const EMPTY_ADDRESS_LIST_MESSAGE = 'an empty list would silently pass; remove the key or list entries';

/** A URN, not a URL: the schema is addressed by its path in the repository (see the README), not hosted. */
export const SCHEMA_ID = 'urn:dataworks-whitelist-guard:config:v1';
export const SCHEMA_TITLE = 'DataWorks Whitelist Guard configuration';

const ALLOWED_KEYS_PREFIX = 'expected one of: ';

/** The keys named by a strict object's unknown-key message, for the did-you-mean of `issues.ts`. */
export function allowedKeysOf(message: string): string[] {
  return message.startsWith(ALLOWED_KEYS_PREFIX) ? message.slice(ALLOWED_KEYS_PREFIX.length).split(', ') : [];
}

/** A strict object whose unknown-key issue names the keys that are allowed there. */
function strictObject<T extends z.ZodRawShape>(shape: T) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `${ALLOWED_KEYS_PREFIX}${allowed}` : undefined)
  });
}

/**
 * A near miss of a known region is an error that names the region meant; a region far from every known one is
 * accepted, because regions open faster than this tool is released (see `regions.ts`).
 */
const region = z
  .string()
  .regex(REGION_PATTERN, REGION_FORMAT_MESSAGE)
  .check((ctx) => {
    if (!REGION_PATTERN.test(ctx.value)) return;
    const meant = regionTypoCandidates(ctx.value);
    if (meant.length === 0) return;
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `unknown region ${JSON.stringify(ctx.value)}; ${didYouMeanText(meant)}`
    });
  })
  .meta({ description: 'An Alibaba Cloud region ID, e.g. cn-hangzhou.' });

/** Editions that choose the API of the deployed whitelist (and the entry limit); which product takes which: semantics. */
export const EDITIONS = ['warehouse', 'lakehouse', 'community', 'enterprise'] as const;

const name = z.string().regex(NAME_PATTERN, 'expected a name of letters, digits, ".", "_" or "-"');

const text = z.string().min(1);

/** Addresses stay text here: the resolver parses them, so that its messages point at the exact element. */
const addressStrings = (description: string) => z.array(text).meta({ description });

const groupFactsShape = {
  privateCidrs: addressStrings(
    'The private (VPC) CIDRs the group connects from. Offline, the truth; online, checked against the API.'
  ).optional(),
  publicIps: addressStrings(
    'The public egress IPs or CIDRs. Absent: unknown (unresolved when needed). []: no public egress.'
  ).optional(),
  vswitches: z
    .array(text)
    .min(1)
    .meta({ description: 'Online: only the network bindings on these vSwitches count.' })
    .optional()
};

const moduleOverride = strictObject(groupFactsShape).meta({
  description: 'Facts for one module; each key given replaces the group’s, keys not given are inherited.'
});

export const resourceGroupSchema = strictObject({
  type: z.enum(GROUP_TYPES),
  id: text.meta({ description: 'The serverless resource group ID, needed for online resolution.' }).optional(),
  region: region.optional(),
  ...groupFactsShape,
  modules: strictObject({
    'data-integration': moduleOverride.optional(),
    'data-service': moduleOverride.optional(),
    'metadata-collection': moduleOverride.optional()
  }).optional()
});

const addressListEntries = z.array(text).min(1, EMPTY_ADDRESS_LIST_MESSAGE);

export const addressListOverrideSchema = z.union([
  addressListEntries,
  strictObject({
    replace: z
      .boolean()
      .meta({ description: 'true: replace the bundled list for this region; false (default): add to it.' })
      .optional(),
    entries: addressListEntries
  })
]);

const addressListsByRegion = z.record(region, addressListOverrideSchema).optional();

export const addressListsSchema = strictObject({
  'metadata-collection': addressListsByRegion,
  'data-analysis': addressListsByRegion,
  'shared-integration': addressListsByRegion,
  'shared-service': addressListsByRegion
});

export const whitelistSourceSchema = strictObject({
  file: text.meta({ description: 'A file, or a directory of .tf files, relative to the repository root.' }),
  format: z.enum(WHITELIST_FORMATS).optional(),
  select: text
    .meta({ description: 'yaml/json: a path of keys and [n] indexes; terraform: TYPE.NAME[.BLOCK][.ATTRIBUTE].' })
    .optional(),
  tfvars: z
    .array(text)
    .min(1)
    .meta({ description: 'Terraform only: .tfvars files that give values to var.*.' })
    .optional()
});

export const accessSchema = strictObject({
  module: z.enum(MODULES),
  resourceGroups: z.array(name).min(1).optional(),
  region: region
    .meta({ description: 'Platform modules: where they run (default: the data source’s region).' })
    .optional()
});

/** Where DataWorks knows this data source (contract §12): what `--verify` asks DataWorks to test. */
export const dataWorksRefSchema = strictObject({
  workspace: z.union([text, z.int().positive()]).meta({ description: 'The DataWorks workspace (project) ID.' }),
  name: text.meta({ description: 'The data source name in that workspace.' }),
  env: z
    .enum(['prod', 'dev'])
    .meta({ description: 'The environment whose data source is tested (default prod).' })
    .optional()
}).meta({ description: 'The DataWorks data source this entry describes; used by --verify (verify: true).' });

export const dataSourceSchema = strictObject({
  product: z.enum(PRODUCTS),
  region: region.optional(),
  network: z.enum(NETWORKS),
  port: z.int({ error: PORT_MESSAGE }).min(1, { error: PORT_MESSAGE }).max(65535, { error: PORT_MESSAGE }).optional(),
  instance: text
    .meta({
      description:
        'The cloud instance (rm-…, pc-…, r-…, sg-…, a MaxCompute project name, …) whose deployed whitelist is read online.'
    })
    .optional(),
  edition: z
    .enum(EDITIONS)
    .meta({ description: 'adb-mysql: warehouse (default) | lakehouse; clickhouse: community (default) | enterprise.' })
    .optional(),
  deployedGroups: z
    .array(text)
    .min(1)
    .meta({ description: 'Only these deployed whitelist groups are compared with the files (deployed-drift).' })
    .optional(),
  whitelist: z
    .union([whitelistSourceSchema, z.array(whitelistSourceSchema).min(1)])
    .meta({ description: 'The whitelist kept as code; optional once instance is given.' })
    .optional(),
  access: z.array(accessSchema).min(1),
  dataworks: dataWorksRefSchema.optional()
});

export const waiverSchema = strictObject({
  dataSource: name,
  entry: text.meta({ description: 'An address or CIDR; a missing block (or its uncovered part) inside it is waived.' }),
  reason: z.string().regex(/\S/, 'expected a reason saying why the gap is accepted'),
  expires: z.iso
    .date('expected a real date as YYYY-MM-DD')
    .meta({ description: 'Valid through that day (UTC); after it the waiver is an error.' }),
  scope: z
    .enum(SCOPES)
    .meta({ description: 'Only misses of this scope: declared (the files) or deployed (the instance). Default: both.' })
    .optional()
});

export const configSchema = strictObject({
  version: z.literal(1),
  region,
  resourceGroups: z.record(name, resourceGroupSchema).optional(),
  addressLists: addressListsSchema.optional(),
  dataSources: z.record(name, dataSourceSchema),
  waivers: z.array(waiverSchema).optional()
});

export type ConfigInput = z.infer<typeof configSchema>;
export type ResourceGroupInput = z.infer<typeof resourceGroupSchema>;
export type DataSourceInput = z.infer<typeof dataSourceSchema>;
export type WhitelistSourceInput = z.infer<typeof whitelistSourceSchema>;
export type AccessInput = z.infer<typeof accessSchema>;
export type WaiverInput = z.infer<typeof waiverSchema>;
export type DataWorksRefInput = z.infer<typeof dataWorksRefSchema>;

/** The JSON Schema for editors, derived from the zod schema so the two cannot drift. */
export function buildConfigJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: SCHEMA_ID, title: SCHEMA_TITLE, ...rest };
}
