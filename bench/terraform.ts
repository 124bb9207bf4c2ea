/**
 * Terraform reader benchmark: a generated 2,000-resource module (lists, comma strings, heredocs, variables,
 * locals, functions, for_each rules) is parsed and every resource's whitelist resolved. The parser's load time
 * (WASM compile) is printed on its own; the baseline, run in the same process, is tree-sitter's bare parse of the
 * same text, so the ratio shows what conversion and evaluation add on top of parsing.
 */
import { pathToFileURL } from 'node:url';
import type { DataSourceConfig, ProductId } from '../src/model.js';
import type { RepoFiles } from '../src/io.js';
import { createTerraformReader, loadTerraformParser } from '../src/whitelists/terraform/index.js';

const RESOURCES = 2_000;
const TARGET_MS = 300;

interface Generated {
  files: Record<string, string>;
  selects: { select: string; product: ProductId; port?: number }[];
  expectedEntries: number;
}

/** Five resource forms in turn, each with three entries from the documentation ranges. */
export function generateModule(count: number): Generated {
  const lines: string[] = ['locals {', '  office = ["203.0.113.0/28", "203.0.113.16/28"]', '}', ''];
  const variables: string[] = [];
  const selects: Generated['selects'] = [];
  const octet = (i: number): number => i % 256;
  for (let i = 0; i < count; i++) {
    const a = `192.0.2.${octet(i)}`;
    const b = `198.51.100.${octet(i)}`;
    const c = `203.0.113.${octet(i)}`;
    switch (i % 5) {
      case 0:
        lines.push(`resource "alicloud_db_instance" "r${i}" {`, `  security_ips = ["${a}", "${b}", "${c}"]`, '}', '');
        selects.push({ select: `alicloud_db_instance.r${i}`, product: 'rds' });
        break;
      case 1:
        lines.push(
          `resource "alicloud_maxcompute_project" "r${i}" {`,
          '  ip_white_list {',
          '    vpc_ip_list = <<-EOT',
          `      ${a},`,
          `      ${b},${c}`,
          '    EOT',
          '  }',
          '}',
          ''
        );
        selects.push({ select: `alicloud_maxcompute_project.r${i}`, product: 'maxcompute' });
        break;
      case 2:
        variables.push(`variable "v${i}" {`, `  default = ["${a}", "${b}"]`, '}');
        lines.push(
          `resource "alicloud_kvstore_instance" "r${i}" {`,
          `  security_ips = concat(var.v${i}, ["${c}"])`,
          '}',
          ''
        );
        selects.push({ select: `alicloud_kvstore_instance.r${i}`, product: 'redis' });
        break;
      case 3:
        lines.push(
          `resource "alicloud_click_house_db_cluster" "r${i}" {`,
          '  db_cluster_access_white_list {',
          `    security_ip_list = join(",", distinct(["${a}", "${b}", "${a}", "${c}"]))`,
          '  }',
          '}',
          ''
        );
        selects.push({ select: `alicloud_click_house_db_cluster.r${i}`, product: 'clickhouse' });
        break;
      default:
        lines.push(
          `resource "alicloud_security_group_rule" "r${i}" {`,
          `  for_each    = toset(["${a}", "${b}", "${c}"])`,
          '  type        = "ingress"',
          '  ip_protocol = "tcp"',
          '  port_range  = "3306/3306"',
          '  cidr_ip     = each.value',
          '}',
          ''
        );
        selects.push({ select: `alicloud_security_group_rule.r${i}`, product: 'ecs-security-group', port: 3306 });
    }
  }
  return {
    files: { 'infra/main.tf': lines.join('\n'), 'infra/variables.tf': variables.join('\n') },
    selects,
    expectedEntries: count * 3
  };
}

