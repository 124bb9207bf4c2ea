/**
 * `init` from the repository (contract §12): one data source per whitelist resource of the product table found in
 * the repository's Terraform, one resource-group stub, and comments on what to complete. Bounded like every reader:
 * the walk stops at a number of directories and a depth, files go through the confined `RepoFiles` (size and run
 * limits), and what cannot be read is named in a comment of the output, never thrown.
 */
import type { RepoFiles } from '../io.js';
import type { ProductId } from '../model.js';
import { REGION_PATTERN } from '../config/schema.js';
import { TERRAFORM_PRODUCTS } from '../products/terraform.js';
import { buildModule, type Resource } from '../whitelists/terraform/module.js';
import { parseTerraformFile } from '../whitelists/terraform/index.js';
import { TERRAFORM_FILE } from '../whitelists/terraform/layout.js';
import { findAttribute, SyntaxLimitError, type Expression, type ParsedFile } from '../whitelists/terraform/syntax.js';
import { NameAllocator, scalar, YamlWriter } from './yaml-writer.js';

/** The walk's bounds: a repository of a few thousand directories is scanned; beyond that, the rest is named. */
export const INIT_LIMITS = { maxDirectories: 5_000, maxDepth: 32, maxTerraformFiles: 1_000 } as const;

/** Directories that hold no configuration of the repository's own. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'vendor']);

/** Whitelists read through the resource that attaches them (templates, global groups, prefix lists). */
const ATTACHED_TYPES = new Set([
  'alicloud_rds_whitelist_template',
  'alicloud_polardb_global_security_ip_group',
  'alicloud_mongodb_global_security_ip_group',
  'alicloud_redis_global_security_ip_group',
  'alicloud_ecs_prefix_list'
]);

const PRODUCT_OF_TYPE = new Map<string, ProductId>();
for (const profile of Object.values(TERRAFORM_PRODUCTS)) {
  for (const resource of profile.resources) {
    if (!PRODUCT_OF_TYPE.has(resource.resourceType)) PRODUCT_OF_TYPE.set(resource.resourceType, profile.product);
  }
}

export interface OfflineInitOptions {
  /** The default region when no provider block gives a literal one. */
  region?: string;
}

export interface FoundResource {
  product: ProductId;
  type: string;
  name: string;
  file: string;
  line: number;
  region: string | undefined;
}

export interface OfflineScan {
  resources: FoundResource[];
  attached: FoundResource[];
  /** What could not be read, each one line with its place. */
  problems: string[];
}

/** Finds the whitelist resources of the product table in every `.tf`/`.tf.json` module of the repository. */
export async function scanRepository(files: RepoFiles): Promise<OfflineScan> {
  const scan: OfflineScan = { resources: [], attached: [], problems: [] };
  const queue: { dir: string; depth: number }[] = [{ dir: '', depth: 0 }];
  let visited = 0;
  let terraformFiles = 0;
  while (queue.length > 0) {
    const { dir, depth } = queue.shift()!;
    if (++visited > INIT_LIMITS.maxDirectories) {
      scan.problems.push(`stopped after ${INIT_LIMITS.maxDirectories} directories; add the rest by hand`);
      break;
    }
    let names: string[];
    try {
      names = await files.listDir(dir);
    } catch (error) {
      scan.problems.push(`${dir || '.'}: ${messageOf(error)}`);
      continue;
    }
    const moduleFiles: string[] = [];
    for (const name of names) {
      const rel = dir === '' ? name : `${dir}/${name}`;
      if (TERRAFORM_FILE.test(name)) {
        moduleFiles.push(rel);
        continue;
      }
      if (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name)) continue;
      let kind: 'file' | 'directory' | null;
      try {
        kind = await files.kind(rel);
      } catch {
        continue; // refused paths (links out of the root, devices) are not the repository's configuration
      }
      if (kind !== 'directory') continue;
      if (depth + 1 > INIT_LIMITS.maxDepth)
        scan.problems.push(`${rel}: deeper than ${INIT_LIMITS.maxDepth} levels, not scanned`);
      else queue.push({ dir: rel, depth: depth + 1 });
    }
    if (moduleFiles.length === 0) continue;
    const parsed: ParsedFile[] = [];
    for (const file of moduleFiles) {
      if (++terraformFiles > INIT_LIMITS.maxTerraformFiles) {
        scan.problems.push(`stopped after ${INIT_LIMITS.maxTerraformFiles} Terraform files; add the rest by hand`);
        return finish(scan);
      }
      const result = await parseFile(files, file);
      if (typeof result === 'string') scan.problems.push(result);
      else parsed.push(result);
    }
    collect(parsed, dir, scan);
  }
  return finish(scan);
}

function finish(scan: OfflineScan): OfflineScan {
  const order = (a: FoundResource, b: FoundResource): number =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
  scan.resources.sort(order);
  scan.attached.sort(order);
  return scan;
}

async function parseFile(files: RepoFiles, file: string): Promise<ParsedFile | string> {
  try {
    const text = await files.readText(file);
    // The reader's parser and cache: a parse that aborts the WASM parser leaves a fresh one for the next file.
    const parsed = await parseTerraformFile(file, text);
    const problem = parsed.problems[0];
    if (problem) return `${file}:${problem.pos.line}:${problem.pos.column}: ${problem.message}; not scanned`;
    return parsed;
  } catch (error) {
    if (error instanceof SyntaxLimitError) return `${file}:${error.pos.line}:${error.pos.column}: ${error.message}`;
    return `${file}: ${messageOf(error)}`;
  }
}

