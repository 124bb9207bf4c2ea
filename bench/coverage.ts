/**
 * Coverage engine benchmark: a 100,000-entry whitelist (IPv4 and IPv6, CIDRs and bare addresses, seeded PRNG)
 * is parsed and merged into an IpSet, then 1,000,000 required blocks are checked against it. The baseline, run
 * on a sample in the same process, is the naive approach with ipaddr.js: every required block is matched against
 * every entry, and it counts as covered when a single entry contains it.
 */
import { pathToFileURL } from 'node:url';
import ipaddr from 'ipaddr.js';
import { IpSet, formatAddress, parseCidr, parseEntry } from '../src/net/index.js';
import type { IpRange, IpVersion } from '../src/net/index.js';

const WHITELIST_SIZE = 100_000;
const REQUIRED_COUNT = 1_000_000;
const BASELINE_SAMPLE = 300;
const SEED = 0x5eed;

/** mulberry32: small, fast, and the same sequence on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Block {
  version: IpVersion;
  base: bigint;
  prefix: number;
}

function randomBlock(random: () => number, version: IpVersion, minPrefix: number, maxPrefix: number): Block {
  const prefix = minPrefix + Math.floor(random() * (maxPrefix - minPrefix + 1));
  let value = 0n;
  const words = version === 4 ? 2 : 8;
  for (let i = 0; i < words; i++) value = (value << 16n) | BigInt(Math.floor(random() * 0x10000));
  if (version === 6) value = (0x2400n << 112n) | (value & ((1n << 112n) - 1n)); // inside 2400::/16
  const bits = version === 4 ? 32 : 128;
  const host = (1n << BigInt(bits - prefix)) - 1n;
  return { version, base: value & ~host, prefix };
}

function blockText(b: Block, bare: boolean): string {
  const address = formatAddress(b.version, b.base);
  return bare ? address : `${address}/${b.prefix}`;
}

/** A block inside `outer` (possibly equal to it), for required blocks that a whitelist entry contains. */
function subBlock(random: () => number, outer: Block): Block {
  const bits = outer.version === 4 ? 32 : 128;
  const prefix = outer.prefix + Math.floor(random() * (Math.min(bits, outer.prefix + 8) - outer.prefix + 1));
  const span = prefix - outer.prefix;
  const offset = BigInt(Math.floor(random() * 2 ** span)) << BigInt(bits - prefix);
  return { version: outer.version, base: outer.base | offset, prefix };
}

function makeWhitelist(random: () => number): { texts: string[]; blocks: Block[] } {
  const texts: string[] = [];
  const blocks: Block[] = [];
  for (let i = 0; i < WHITELIST_SIZE; i++) {
    const version: IpVersion = random() < 0.7 ? 4 : 6;
    const bare = random() < 0.3;
    const block =
      version === 4
        ? randomBlock(random, 4, bare ? 32 : 16, 32)
        : randomBlock(random, 6, bare ? 128 : 32, bare ? 128 : 64);
    blocks.push(block);
    texts.push(blockText(block, bare));
  }
  return { texts, blocks };
}

/** Half the required blocks lie inside a whitelist entry, half are random (mostly uncovered). */
function makeRequired(random: () => number, whitelist: Block[]): Block[] {
  const required: Block[] = [];
  for (let i = 0; i < REQUIRED_COUNT; i++) {
    if (random() < 0.5) {
      required.push(subBlock(random, whitelist[Math.floor(random() * whitelist.length)] as Block));
    } else {
      const version: IpVersion = random() < 0.7 ? 4 : 6;
      required.push(version === 4 ? randomBlock(random, 4, 20, 32) : randomBlock(random, 6, 40, 128));
    }
  }
  return required;
}

function toRange(b: Block): IpRange {
  const bits = b.version === 4 ? 32 : 128;
  return { version: b.version, first: b.base, last: b.base | ((1n << BigInt(bits - b.prefix)) - 1n) };
}

function millis(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;
}

