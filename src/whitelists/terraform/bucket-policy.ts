/**
 * OSS bucket policies: the allowed addresses are the `acs:SourceIp` values of `IpAddress` conditions in
 * `Allow` statements and of `NotIpAddress` conditions in `Deny` statements ("deny unless from these").
 */
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import type { SourcePosition } from '../../model.js';
import type { Value } from './evaluate.js';
import { jsonTooDeepAt, MAX_JSON_DEPTH } from './json-syntax.js';
import { positionAt } from './text.js';

export interface PolicyEntry {
  raw: string;
  at: SourcePosition | null;
}

export interface PolicyResult {
  entries: PolicyEntry[];
  problem?: string;
}

const SOURCE_IP = 'acs:SourceIp';

function property(node: JsonNode | undefined, name: string): JsonNode | undefined {
  if (node?.type !== 'object') return undefined;
  for (const child of node.children ?? []) {
    const [key, value] = child.children ?? [];
    if (key?.value === name) return value;
  }
  return undefined;
}

function asArray(node: JsonNode | undefined): JsonNode[] {
  if (!node) return [];
  return node.type === 'array' ? (node.children ?? []) : [node];
}

/** The entries of a policy document given as a string (a heredoc, a file's text, or `jsonencode(…)`). */
export function bucketPolicyEntries(value: Value): PolicyResult {
  if (value.kind !== 'string') return { entries: [], problem: `a bucket policy is a JSON string, not ${value.kind}` };
  const text = value.text;
  if (jsonTooDeepAt(text.value) >= 0) {
    return { entries: [], problem: `the bucket policy nests deeper than the limit of ${MAX_JSON_DEPTH} levels` };
  }
  const root = parseTree(text.value, [], { disallowComments: true });
  if (root?.type !== 'object') return { entries: [], problem: 'the bucket policy is not a JSON object' };
  const entries: PolicyEntry[] = [];
  let conditions = 0;
  for (const statement of asArray(property(root, 'Statement'))) {
    const effect = property(statement, 'Effect')?.value;
    const condition = property(statement, 'Condition');
    const allowing = effect === 'Allow' ? 'IpAddress' : effect === 'Deny' ? 'NotIpAddress' : undefined;
    for (const operator of ['IpAddress', 'NotIpAddress']) {
      const addresses = asArray(property(property(condition, operator), SOURCE_IP));
      if (addresses.length === 0) continue;
      conditions += 1;
      // Allow+NotIpAddress and Deny+IpAddress name addresses that are not let in.
      if (operator !== allowing) continue;
      for (const address of addresses) {
        if (address.type !== 'string' || typeof address.value !== 'string') continue;
        const raw = address.value.trim();
        if (raw === '') continue;
        const leading = address.value.length - address.value.trimStart().length;
        entries.push({ raw, at: positionAt(text, address.offset + 1 + leading) });
      }
    }
  }
  if (conditions === 0) return { entries, problem: `the bucket policy has no ${SOURCE_IP} condition` };
  return { entries };
}
