/**
 * The Alibaba Cloud region IDs this tool knows, and the test that tells a mistyped region (`cn-shangai`) from a
 * region that opened after this table was written (`ap-southeast-9`, `me-west-1`). Only the first is an error:
 * a new region must keep working without a release of this tool.
 */
import { editDistance, typoDistance } from './suggest.js';

/**
 * Every region constant of the alicloud Terraform provider: aliyun/terraform-provider-alicloud,
 * alicloud/connectivity/regions.go, the `const ( … )` block of `Region` values, at commit
 * f0ed0708c2a926bd74b2dc58af48830402f6363d (2026-08-13, the last change of that file; part of release v1.289.0).
 * The provider's own `ValidRegions` list is this table too. Keep the provider's order when adding regions.
 */
export const KNOWN_REGIONS: readonly string[] = [
  'cn-hangzhou',
  'cn-qingdao',
  'cn-beijing',
  'cn-hongkong',
  'cn-shenzhen',
  'cn-shanghai',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-chengdu',
  'cn-heyuan',
  'cn-wulanchabu',
  'cn-guangzhou',
  'cn-nanjing',
  'cn-fuzhou',
  'cn-zhongwei',
  'ap-southeast-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ap-southeast-8',
  'ap-south-1',
  'us-west-1',
  'us-east-1',
  'us-southeast-1',
  'na-south-1',
  'me-east-1',
  'me-central-1',
  'eu-central-1',
  'eu-west-1',
  'rus-west-1',
  'cn-hangzhou-finance',
  'cn-hzfinance',
  'cn-hzjbp',
  'cn-beijing-finance-1',
  'cn-beijing-finance-1-pub',
  'cn-shanghai-finance-1',
  'cn-shanghai-finance-1-pub',
  'cn-shenzhen-finance-1',
  'cn-szfinance',
  'cn-shenzhen-finance',
  'cn-north-2-gov-1'
];

const KNOWN = new Set(KNOWN_REGIONS);

/** Every `-`-separated word of a known region: `cn`, `southeast`, `finance`, `gov`, … */
const REGION_WORDS = new Set(KNOWN_REGIONS.flatMap((region) => region.split('-')));

/**
 * A part that a new region could well have where a known one has another: a number (`ap-southeast-9`) or a word
 * that known regions already use (`me-west-1`, `eu-east-1`, `cn-shanghai-finance-2`).
 */
function plausiblePart(part: string): boolean {
  return /^[0-9]+$/.test(part) || REGION_WORDS.has(part);
}

/**
 * A mistyped name part is one or two edits from the known part: one for names up to seven letters (`fuzhou` is
 * not a typo of a new `huizhou`), two for longer ones (`zhangjakuo`).
 */
function partTypoDistance(knownPart: string): number {
  return knownPart.length >= 8 ? 2 : 1;
}

/** Whether `region` (not itself known) is a typo of the known region `known`, rather than a new region. */
function typoOf(region: string, known: string): boolean {
  const parts = region.split('-');
  const knownParts = known.split('-');
  // A zone ID (`cn-hangzhou-h`) where the region ID belongs.
  if (parts.length === knownParts.length + 1 && region.startsWith(`${known}-`) && /^[a-z]$/.test(parts.at(-1)!)) {
    return true;
  }
  if (parts.length !== knownParts.length) {
    // A misplaced or missing separator (`ap-south-east-1`, `cn-shanghai1`): one edit over the whole ID.
    return editDistance(region, known, 1) <= 1;
  }
  const differing = parts.flatMap((part, index) => (part === knownParts[index] ? [] : [index]));
  if (differing.length !== 1) return false;
  const index = differing[0];
  const part = parts[index];
  const knownPart = knownParts[index];
  if (plausiblePart(part)) return false;
  const limit = partTypoDistance(knownPart);
  return editDistance(part, knownPart, limit) <= limit;
}

/**
 * The known regions that `region` is most likely a typo of (one usually; several when equally close), or none
 * when it is known or far enough from every known region to be a region that opened after this table.
 */
export function regionTypoCandidates(region: string): string[] {
  if (KNOWN.has(region)) return [];
  const matches = KNOWN_REGIONS.filter((known) => typoOf(region, known));
  if (matches.length <= 1) return matches;
  const distances = matches.map((known) => editDistance(region, known));
  const best = Math.min(...distances);
  return matches.filter((_, index) => distances[index] === best);
}

/**
 * For a value that is not even shaped like a region ID (`CN-Shanghai`, `cn_hangzhou`, `cnhangzhou`), the known
 * region it most likely means: compared without case, with `_` and blanks read as `-`, within the usual typo
 * distance.
 */
export function regionForMalformed(value: string): string[] {
  if (value.length > 64) return [];
  const normal = value
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
  if (KNOWN.has(normal)) return [normal];
  let best = Number.POSITIVE_INFINITY;
  let matches: string[] = [];
  for (const known of KNOWN_REGIONS) {
    const limit = Math.min(2, typoDistance(known));
    const distance = editDistance(normal, known, limit);
    if (distance > limit || distance > best) continue;
    if (distance < best) [best, matches] = [distance, []];
    matches.push(known);
  }
  return matches.slice(0, 3);
}
