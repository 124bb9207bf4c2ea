/**
 * An in-process mutation fuzzer over the config loader and every whitelist reader, driven through the whole engine
 * (config → readers → evaluation → every renderer). Inputs are seeds taken from examples/ mutated with tokens that
 * have broken parsers before (nesting, prototype names, non-finite numbers, aliases, control characters).
 *
 * Oracles, for every input:
 * - nothing escapes the engine as an exception;
 * - outside the user text a message quotes, no output names JavaScript internals (`Maximum call stack`,
 *   `[object Object]`, `undefined`, `NaN`, `Infinity`, error class names); a token that the input itself contains
 *   is allowed, since messages quote the input;
 * - the same input gives the same report twice;
 * - one input takes at most `slowMs`.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../src/config/index.js';
import { runCheck } from '../src/engine.js';
import type { RepoFiles } from '../src/io.js';
import { silentLogger } from '../src/io.js';
import type { Report } from '../src/model.js';
import { renderJson, renderMarkdown, renderSarif, renderText } from '../src/report/index.js';
import { memoryFiles } from '../__tests__/helpers/memory-files.js';
import type { DeployedCase } from './deployed.js';

const examples = new URL('../examples/', import.meta.url);
const read = (rel: string): string => readFileSync(new URL(rel, examples), 'utf8');

/** Words that mean JavaScript leaked into what a user reads. */
export const FORBIDDEN = [
  'Maximum call stack',
  '[object Object]',
  'undefined',
  'NaN',
  'Infinity',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'function Object()',
  '[native code]'
];

/** Tokens spliced into seeds: each has broken some parser somewhere. */
const TOKENS = [
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '${',
  '%{',
  '\n',
  '\r\n',
  '  ',
  '\t',
  ',',
  ':',
  '- ',
  '#',
  '//',
  '/*',
  '&a ',
  '*a',
  '<<: ',
  '---\n',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '.nan',
  '.inf',
  '-.inf',
  '1e999',
  '99999999999999999999999',
  '-1',
  '0',
  '1e3',
  '0.0.0.0/0',
  '::/0',
  '127.0.0.1',
  '192.0.2.300',
  '2001:db8::/129',
  '198.51.100.1/33',
  '\u202e',
  '\u001b[31m',
  '\u0000',
  '\ufeff',
  'concat(',
  'local.',
  'var.',
  'each.value',
  'count = ',
  'for_each = ',
  'dynamic "x" {',
  'flatten(',
  'jsonencode(',
  'split(",", ',
  'null',
  '~',
  'true'
];

export interface FuzzCase {
  /** Which seed was mutated. */
  target: string;
  /** Repository files, the config among them. */
  files: Record<string, string>;
  /** The mutated file. */
  mutated: string;
}

interface Seed {
  target: string;
  mutated: string;
  files: Record<string, string>;
}

function seeds(): Seed[] {
  const config = read('.github/dataworks-whitelist.yml');
  const files: Record<string, string> = {
    '.github/dataworks-whitelist.yml': config,
    'whitelists/orders-rds.txt': read('whitelists/orders-rds.txt'),
    'whitelists/maxcompute-events.yml': read('whitelists/maxcompute-events.yml'),
    'whitelists/search-es.json': read('whitelists/search-es.json'),
    'infra/warehouse.tf': read('infra/warehouse.tf'),
    'infra/terraform.tfvars': read('infra/terraform.tfvars')
  };
  return [
    { target: 'config', mutated: '.github/dataworks-whitelist.yml', files },
    { target: 'text', mutated: 'whitelists/orders-rds.txt', files },
    { target: 'yaml', mutated: 'whitelists/maxcompute-events.yml', files },
    { target: 'json', mutated: 'whitelists/search-es.json', files },
    { target: 'terraform', mutated: 'infra/warehouse.tf', files },
    { target: 'tfvars', mutated: 'infra/terraform.tfvars', files }
  ];
}

const mutation = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 12 }),
  insert: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...TOKENS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
    // Deep nesting in one step, so depth limits are reached without thousands of mutations.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('[', '{', '(', '- ', 'concat('), fc.integer({ min: 50, max: 5000 }))
        .map(([open, times]) => open.repeat(times))
    }
  )
});

function mutate(text: string, mutations: readonly { at: number; remove: number; insert: string }[]): string {
  let out = text;
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length);
    out = out.slice(0, at) + m.insert + out.slice(at + m.remove);
  }
  return out;
}

export function fuzzCases(): fc.Arbitrary<FuzzCase> {
  const all = seeds();
  return fc
    .tuple(fc.constantFrom(...all), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([seed, mutations]) => ({
      target: seed.target,
      mutated: seed.mutated,
      files: { ...seed.files, [seed.mutated]: mutate(seed.files[seed.mutated]!, mutations) }
    }));
}

const CONFIG = '.github/dataworks-whitelist.yml';

