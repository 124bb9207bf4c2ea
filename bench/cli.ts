/** Wall time of the bundled CLI on examples/, against `node -e ''` (the cost of starting Node at all). */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeCommand(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, args, { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export async function benchCli(): Promise<void> {
  if (!existsSync('dist/cli/index.js')) {
    console.log('dist/cli/index.js is missing: run `npm run bundle` first');
    return;
  }
  const bare = timeCommand(['-e', '']);
  const cli = timeCommand(['dist/cli/index.js', 'check', '--root', 'examples', '--resolve', 'offline']);
  console.log(`node -e '' (baseline):             ${bare.toFixed(1)} ms (median of ${RUNS})`);
  console.log(
    `CLI check on examples/ (offline):  ${cli.toFixed(1)} ms (median of ${RUNS}), ${(cli / bare).toFixed(2)}x the baseline`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchCli();
