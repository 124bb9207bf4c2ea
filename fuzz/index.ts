/**
 * `npm run fuzz [-- --runs N] [--seed S]`: the mutation fuzzer of fuzz/fuzz.ts. Without a seed it draws one and
 * prints it, so a failure can be replayed with `--seed`. CI runs a short fixed-seed pass (__tests__/hostile/fuzz.test.ts);
 * this entry is the long one: `npm run fuzz -- --runs 20000`.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runDeployedFuzz, runFuzz } from './fuzz.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string' }, 'slow-ms': { type: 'string' } }
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S] [--slow-ms MS]');
  process.exit(2);
}
const slowMs = values['slow-ms'] === undefined ? undefined : Number(values['slow-ms']);
console.log(`fuzzing: ${runs} cases, seed ${seed}`);
const started = performance.now();
const files = await runFuzz({ seed, runs, slowMs });
// The deployed-whitelist answers get a tenth of the cases: one reader call and one check each.
const deployed = await runDeployedFuzz({ seed, runs: Math.max(1, Math.ceil(runs / 10)), slowMs });
const result = { runs: files.runs + deployed.runs, failures: [...files.failures, ...deployed.failures] };
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (result.failures.length === 0) {
  console.log(`ok: ${result.runs} cases in ${seconds} s, every oracle held`);
} else {
  for (const failure of result.failures) {
    console.log(`FAILED (${failure.case.target}, file ${failure.case.mutated}):`);
    for (const problem of failure.problems) console.log(`  - ${problem}`);
    const saved = path.join(tmpdir(), `dataworks-whitelist-fuzz-${seed}-${path.basename(failure.case.mutated)}`);
    writeFileSync(saved, failure.case.files[failure.case.mutated]!);
    console.log(`  input: ${JSON.stringify(failure.case.files[failure.case.mutated]).slice(0, 500)}`);
    console.log(`  whole input saved to ${saved}`);
  }
  console.log(`replay: npm run fuzz -- --runs ${runs} --seed ${seed}`);
  process.exit(1);
}
