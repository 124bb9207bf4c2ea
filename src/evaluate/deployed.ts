/**
 * The deployed side of a data source (contract §9): the entries in effect on the instance for the data source's
 * network, checked with the product's rules like declared entries, and compared with the files (`deployed-drift`).
 * Pure: the whitelist comes from a reader, already validated; its strings are still treated as untrusted text
 * (quoted by a prefix, counted, capped), because they are whatever someone typed into a console.
 */
import { MAX_INVALID_ENTRIES_PER_FILE, MAX_QUOTED_CHARS, quotePrefix } from '../bounds.js';
import type { DataSourceConfig, Finding, SourcePosition } from '../model.js';
import { IpSet, formatCidr, isOverlyBroad, parseEntry, type IpRange, type ParsedEntry } from '../net/index.js';
import type { ProductProfile } from '../products/index.js';
import type { DeployedGroup, DeployedWhitelist } from '../whitelists/deployed/types.js';

/** What the engine tells the evaluator about one data source's deployed whitelist. */
export type DeployedInput =
  /** Read: its groups are checked and compared. */
  | { state: 'read'; whitelist: DeployedWhitelist }
  /** It was to be read and could not be: the engine reported `unresolved`; its coverage is unknown. */
  | { state: 'unreadable' }
  /** Not read by choice (offline, `deployed: never`, a pull request); `reason` says which, in words. */
  | { state: 'not-read'; reason: string };

/** `deployed-drift` findings listed one by one per direction and data source; past it, one finding gives the count. */
export const MAX_DRIFT_FINDINGS_PER_DIRECTION = 50;

/** One deployed entry that counts for coverage. */
export interface DeployedEntry {
  group: DeployedGroup;
  raw: string;
  range: IpRange;
  canonical: string;
}

export interface DeployedSide {
  /** The union of what the instance allows on the data source's network. */
  set: IpSet;
  /** The entries behind `set` (allow-all tokens expand to every address), in group order. */
  entries: DeployedEntry[];
  /** An empty whitelist that lets everyone in. */
  allowAll: boolean;
  /** The instance accepts no connection on the data source's network. */
  networkDisabled: boolean;
}

/** Where findings about the deployed whitelist point: the data source's `instance` key. */
export function instancePos(ds: DataSourceConfig): SourcePosition {
  return ds.instance?.pos ?? ds.pos;
}

export function instanceText(ds: DataSourceConfig): string {
  return JSON.stringify(quotePrefix(ds.instance?.value ?? ''));
}

function groupText(group: DeployedGroup): string {
  return JSON.stringify(quotePrefix(typeof group.name === 'string' ? group.name : ''));
}

/**
 * The key that tells apart entries for "already reported as declared": the canonical block, else the raw text
 * (`checkDeployed` builds the same key from its own parse).
 */
export function entryKey(raw: string): string {
  const parsed = parseEntry(raw);
  return parsed.ok ? `=${parsed.entry.canonical}` : `~${raw}`;
}

/**
 * Checks the deployed entries in effect for the data source's network and returns what they allow. Entry findings
 * (forms, host bits, breadth) are not repeated for an entry the files also have (`declaredKeys`): it gets them once,
 * as declared.
 */