export async function benchCoverage(): Promise<void> {
  const random = prng(SEED);
  const whitelist = makeWhitelist(random);
  const requiredBlocks = makeRequired(random, whitelist.blocks);
  // Keep only what the timed loops read, so the retained heap (and the collector's work) stays small.
  const requiredRanges = requiredBlocks.map(toRange);
  const requiredTexts = requiredBlocks.map((b) => blockText(b, false));
  const step = Math.floor(REQUIRED_COUNT / BASELINE_SAMPLE);
  const sample = Array.from({ length: BASELINE_SAMPLE }, (_, i) => requiredBlocks[i * step] as Block);
  requiredBlocks.length = 0;
  whitelist.blocks.length = 0;

  // Build: parse the entries as written, then sort and merge.
  let start = process.hrtime.bigint();
  const entryRanges: IpRange[] = [];
  for (const text of whitelist.texts) {
    const parsed = parseEntry(text);
    if (!parsed.ok) throw new Error(`generated entry ${text} did not parse: ${parsed.reason}`);
    entryRanges.push(parsed.entry.range);
  }
  const parseMs = millis(start);
  start = process.hrtime.bigint();
  const set = IpSet.build(entryRanges);
  const buildMs = millis(start);

  // Check: covers() on already-parsed blocks, then parse-and-check from text (what the baseline also does).
  start = process.hrtime.bigint();
  let covered = 0;
  for (const r of requiredRanges) if (set.covers(r)) covered++;
  const checkMs = millis(start);

  start = process.hrtime.bigint();
  let coveredFromText = 0;
  for (const text of requiredTexts) {
    const parsed = parseCidr(text);
    if (parsed.ok && set.covers(parsed.entry.range)) coveredFromText++;
  }
  const parseCheckMs = millis(start);
  if (coveredFromText !== covered) throw new Error('parsed and pre-parsed checks disagree');

  // The uncovered part of each missed block, as the missing-entry findings need it.
  start = process.hrtime.bigint();
  let missingCidrs = 0;
  let misses = 0;
  for (const r of requiredRanges.slice(0, 100_000)) {
    if (set.covers(r)) continue;
    misses++;
    missingCidrs += set.uncovered(r).length;
  }
  const uncoveredMs = millis(start);

  // Baseline: ipaddr.js, each sampled block against each entry (entries pre-parsed outside the timing).
  const baselineEntries = whitelist.texts.map((text) =>
    text.includes('/') ? ipaddr.parseCIDR(text) : ([ipaddr.parse(text), text.includes(':') ? 128 : 32] as const)
  );
  start = process.hrtime.bigint();
  let baselineCovered = 0;
  const baselineVerdicts: boolean[] = [];
  for (const block of sample) {
    const address = ipaddr.parse(formatAddress(block.version, block.base));
    const kind = address.kind();
    let found = false;
    for (const [entryAddress, entryBits] of baselineEntries) {
      if (entryAddress.kind() === kind && entryBits <= block.prefix && address.match([entryAddress, entryBits])) {
        found = true;
        break;
      }
    }
    baselineVerdicts.push(found);
    if (found) baselineCovered++;
  }
  const baselineMs = millis(start);

  // Single-entry containment implies union coverage; the set may also cover blocks spread over several entries.
  let agree = 0;
  sample.forEach((block, i) => {
    const union = set.covers(toRange(block));
    if (baselineVerdicts[i] && !union) throw new Error('IpSet misses a block that one entry contains');
    if (baselineVerdicts[i] === union) agree++;
  });

  const perCheckSet = checkMs / REQUIRED_COUNT;
  const perCheckSetWithParse = parseCheckMs / REQUIRED_COUNT;
  const perCheckBaseline = baselineMs / BASELINE_SAMPLE;
  console.log(
    `whitelist: ${WHITELIST_SIZE} entries (${set.rangeCount(4)} IPv4 + ${set.rangeCount(6)} IPv6 ranges merged)`
  );
  console.log(`build: parse ${fmt(parseMs)} + merge ${fmt(buildMs)} = ${fmt(parseMs + buildMs)}`);
  console.log(
    `check: ${REQUIRED_COUNT} blocks in ${fmt(checkMs)} (${covered} covered); from text ${fmt(parseCheckMs)}`
  );
  console.log(`uncovered: ${misses} misses -> ${missingCidrs} CIDRs in ${fmt(uncoveredMs)}`);
  console.log(
    `baseline (ipaddr.js, every entry): ${BASELINE_SAMPLE} blocks in ${fmt(baselineMs)} (${baselineCovered} covered; ` +
      `verdicts agree on ${agree}/${BASELINE_SAMPLE})`
  );
  console.log(
    `per check: IpSet ${(perCheckSet * 1e6).toFixed(0)} ns, with parsing ${(perCheckSetWithParse * 1e6).toFixed(0)} ns; ` +
      `baseline ${(perCheckBaseline * 1e3).toFixed(0)} µs`
  );
  console.log(
    `ratio: ${(perCheckBaseline / perCheckSet).toFixed(0)}x faster per check ` +
      `(${(perCheckBaseline / perCheckSetWithParse).toFixed(0)}x including parsing the block)`
  );
  const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');
  console.log(
    `targets: check under 1 s ${verdict(checkMs < 1000)}, ratio >= 100x ${verdict(perCheckBaseline / perCheckSet >= 100)}`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchCoverage();
}
