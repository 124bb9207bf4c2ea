/**
 * `fix` benchmark: the 2,000-resource Terraform module of bench/terraform.ts, one data source per resource, each
 * missing part of one /24. `fix` (check, locate every literal, edit, check again) is timed against a plain check
 * in the same process, after the parser is loaded.
 */
import { pathToFileURL } from 'node:url';
import { runCheck, type CheckOptions } from '../src/engine.js';
import { planFixes } from '../src/fix/index.js';
import { silentLogger } from '../src/io.js';
import { loadTerraformParser } from '../src/whitelists/terraform/index.js';
import { memoryFiles } from '../__tests__/helpers/memory-files.js';
import { generateModule } from './terraform.js';

const RESOURCES = 2_000;
const TARGET_MS = 500;
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

export async function benchFix(): Promise<void> {
  await loadTerraformParser();
  const generated = generateModule(RESOURCES);
  const config = [
    'version: 1',
    'region: cn-hangzhou',
    'resourceGroups:',
    '  g:',
    '    type: exclusive-integration',
    '    privateCidrs: [198.51.100.0/24]',
    'dataSources:',
    ...generated.selects.flatMap(({ select, product, port }, i) => [
      `  ds${i}:`,
      `    product: ${product}`,
      '    network: private',
      ...(port === undefined ? [] : [`    port: ${port}`]),
      '    whitelist:',
      '      file: infra',
      `      select: ${select}`,
      '    access:',
      '      - module: data-integration',
      '        resourceGroups: [g]'
    ])
  ].join('\n');
  const files = { ...generated.files, '.github/dataworks-whitelist.yml': `${config}\n` };
  const options = (): CheckOptions => ({
    root: '/bench',
    configPath: '.github/dataworks-whitelist.yml',
    resolve: 'offline',
    failOn: 'error',
    online: { endpoints: {}, allowInstanceCredentials: false },
    logger: silentLogger,
    files: memoryFiles(files)
  });
  const time = async (run: () => Promise<unknown>): Promise<number> => {
    const begin = performance.now();
    await run();
    return performance.now() - begin;
  };
  const warm = await planFixes(options());
  const checks: number[] = [];
  const fixes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    checks.push(await time(() => runCheck(options())));
    fixes.push(await time(() => planFixes(options())));
  }
  const added = warm.edits.reduce((sum, e) => sum + e.added.length, 0);
  console.log(
    `module: ${RESOURCES} resources and data sources; fix adds ${added} entries, ${warm.notFixed.length} findings not fixed (heredocs, security-group rules); after: ${warm.after.status}`
  );
  const fix = median(fixes);
  const check = median(checks);
  console.log(`plain check: ${check.toFixed(1)} ms; fix: ${fix.toFixed(1)} ms; ratio ${(fix / check).toFixed(2)}x`);
  console.log(`target < ${TARGET_MS} ms after the parser is loaded: ${fix < TARGET_MS ? 'met' : 'MISSED'}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchFix();
}