function memory(files: Record<string, string>): RepoFiles {
  return {
    readText: async (relPath) => {
      const text = files[relPath];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${relPath}`), { code: 'ENOENT' });
      return text;
    },
    listDir: async (relPath) =>
      Object.keys(files)
        .filter((file) => file.startsWith(`${relPath}/`))
        .map((file) => file.slice(relPath.length + 1))
        .sort(),
    kind: async (relPath) =>
      files[relPath] !== undefined
        ? 'file'
        : Object.keys(files).some((f) => f.startsWith(`${relPath}/`))
          ? 'directory'
          : null
  };
}

function dataSource(product: ProductId, port?: number): DataSourceConfig {
  const source: DataSourceConfig = {
    name: 'bench',
    product,
    region: 'cn-hangzhou',
    network: 'private',
    whitelist: [],
    access: [],
    pos: { file: 'bench.yml', line: 1, column: 1 }
  };
  if (port !== undefined) source.port = port;
  return source;
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;

export async function benchTerraform(): Promise<void> {
  let started = performance.now();
  const parser = await loadTerraformParser();
  const loadMs = performance.now() - started;

  const generated = generateModule(RESOURCES);
  const files = memory(generated.files);
  const source = Object.values(generated.files).join('\n');

  // Baseline: tree-sitter's parse alone (best of 3, after one warm-up).
  parser.parse(source)?.delete();
  let baselineMs = Infinity;
  for (let run = 0; run < 3; run++) {
    started = performance.now();
    parser.parse(source)?.delete();
    baselineMs = Math.min(baselineMs, performance.now() - started);
  }

  // Parse the module (cold reader cache) and resolve one whitelist: what one data source costs.
  let oneMs = Infinity;
  const last = generated.selects[generated.selects.length - 1]!;
  for (let run = 0; run < 3; run++) {
    const reader = createTerraformReader();
    started = performance.now();
    const result = await reader.read(
      { file: 'infra', format: 'terraform', select: last.select, pos: { file: 'bench.yml', line: 1, column: 1 } },
      { files, dataSource: dataSource(last.product, last.port) }
    );
    oneMs = Math.min(oneMs, performance.now() - started);
    if (result.entries.length !== 3)
      throw new Error(`${last.select} resolved to ${result.entries.length} entries, expected 3`);
  }

  // Parse the module (cold reader cache) and resolve every resource's whitelist.
  let fullMs = Infinity;
  let entries = 0;
  let findings = 0;
  for (let run = 0; run < 3; run++) {
    const reader = createTerraformReader();
    entries = 0;
    findings = 0;
    started = performance.now();
    for (const { select, product, port } of generated.selects) {
      const result = await reader.read(
        { file: 'infra', format: 'terraform', select, pos: { file: 'bench.yml', line: 1, column: 1 } },
        { files, dataSource: dataSource(product, port) }
      );
      entries += result.entries.length;
      findings += result.findings.length;
    }
    fullMs = Math.min(fullMs, performance.now() - started);
  }
  if (entries !== generated.expectedEntries || findings !== 0) {
    throw new Error(
      `bench module resolved to ${entries} entries and ${findings} findings, expected ${generated.expectedEntries} and 0`
    );
  }

  console.log(`parser load (WASM runtime + Terraform grammar): ${fmt(loadMs)}`);
  console.log(`module: ${RESOURCES} resources, ${(source.length / 1024).toFixed(0)} KiB, ${entries} entries`);
  console.log(`baseline (tree-sitter parse only): ${fmt(baselineMs)}`);
  const verdict = (ms: number): string => `target < ${TARGET_MS} ms: ${ms < TARGET_MS ? 'met' : 'MISSED'}`;
  console.log(
    `parse + resolve one whitelist: ${fmt(oneMs)} (${verdict(oneMs)}); ratio to the bare parse: ${(oneMs / baselineMs).toFixed(2)}x`
  );
  console.log(
    `parse + resolve all ${RESOURCES} whitelists: ${fmt(fullMs)} (${verdict(fullMs)}); ratio to the bare parse: ${(fullMs / baselineMs).toFixed(2)}x`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchTerraform();
}
