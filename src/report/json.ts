/**
 * The JSON report (contract §7). Keys come out in the contract's order whatever order the objects were built in,
 * so two runs over the same repository give byte-identical files; keys the contract does not name yet (later
 * extensions) follow, sorted, rather than being dropped.
 */
import type { Report } from '../model.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const REPORT_KEYS = [
  'reportVersion',
  'status',
  'config',
  'resolve',
  'summary',
  'dataSources',
  'addressLists',
  'required',
  'connectivity',
  'findings'
];
const SUMMARY_KEYS = ['dataSources', 'required', 'missing', 'errors', 'warnings', 'notices'];
const ADDRESS_LIST_KEYS = ['list', 'region', 'source', 'asOf', 'origin', 'stale'];
const DATA_SOURCE_KEYS = ['name', 'product', 'network', 'region', 'declared', 'instance', 'deployedState'];
const REQUIRED_KEYS = ['dataSource', 'entry', 'covered', 'deployed', 'via'];
const CONNECTIVITY_KEYS = [
  'dataSource',
  'resourceGroup',
  'resourceGroupId',
  'state',
  'message',
  'failedStep',
  'checkFoundGap'
];
const VIA_KEYS = ['module', 'resourceGroup', 'origin', 'source'];
const FINDING_KEYS = [
  'rule',
  'severity',
  'dataSource',
  'module',
  'resourceGroup',
  'scope',
  'entry',
  'raw',
  'uncovered',
  'file',
  'line',
  'column',
  'message'
];

/** Per path of keys from the root, the order of an object's keys; arrays share their elements' order. */
const KEY_ORDER: Record<string, readonly string[]> = {
  '': REPORT_KEYS,
  summary: SUMMARY_KEYS,
  dataSources: DATA_SOURCE_KEYS,
  addressLists: ADDRESS_LIST_KEYS,
  required: REQUIRED_KEYS,
  'required.via': VIA_KEYS,
  connectivity: CONNECTIVITY_KEYS,
  findings: FINDING_KEYS,
  resolvedFindings: FINDING_KEYS
};

function ordered(value: unknown, path: string): Json | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map((item) => ordered(item, path) ?? null);
  const record = value as Record<string, unknown>;
  const known = KEY_ORDER[path] ?? [];
  const rest = Object.keys(record)
    .filter((k) => !known.includes(k))
    .sort();
  const out: { [key: string]: Json } = {};
  for (const key of [...known, ...rest]) {
    if (!(key in record)) continue;
    const child = ordered(record[key], path === '' ? key : `${path}.${key}`);
    if (child !== undefined) out[key] = child;
  }
  return out;
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(ordered(report, ''), null, 2)}\n`;
}