async function checkOnce(files: RepoFiles): Promise<{ report: Report; rendered: string[] }> {
  const report = await runCheck({
    root: '/nonexistent-fuzz-root',
    configPath: CONFIG,
    resolve: 'offline',
    failOn: 'error',
    online: { endpoints: {}, allowInstanceCredentials: false },
    logger: silentLogger,
    now: new Date('2026-12-01T00:00:00Z'),
    env: {},
    files
  });
  const rendered = [
    renderJson(report),
    renderText(report, { color: false }),
    renderMarkdown(report),
    JSON.stringify(renderSarif(report, { toolVersion: '0.0.0-fuzz', configPath: CONFIG }))
  ];
  return { report, rendered };
}

/** Messages that show a JavaScript internal which the input does not itself contain (messages quote the input). */
export function leaks(messages: readonly string[], inputText: string): string[] {
  const problems: string[] = [];
  for (const message of messages) {
    for (const word of FORBIDDEN) {
      if (message.includes(word) && !inputText.includes(word))
        problems.push(`a message shows ${JSON.stringify(word)}: ${message.slice(0, 300)}`);
    }
  }
  return problems;
}

/** The problems one case shows; empty when every oracle holds. */
export async function judge(c: FuzzCase, slowMs: number): Promise<string[]> {
  const problems: string[] = [];
  const inputText = Object.values(c.files).join('\n');
  const started = performance.now();
  let first: { report: Report; rendered: string[] };
  let second: { report: Report; rendered: string[] };
  try {
    if (c.target === 'config') parseConfig(c.files[CONFIG]!, CONFIG);
    first = await checkOnce(memoryFiles(c.files));
    second = await checkOnce(memoryFiles(c.files));
  } catch (error) {
    return [`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  }
  const elapsed = performance.now() - started;
  if (elapsed > slowMs) problems.push(`slow: ${Math.round(elapsed)} ms for two checks (limit ${slowMs} ms)`);
  if (first.rendered[0] !== second.rendered[0]) problems.push('nondeterministic: two checks gave different reports');
  problems.push(
    ...leaks(
      first.report.findings.map((f) => `${f.rule}: ${f.message}`),
      inputText
    )
  );
  for (const output of first.rendered) {
    for (const word of ['Maximum call stack', '[object Object]', 'function Object()']) {
      if (output.includes(word) && !inputText.includes(word)) problems.push(`a rendered report shows ${word}`);
    }
  }
  return problems;
}

export interface FuzzResult {
  runs: number;
  failures: { case: FuzzCase; problems: string[] }[];
}

/** Runs `runs` cases from `seed`; stops at the first failing case (fast-check then shrinks it). */
export async function runFuzz(opts: { seed: number; runs: number; slowMs?: number }): Promise<FuzzResult> {
  const slowMs = opts.slowMs ?? 5000;
  const failures: FuzzResult['failures'] = [];
  let runs = 0;
  const outcome = await fc.check(
    fc.asyncProperty(fuzzCases(), async (c) => {
      runs++;
      const problems = await judge(c, slowMs);
      if (problems.length > 0) failures.push({ case: c, problems });
      return problems.length === 0;
    }),
    { seed: opts.seed, numRuns: opts.runs, endOnFailure: true }
  );
  if (outcome.failed && outcome.counterexample) {
    const [c] = outcome.counterexample;
    const problems = await judge(c, slowMs);
    return { runs, failures: [{ case: c, problems }] };
  }
  return { runs, failures };
}

/** The deployed-whitelist answers (fuzz/deployed.ts): the same oracles over each product's reader and the engine. */
export async function runDeployedFuzz(opts: { seed: number; runs: number; slowMs?: number }): Promise<FuzzResult> {
  const { deployedCases, runDeployedCase } = await import('./deployed.js');
  const slowMs = opts.slowMs ?? 5000;
  let runs = 0;
  const judgeDeployed = async (c: DeployedCase): Promise<string[]> => {
    const started = performance.now();
    let first: { report: string; messages: string[] };
    let second: { report: string; messages: string[] };
    try {
      first = await runDeployedCase(c);
      second = await runDeployedCase(c);
    } catch (error) {
      return [`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
    }
    const problems: string[] = [];
    const elapsed = performance.now() - started;
    if (elapsed > slowMs) problems.push(`slow: ${Math.round(elapsed)} ms for two checks (limit ${slowMs} ms)`);
    if (first.report !== second.report) problems.push('nondeterministic: two checks gave different reports');
    problems.push(...leaks(first.messages, JSON.stringify(c.body)));
    return problems;
  };
  const outcome = await fc.check(
    fc.asyncProperty(deployedCases(), async (c) => {
      runs++;
      return (await judgeDeployed(c)).length === 0;
    }),
    { seed: opts.seed, numRuns: opts.runs, endOnFailure: true }
  );
  if (outcome.failed && outcome.counterexample) {
    const [c] = outcome.counterexample;
    const asCase: FuzzCase = {
      target: 'deployed',
      mutated: 'body.json',
      files: { 'body.json': JSON.stringify(c.body) }
    };
    return { runs, failures: [{ case: asCase, problems: await judgeDeployed(c) }] };
  }
  return { runs, failures: [] };
}
