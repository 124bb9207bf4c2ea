import { runCheck, type CheckOptions } from '../../src/engine.js';
import { planFixes } from '../../src/fix/index.js';
import type { FixPlan } from '../../src/fix/index.js';
import { silentLogger } from '../../src/io.js';
import type { Report } from '../../src/model.js';
import { memoryFiles } from '../helpers/memory-files.js';

export const CONFIG = '.github/dataworks-whitelist.yml';

export interface SourceSpec {
  file: string;
  select?: string;
  tfvars?: string[];
}

/** A config whose data sources each require `required` through one exclusive group of their own. */
export function configFor(
  dataSources: { name: string; product: string; required: string[]; source: SourceSpec }[]
): string {
  const lines = ['version: 1', 'region: cn-hangzhou', 'resourceGroups:'];
  for (const ds of dataSources) {
    lines.push(
      `  g-${ds.name}:`,
      '    type: exclusive-integration',
      `    privateCidrs: ${JSON.stringify(ds.required)}`
    );
  }
  lines.push('dataSources:');
  for (const ds of dataSources) {
    lines.push(
      `  ${ds.name}:`,
      `    product: ${ds.product}`,
      '    network: private',
      '    whitelist:',
      `      file: ${JSON.stringify(ds.source.file)}`
    );
    if (ds.source.select) lines.push(`      select: ${JSON.stringify(ds.source.select)}`);
    if (ds.source.tfvars) lines.push(`      tfvars: ${JSON.stringify(ds.source.tfvars)}`);
    lines.push('    access:', '      - module: data-integration', `        resourceGroups: [g-${ds.name}]`);
  }
  return `${lines.join('\n')}\n`;
}

export function options(files: Record<string, string>): CheckOptions {
  return {
    root: '/repo',
    configPath: CONFIG,
    resolve: 'offline',
    failOn: 'error',
    online: { endpoints: {}, allowInstanceCredentials: false },
    logger: silentLogger,
    now: new Date('2026-01-01T00:00:00Z'),
    files: memoryFiles(files)
  };
}

export function plan(files: Record<string, string>): Promise<FixPlan> {
  return planFixes(options(files));
}

export function check(files: Record<string, string>): Promise<Report> {
  return runCheck(options(files));
}

/** The files with the plan's edits applied. */
export function applied(files: Record<string, string>, fixPlan: FixPlan): Record<string, string> {
  const out = { ...files };
  for (const edit of fixPlan.edits) out[edit.file] = edit.after;
  return out;
}

/** Whether `after` is `before` with text inserted only (every byte of `before` kept, in order). */
export function onlyInserted(before: string, after: string): boolean {
  let j = 0;
  for (let i = 0; i < before.length; i++) {
    while (j < after.length && after[j] !== before[i]) j++;
    if (j >= after.length) return false;
    j++;
  }
  return true;
}

export function rules(report: Report): string[] {
  return report.findings.filter((f) => f.severity !== 'notice').map((f) => f.rule);
}