function collect(parsed: ParsedFile[], dir: string, scan: OfflineScan): void {
  const module = buildModule(dir, parsed);
  const regions = providerRegions(parsed);
  for (const resource of module.resources) {
    const product = PRODUCT_OF_TYPE.get(resource.type);
    if (!product) continue;
    const found: FoundResource = {
      product,
      type: resource.type,
      name: resource.name,
      file: resource.file,
      line: resource.block.pos.line,
      region: regions.get(providerAlias(resource))
    };
    (ATTACHED_TYPES.has(resource.type) ? scan.attached : scan.resources).push(found);
  }
}

/** `alias` → literal region of the module's `provider "alicloud"` blocks; the default provider is `''`. */
function providerRegions(parsed: ParsedFile[]): Map<string, string> {
  const regions = new Map<string, string>();
  for (const file of parsed) {
    for (const block of file.body.blocks) {
      if (block.type !== 'provider' || block.labels[0] !== 'alicloud') continue;
      const alias = literal(findAttribute(block.body, 'alias')?.expression) ?? '';
      const region = literal(findAttribute(block.body, 'region')?.expression);
      if (region !== undefined && REGION_PATTERN.test(region) && !regions.has(alias)) regions.set(alias, region);
    }
  }
  return regions;
}

/** The provider alias a resource uses (`provider = alicloud.hz`), `''` for the default one. */
function providerAlias(resource: Resource): string {
  const expression = findAttribute(resource.block.body, 'provider')?.expression;
  if (expression?.kind !== 'traversal' || expression.root !== 'alicloud') return '';
  const step = expression.steps[0];
  return step?.kind === 'attr' ? step.name : '';
}

/** A string written as one literal (no interpolation), else undefined. */
function literal(expression: Expression | undefined): string | undefined {
  if (expression?.kind !== 'template') return undefined;
  let text = '';
  for (const part of expression.parts) {
    if (part.kind !== 'literal') return undefined;
    text += part.text.value;
  }
  return text;
}

export const STUB_GROUP = 'dataworks-serverless';

/** The config text for a scan. */
export function renderOfflineConfig(scan: OfflineScan, options: OfflineInitOptions = {}): string {
  const regionCounts = new Map<string, number>();
  for (const r of scan.resources) if (r.region) regionCounts.set(r.region, (regionCounts.get(r.region) ?? 0) + 1);
  const mostUsed = [...regionCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const region = options.region ?? mostUsed;

  const out = new YamlWriter();
  out
    .comment(0, 'Generated by dataworks-whitelist-guard init from the Terraform in this repository.')
    .comment(0, 'Review every comment marked CHECK, then run dataworks-whitelist-guard check.')
    .line(0, 'version: 1');
  if (region) out.line(0, `region: ${scalar(region)}`, options.region ? 'from --region' : 'from the provider blocks');
  else out.line(0, 'region: cn-hangzhou', 'CHECK: no provider block gives a literal region; set yours');
  out.blank();

  out
    .line(0, 'resourceGroups:')
    .line(2, `${STUB_GROUP}:`, 'CHECK: a stub; rename it and add one entry per resource group')
    .line(4, 'type: serverless')
    .comment(4, 'Online: set id (Serverless_res_group_…). Offline: set privateCidrs (the bound vSwitch CIDRs) and')
    .comment(4, 'publicIps (the NAT gateway SNAT IPs; [] when it has no Internet egress).')
    .comment(4, 'Until then the check reports this group as unresolved (status error).')
    .blank();

  for (const problem of scan.problems) out.comment(0, `not scanned: ${problem}`);
  if (scan.resources.length === 0) {
    out.comment(0, 'CHECK: no whitelist resource of a known product was found; add your data sources below.');
    out.line(0, 'dataSources: {}');
  } else {
    out.line(0, 'dataSources:');
  }
  const names = new NameAllocator();
  for (const r of scan.resources) {
    const name = names.allocate(r.name, r.product, 'data-source');
    out.line(2, `${scalar(name)}:`, `${r.type}.${r.name} at ${r.file}:${r.line}`);
    out.line(4, `product: ${r.product}`);
    if (r.region && r.region !== region) out.line(4, `region: ${scalar(r.region)}`, 'from its provider block');
    else if (!r.region) out.comment(4, 'CHECK: its provider gives no literal region; the default region applies');
    out.line(4, 'network: private', 'CHECK: private (over the VPC) or public (over the Internet)');
    out.line(4, 'whitelist:');
    out.line(6, `- file: ${scalar(r.file)}`);
    out.line(8, `select: ${scalar(`${r.type}.${r.name}`)}`);
    out.line(4, 'access:');
    out.line(6, '- module: data-integration', 'CHECK: add data-service, metadata-collection as you use them');
    out.line(8, `resourceGroups: [${STUB_GROUP}]`);
  }
  for (const r of scan.attached) {
    out.comment(2, `${r.type}.${r.name} (${r.file}:${r.line}) is read through the instance that attaches it`);
  }
  return out.toString();
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.name === 'RepoFileError') return error.message;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  return code ? `cannot be read (${code})` : 'cannot be read';
}
