/**
 * `npm run bench`: every benchmark, each printing its figures as ratios against a baseline run in the same
 * process. Run one alone with `npx tsx bench/<name>.ts`.
 */
import { benchBaseline } from './baseline.js';
import { benchCli } from './cli.js';
import { benchCoverage } from './coverage.js';
import { benchDeployed } from './deployed.js';
import { benchFix } from './fix.js';
import { benchOnline } from './online.js';
import { benchTerraform } from './terraform.js';

const benches: [string, () => Promise<void>][] = [
  ['coverage engine', benchCoverage],
  ['terraform reader', benchTerraform],
  ['online resolution', benchOnline],
  ['deployed whitelists', benchDeployed],
  ['CLI on examples/', benchCli],
  ['baseline', benchBaseline],
  ['fix on the terraform module', benchFix]
];

const only = process.argv[2];
for (const [name, bench] of benches) {
  if (only && !name.includes(only)) continue;
  console.log(`\n=== ${name} ===`);
  await bench();
}