export function checkDeployed(
  ds: DataSourceConfig,
  profile: ProductProfile,
  whitelist: DeployedWhitelist,
  declaredKeys: ReadonlySet<string>,
  findings: Finding[]
): DeployedSide {
  const at = { dataSource: ds.name, scope: 'deployed' as const, ...instancePos(ds) };
  const where = `deployed on ${instanceText(ds)}`;
  const groups = Array.isArray(whitelist.groups) ? whitelist.groups : [];
  const networkDisabled = Array.isArray(whitelist.disabledNetworks) && whitelist.disabledNetworks.includes(ds.network);
  if (networkDisabled) {
    findings.push({
      rule: 'network-disabled',
      severity: 'error',
      message:
        `instance ${instanceText(ds)} does not accept ${ds.network === 'public' ? 'Internet' : 'VPC'} connections, ` +
        `so no whitelist entry admits DataWorks on the ${ds.network} network: enable that access on the instance, ` +
        `or reach the source over the other network`,
      dataSource: ds.name,
      ...instancePos(ds)
    });
  }
  const inEffect = networkDisabled
    ? []
    : groups.filter((g) => Array.isArray(g.networks) && g.networks.includes(ds.network));

  const entries: DeployedEntry[] = [];
  const reported = new Set<string>();
  let invalidReported = 0;
  let invalidOmitted = 0;
  let written = 0;
  for (const group of inEffect) {
    for (const value of Array.isArray(group.entries) ? group.entries : []) {
      if (typeof value !== 'string') continue;
      const raw = value.trim();
      if (raw === '' || profile.denyAllPlaceholders.includes(raw)) continue;
      written++;
      const result = parseEntry(raw);
      const key = result.ok ? `=${result.entry.canonical}` : `~${raw}`;
      // One finding per entry, however many groups hold it, and none for an entry the files have (§9).
      const report = !declaredKeys.has(key) && !reported.has(key);
      reported.add(key);
      const quoted = quotePrefix(raw);
      const about = { ...at, raw: quoted };
      if (profile.allowAllTokens.includes(raw)) {
        for (const everything of profile.acceptsIpv6 ? ['0.0.0.0/0', '::/0'] : ['0.0.0.0/0']) {
          const all = parseEntry(everything);
          if (all.ok) entries.push({ group, raw, range: all.entry.range, canonical: all.entry.canonical });
        }
        if (report) {
          findings.push({
            ...about,
            rule: 'overly-broad-entry',
            severity: 'warning',
            message: `"${quoted}" in group ${groupText(group)} ${where} allows every address on ${profile.displayName}, far more than DataWorks needs`
          });
        }
        continue;
      }
      if (!result.ok) {
        if (!report) continue;
        if (invalidReported >= MAX_INVALID_ENTRIES_PER_FILE) {
          invalidOmitted++;
          continue;
        }
        invalidReported++;
        const reason =
          raw.length > MAX_QUOTED_CHARS ? 'it is longer than any address, CIDR block or range' : result.reason;
        findings.push({
          ...about,
          rule: 'invalid-entry',
          severity: 'error',
          message: `"${quoted}" in group ${groupText(group)} ${where} is not a valid whitelist entry: ${reason}; it allows nothing`
        });
        continue;
      }
      const parsed = result.entry;
      const unsupported = unsupportedReason(profile, parsed);
      if (unsupported) {
        if (report) {
          findings.push({
            ...about,
            entry: parsed.canonical,
            rule: 'unsupported-entry',
            severity: 'error',
            message: `"${quoted}" in group ${groupText(group)} ${where} is not accepted by ${profile.displayName}: ${unsupported}; it allows nothing`
          });
        }
        continue;
      }
      if (report && parsed.hostBitsSet) {
        findings.push({
          ...about,
          entry: parsed.canonical,
          rule: 'host-bits-set',
          severity: 'warning',
          message: `"${quoted}" in group ${groupText(group)} ${where} has host bits set; it means ${parsed.canonical}`
        });
      }
      if (report && isOverlyBroad(parsed.range)) {
        findings.push({
          ...about,
          entry: parsed.canonical,
          rule: 'overly-broad-entry',
          severity: 'warning',
          message: `"${quoted}" in group ${groupText(group)} ${where} opens ${parsed.canonical} to the data source, far more than DataWorks needs`
        });
      }
      entries.push({ group, raw, range: parsed.range, canonical: parsed.canonical });
    }
  }
  if (invalidOmitted > 0) {
    findings.push({
      ...at,
      rule: 'invalid-entry',
      severity: 'error',
      message: `${invalidOmitted} more entries ${where} are not valid whitelist entries; only the first ${MAX_INVALID_ENTRIES_PER_FILE} are reported one by one`
    });
  }
  checkDeployedLimit(ds, profile, groups, findings);

  const allowAll = !networkDisabled && whitelist.emptyAllowsAll === true && written === 0;
  if (allowAll) {
    findings.push({
      ...at,
      rule: 'allow-all-whitelist',
      severity: 'warning',
      message: `the whitelist ${where} is empty for ${ds.network} access, which on ${profile.displayName} means every address is allowed: add the entries it needs to restrict access`
    });
  }
  return { set: IpSet.build(entries.map((e) => e.range)), entries, allowAll, networkDisabled };
}

/** Accepted forms and forbidden entries, as for the files (`evaluate/index.ts`). */
export function unsupportedReason(profile: ProductProfile, parsed: ParsedEntry): string | undefined {
  if (parsed.version === 6 && !profile.acceptsIpv6) return 'it accepts IPv4 entries only';
  if (parsed.version === 6 && profile.ipv6AddressesOnly && parsed.form !== 'address')
    return 'it accepts single IPv6 addresses only, not IPv6 blocks';
  if (parsed.form === 'range' && !profile.acceptsRanges) return 'it does not accept address ranges (a-b)';
  for (const forbidden of profile.forbidden) {
    const f = parseEntry(forbidden.cidr);
    if (f.ok && f.entry.canonical === parsed.canonical) return forbidden.reason;
  }
  return undefined;
}

/**
 * The product's entry limit over every group of the instance (all networks: the limit is the instance's), per group
 * when the product counts per group.
 */
function checkDeployedLimit(
  ds: DataSourceConfig,
  profile: ProductProfile,
  groups: readonly DeployedGroup[],
  findings: Finding[]
): void {
  const limit = profile.entryLimit;
  if (!limit) return;
  const distinct = (list: readonly DeployedGroup[]): number =>
    new Set(
      list.flatMap((g) => (Array.isArray(g.entries) ? g.entries : [])).filter((e) => typeof e === 'string' && e !== '')
    ).size;
  const perGroup = /per (whitelist )?group/.test(limit.scope);
  const counted = perGroup
    ? groups.map((g) => ({ group: g as DeployedGroup | undefined, n: distinct([g]) }))
    : [{ group: undefined, n: distinct(groups) }];
  for (const { group, n } of counted) {
    if (n <= limit.max) continue;
    findings.push({
      rule: 'too-many-entries',
      severity: 'error',
      scope: 'deployed',
      message: `the whitelist ${group ? `group ${groupText(group)} ` : ''}deployed on ${instanceText(ds)} has ${n} distinct entries; ${profile.displayName} allows at most ${limit.max} (${limit.scope})`,
      dataSource: ds.name,
      ...instancePos(ds)
    });
  }
}

