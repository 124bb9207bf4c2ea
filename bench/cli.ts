/**
 * Cold start of the committed bundles on examples/ (the CLI, and the action as the runner starts it), against
 * `node -e ''` (the cost of starting Node at all), and the size of what dist/ ships.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeCommand(args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, args, { stdio: 'ignore', env, cwd });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

/** The environment the runner gives a step, offline, with the action.yml defaults applied. */
function actionEnv(): NodeJS.ProcessEnv {
  const temp = mkdtempSync(path.join(tmpdir(), 'dwg-bench-'));
  const output = path.join(temp, 'output');
  const summary = path.join(temp, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  return {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: path.resolve('examples'),
    GITHUB_REPOSITORY: 'octo/warehouse',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    RUNNER_TEMP: temp,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    INPUT_CONFIG: '.github/dataworks-whitelist.yml',
    INPUT_RESOLVE: 'offline',
    'INPUT_FAIL-ON': 'error',
    INPUT_COMMENT: 'on-findings',
    'INPUT_AUDIT-ISSUE': 'false'
  };
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? sizeOf(full) : statSync(full).size;
  }
  return total;
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

export async function benchCli(): Promise<void> {
  if (!existsSync('dist/cli/index.js') || !existsSync('dist/index.js')) {
    console.log('dist/ is missing: run `npm run bundle` first');
    return;
  }
  const bare = timeCommand(['-e', ''], { PATH: process.env.PATH });
  const cli = timeCommand(['dist/cli/index.js', 'check', '--root', 'examples', '--resolve', 'offline'], {
    PATH: process.env.PATH,
    NO_COLOR: '1'
  });
  const action = timeCommand(['dist/index.js'], actionEnv());
  const ratio = (ms: number): string => `${(ms / bare).toFixed(2)}x the baseline`;
  console.log(`node -e '' (baseline):                  ${bare.toFixed(1)} ms (median of ${RUNS})`);
  console.log(`CLI check on examples/ (offline):       ${cli.toFixed(1)} ms, ${ratio(cli)}`);
  console.log(`action (node dist/index.js) on examples: ${action.toFixed(1)} ms, ${ratio(action)}`);
  const top = readdirSync('dist').filter((f) => f.endsWith('.js'));
  console.log(
    `dist/: ${kib(sizeOf('dist'))} in all; dist/index.js ${kib(statSync('dist/index.js').size)}, ` +
      `dist/cli/index.js ${kib(statSync('dist/cli/index.js').size)}, dist/wasm ${kib(sizeOf('dist/wasm'))}, ` +
      `${top.length - 1} lazily loaded chunks beside the action (largest ${kib(Math.max(...top.filter((f) => f !== 'index.js').map((f) => statSync(`dist/${f}`).size)))})`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchCli();
