/**
 * What a finding is about, independent of where it is written (contract §11): the same gap keeps its identity when
 * lines move, whitelist sources are reordered or a whitelist file is renamed. One definition serves the baseline
 * (new / unchanged / resolved), SARIF's `partialFingerprints` and the sticky comment's "fixed" list.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../model.js';

/** A finding's scope (contract §9): `declared` unless the finding says otherwise. */
function scopeOf(f: Finding): string {
  const scope = (f as { scope?: unknown }).scope;
  return typeof scope === 'string' ? scope : 'declared';
}

/**
 * The identity as a string: rule, data source, scope, and the entry (canonical, else the raw text); module and
 * resource group when there is no entry; the file only for a finding about a declared entry (one that carries its
 * raw text), because there the file is part of what the finding is about (the same bad entry in two files is two
 * findings), while a `missing-entry` is about the data source, wherever its whitelist lives.
 *
 * A finding with none of entry, raw text, module or group (a config error, an unreadable source) is told apart by
 * its message with the numbers taken out, so two different config errors are two identities while a line that
 * moved keeps the same one.
 */
export function findingIdentity(f: Finding): string {
  const scope = scopeOf(f);
  const entry = f.entry ?? f.raw;
  const parts: string[] = [f.rule, f.dataSource ?? '', scope];
  if (entry !== undefined) {
    parts.push(entry);
    if (f.raw !== undefined && scope === 'declared') parts.push(f.file ?? '');
  } else {
    parts.push(f.module ?? '', f.resourceGroup ?? '');
    if (f.module === undefined && f.resourceGroup === undefined) parts.push(f.message.replace(/\d+/g, '#'));
  }
  return JSON.stringify(parts);
}

/** The identity as a hex SHA-256 (for SARIF); `occurrence` > 1 tells apart findings alike in every part. */
export function identityHash(identity: string, occurrence = 1): string {
  return createHash('sha256')
    .update(occurrence === 1 ? identity : `${identity}#${occurrence}`)
    .digest('hex');
}

export type BaselineState = 'new' | 'unchanged';

export interface BaselineComparison {
  /** One state per finding of `head`, in its order. */
  states: BaselineState[];
  /** The findings of `base` that `head` no longer has, in `base`'s order. */
  resolved: Finding[];
}

/**
 * Matches head findings with base findings by identity, as multisets: two identical base findings and three head
 * findings leave one head finding `new`.
 */
export function compareWithBase(head: readonly Finding[], base: readonly Finding[]): BaselineComparison {
  const baseIds = base.map(findingIdentity);
  const total = new Map<string, number>();
  for (const id of baseIds) total.set(id, (total.get(id) ?? 0) + 1);
  const used = new Map<string, number>();
  const states = head.map((f): BaselineState => {
    const id = findingIdentity(f);
    const taken = used.get(id) ?? 0;
    if (taken >= (total.get(id) ?? 0)) return 'new';
    used.set(id, taken + 1);
    return 'unchanged';
  });
  // Head takes the first of several alike base findings; the rest are resolved.
  const resolved: Finding[] = [];
  const seen = new Map<string, number>();
  base.forEach((f, i) => {
    const id = baseIds[i]!;
    const index = (seen.get(id) ?? 0) + 1;
    seen.set(id, index);
    if (index > (used.get(id) ?? 0)) resolved.push(f);
  });
  return { states, resolved };
}
