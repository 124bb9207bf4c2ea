/**
 * DataWorks' published per-region address lists: the bundled copies (facts, with their source page and date) and
 * the configuration's additions and replacements.
 */
import type { AddressListName, AddressListOverride, SourcePosition } from '../model.js';
import metadataCollection from './data/metadata-collection.json' with { type: 'json' };
import dataAnalysis from './data/data-analysis.json' with { type: 'json' };

/** The page each list is published on: where a user copies a list the tool does not ship. */
export const LIST_PAGES: Record<AddressListName, string> = {
  'metadata-collection':
    'https://www.alibabacloud.com/help/en/dataworks/user-guide/configure-ip-address-whitelists-for-metadata-collection',
  'data-analysis': 'https://www.alibabacloud.com/help/en/dataworks/user-guide/ip-address-whitelist-for-dataanalysis',
  'shared-integration':
    'https://www.alibabacloud.com/help/en/dataworks/user-guide/public-resource-group-whitelist-for-data-integration',
  'shared-service': 'https://www.alibabacloud.com/help/en/dataworks/user-guide/configure-network-connectivity'
};

/** A list is stale when older than this; an undated list always is. */
export const STALE_AFTER_DAYS = 180;

export interface ListEntry {
  text: string;
  origin: 'bundled' | 'config';
  /** Config entries only. */
  pos?: SourcePosition;
}

export interface BundledList {
  list: AddressListName;
  source: string;
  /** `YYYY-MM-DD`, or null when the page carries no date. */
  asOf: string | null;
  regions: Record<string, string[]>;
}

export interface EffectiveList {
  list: AddressListName;
  region: string;
  entries: ListEntry[];
  /** The bundled copy that contributed, if any (replaced lists have none). */
  bundled?: { source: string; asOf: string | null };
  /** The config override that contributed, if any. */
  override?: AddressListOverride;
}

interface PublishedListFile {
  source: string;
  page_date: string | null;
  regions: Record<string, string[]>;
}

/** The page dates are written with a note ("2024-07-23 (inferred: …)"); the date is what leads. */
function pageDate(file: PublishedListFile): string | null {
  const match = file.page_date === null ? null : /^\d{4}-\d{2}-\d{2}/.exec(file.page_date);
  return match ? match[0] : null;
}

function fromFile(list: AddressListName, file: PublishedListFile): BundledList {
  return { list, source: file.source, asOf: pageDate(file), regions: file.regions };
}

/**
 * Only the platform-module lists ship: no current, complete copy of the shared resource group lists was
 * available, and a stale list would make the checker lie (see src/lists/data/README.md).
 */
export const BUNDLED_LISTS: readonly BundledList[] = [
  fromFile('metadata-collection', metadataCollection as PublishedListFile),
  fromFile('data-analysis', dataAnalysis as PublishedListFile)
];

/** The list for one region: the bundled copy plus or replaced by the config's override; undefined when none. */
export function effectiveList(
  list: AddressListName,
  region: string,
  overrides: readonly AddressListOverride[],
  bundled: readonly BundledList[] = BUNDLED_LISTS
): EffectiveList | undefined {
  const override = overrides.find((o) => o.list === list && o.region === region);
  const bundledList = bundled.find((b) => b.list === list);
  const bundledEntries = bundledList?.regions[region];
  const entries: ListEntry[] = [];
  let bundledInfo: EffectiveList['bundled'];
  if (bundledList && bundledEntries && !override?.replace) {
    bundledInfo = { source: bundledList.source, asOf: bundledList.asOf };
    for (const text of bundledEntries) entries.push({ text, origin: 'bundled' });
  }
  if (override) {
    for (const e of override.entries) entries.push({ text: e.value, origin: 'config', pos: e.pos });
  }
  if (entries.length === 0) return undefined;
  return { list, region, entries, bundled: bundledInfo, override };
}

/** Whether a bundled list dated `asOf` is stale at `now` (UTC days). */
export function isStale(asOf: string | null, now: Date): boolean {
  if (asOf === null) return true;
  const ageMs = now.getTime() - Date.parse(`${asOf}T00:00:00Z`);
  return ageMs > STALE_AFTER_DAYS * 86_400_000;
}

/** Regions that have a bundled copy of a list, for messages. */
export function bundledRegions(list: AddressListName, bundled: readonly BundledList[] = BUNDLED_LISTS): string[] {
  return Object.keys(bundled.find((b) => b.list === list)?.regions ?? {}).sort();
}