/** A declared entry that counts, as the drift comparison needs it. */
export interface DeclaredForDrift {
  raw: string;
  range: IpRange;
  canonical: string;
  pos: SourcePosition;
}

/**
 * `deployed-drift` both ways (contract §9), as address sets: a file entry (partly) outside what is in effect on the
 * instance is "not applied" (at the file entry); a deployed entry (partly) outside the files' union is "changed
 * outside code" (at `instance`). Hidden groups count for "not applied" and never for "changed outside code"; with
 * `deployedGroups`, only those groups are compared.
 */
export function compareWithFiles(
  ds: DataSourceConfig,
  deployed: DeployedSide,
  declared: readonly DeclaredForDrift[],
  declaredSet: IpSet,
  findings: Finding[]
): void {
  if (deployed.networkDisabled) return; // `network-disabled` says it all; every file entry would be "not applied".
  const chosen = ds.deployedGroups ? new Set(ds.deployedGroups.map((g) => g.value)) : undefined;
  const compared = deployed.entries.filter((e) => !chosen || chosen.has(e.group.name));
  const inEffect = deployed.allowAll && !chosen ? IpSet.build(everything()) : IpSet.build(compared.map((e) => e.range));
  const where = instanceText(ds);
  const groupsNote = chosen ? ` (groups ${[...chosen].map((n) => JSON.stringify(quotePrefix(n))).join(', ')})` : '';

  const notApplied: Finding[] = [];
  const seenDeclared = new Set<string>();
  for (const d of declared) {
    if (seenDeclared.has(d.canonical)) continue;
    seenDeclared.add(d.canonical);
    const uncovered = inEffect.uncovered(d.range).map(formatCidr);
    if (uncovered.length === 0) continue;
    const part = uncovered.length === 1 && uncovered[0] === d.canonical ? '' : ` (${uncovered.join(', ')} of it)`;
    notApplied.push({
      rule: 'deployed-drift',
      severity: 'warning',
      scope: 'deployed',
      dataSource: ds.name,
      raw: quotePrefix(d.raw),
      entry: d.canonical,
      uncovered,
      message: `not applied: "${quotePrefix(d.raw)}" is in the whitelist files but${part} not in the whitelist deployed on ${where}${groupsNote}: apply the files (for example run Terraform), or remove the entry`,
      ...d.pos
    });
  }

  const outside: Finding[] = [];
  const byCanonical = new Map<string, DeployedEntry[]>();
  for (const e of compared) {
    if (e.group.hidden) continue;
    const list = byCanonical.get(e.canonical) ?? [];
    list.push(e);
    byCanonical.set(e.canonical, list);
  }
  for (const [canonical, list] of byCanonical) {
    const first = list[0] as DeployedEntry;
    const uncovered = declaredSet.uncovered(first.range).map(formatCidr);
    if (uncovered.length === 0) continue;
    const groups = [...new Set(list.map((e) => groupText(e.group)))].join(', ');
    const part = uncovered.length === 1 && uncovered[0] === canonical ? '' : ` (${uncovered.join(', ')} of it)`;
    outside.push({
      rule: 'deployed-drift',
      severity: 'warning',
      scope: 'deployed',
      dataSource: ds.name,
      raw: quotePrefix(first.raw),
      entry: canonical,
      uncovered,
      message: `changed outside code: "${quotePrefix(first.raw)}" in group ${groups} is deployed on ${where} but${part} not in the whitelist files: add it to the files, or remove it in the console`,
      ...instancePos(ds)
    });
  }
  pushCapped(ds, notApplied, 'file entries are not applied', findings);
  pushCapped(ds, outside, 'deployed entries are not in the files', findings);
}

function everything(): IpRange[] {
  const ranges: IpRange[] = [];
  for (const text of ['0.0.0.0/0', '::/0']) {
    const all = parseEntry(text);
    if (all.ok) ranges.push(all.entry.range);
  }
  return ranges;
}

function pushCapped(ds: DataSourceConfig, list: readonly Finding[], what: string, findings: Finding[]): void {
  findings.push(...list.slice(0, MAX_DRIFT_FINDINGS_PER_DIRECTION));
  const rest = list.length - MAX_DRIFT_FINDINGS_PER_DIRECTION;
  const next = list[MAX_DRIFT_FINDINGS_PER_DIRECTION];
  if (rest <= 0 || !next) return;
  findings.push({
    rule: 'deployed-drift',
    severity: 'warning',
    scope: 'deployed',
    dataSource: ds.name,
    message: `${rest} more ${what} of "${ds.name}" (only the first ${MAX_DRIFT_FINDINGS_PER_DIRECTION} are listed one by one)`,
    ...(next.file !== undefined ? { file: next.file, line: next.line, column: next.column } : {})
  });
}
