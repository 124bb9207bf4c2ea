/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`). Every result has a location (the
 * config file's first line when the finding names no file) and a partial fingerprint built from what the finding
 * is about, never from its line, so code scanning keeps an alert open across runs while lines move.
 */
import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULES, type Finding, type Report, type Severity } from '../model.js';
import { couldNotCheckFirst } from '../evaluate/status.js';
import { findingIdentity, identityHash } from './identity.js';
import { sideMarkers } from './common.js';
import { RULE_HELP, RULE_SEVERITY } from './rules.js';

export type SarifLog = Log;

export interface SarifOptions {
  toolVersion: string;
  /** The config file (relative to the root): where findings without a file of their own are reported. */
  configPath: string;
  /** The tool's home page, for `tool.driver.informationUri` (for example the action's repository URL). */
  informationUri?: string;
}

export const SARIF_TOOL_NAME = 'dataworks-whitelist-guard';
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key of our partial fingerprint; versioned so a change of its recipe does not match old alerts wrongly. */
export const FINGERPRINT_KEY = 'dataworksWhitelistGuard/v1';
/**
 * The fingerprint of the finding's identity (contract §11, the same one the baseline uses): it survives renamed
 * whitelist files and moved sources. The v1 key is kept beside it so existing alerts keep matching.
 */
export const IDENTITY_FINGERPRINT_KEY = 'dataworksWhitelistGuard/identity/v1';

/**
 * Rules that are not code-scanning alerts: a bundled list's age is about the tool's data, not about a line of the
 * repository (contract §8); the text and Markdown reports show each list's date, the JSON report keeps the notice.
 */
const NOT_ALERTS: readonly string[] = ['stale-address-list'];

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

/** `missing-entry` → `MissingEntry`: the readable rule name SARIF viewers show. */
function ruleName(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function ruleDescriptors(): ReportingDescriptor[] {
  return RULES.map((id) => {
    const help = RULE_HELP[id];
    return {
      id,
      name: ruleName(id),
      shortDescription: { text: help.short },
      fullDescription: { text: `${help.short} ${help.help}` },
      help: { text: help.help, markdown: `**${id}**: ${help.short}\n\n${help.help}` },
      defaultConfiguration: { level: LEVEL[RULE_SEVERITY[id]] },
      properties: { tags: ['dataworks', 'whitelist', 'network'] }
    };
  });
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function fileUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** What a finding is about, without where in the file it is: rule, data source, chain, entry, file. */
function identity(f: Finding, configPath: string): string {
  return JSON.stringify([
    f.rule,
    f.dataSource ?? '',
    f.module ?? '',
    f.resourceGroup ?? '',
    f.entry ?? f.raw ?? '',
    f.file ?? configPath
  ]);
}

function messageText(f: Finding): string {
  return f.dataSource !== undefined && !f.message.includes(f.dataSource) ? `${f.dataSource}: ${f.message}` : f.message;
}

/**
 * Per data source that names an instance, the code and cloud state ("code ✓, cloud ✗", contract §9), for tools
 * that read the run's properties; absent when no data source names one.
 */
function sidesProperty(report: Report): {
  dataSources?: { name: string; instance: string; code: string; cloud: string }[];
} {
  const sides = report.dataSources.flatMap((d) => {
    const m = sideMarkers(report, d.name);
    return m && d.instance !== undefined ? [{ name: d.name, instance: d.instance, code: m.code, cloud: m.cloud }] : [];
  });
  return sides.length > 0 ? { dataSources: sides } : {};
}

/** The message, with "[cloud]" before a finding about the deployed whitelist so a code-scanning list tells them apart. */
function scopedMessage(f: Finding): string {
  const text = messageText(f);
  return f.scope === 'deployed' ? `[cloud] ${text}` : text;
}

export function renderSarif(report: Report, opts: SarifOptions): SarifLog {
  const ruleIndex = new Map<string, number>(RULES.map((id, i) => [id, i]));
  const seen = new Map<string, number>();
  const seenIdentity = new Map<string, number>();
  const alerts = couldNotCheckFirst(report.findings.filter((f) => !NOT_ALERTS.includes(f.rule)));
  const results: Result[] = alerts.map((f) => {
    const id = identity(f, opts.configPath);
    // Findings alike in all of that (two bad entries in one unnamed place) are told apart by their order.
    const occurrence = (seen.get(id) ?? 0) + 1;
    seen.set(id, occurrence);
    const hash = createHash('sha256')
      .update(occurrence === 1 ? id : `${id}#${occurrence}`)
      .digest('hex');
    const baselineIdentity = findingIdentity(f);
    const identityOccurrence = (seenIdentity.get(baselineIdentity) ?? 0) + 1;
    seenIdentity.set(baselineIdentity, identityOccurrence);

    const file = f.file ?? opts.configPath;
    const line = f.file !== undefined && f.line !== undefined && f.line >= 1 ? f.line : 1;
    const region: { startLine: number; startColumn?: number } = { startLine: line };
    if (f.file !== undefined && f.line !== undefined && f.column !== undefined && f.column >= 1) {
      region.startColumn = f.column;
    }
    const properties: Record<string, unknown> = {};
    for (const key of ['dataSource', 'module', 'resourceGroup', 'scope', 'entry', 'raw', 'uncovered'] as const) {
      if (f[key] !== undefined) properties[key] = f[key];
    }
    return {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule) as number,
      level: LEVEL[f.severity],
      message: { text: scopedMessage(f) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: fileUri(file), uriBaseId: '%SRCROOT%' },
            region
          }
        }
      ],
      partialFingerprints: {
        [FINGERPRINT_KEY]: hash,
        [IDENTITY_FINGERPRINT_KEY]: identityHash(baselineIdentity, identityOccurrence)
      },
      // Resolved findings are not results at all (contract §11); SARIF's `absent` is never written.
      ...(f.baseline !== undefined ? { baselineState: f.baseline } : {}),
      ...(Object.keys(properties).length > 0 ? { properties } : {})
    };
  });

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SARIF_TOOL_NAME,
            ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
            version: opts.toolVersion,
            ...(/^\d+\.\d+\.\d+(?:[-+].*)?$/.test(opts.toolVersion) ? { semanticVersion: opts.toolVersion } : {}),
            rules: ruleDescriptors()
          }
        },
        columnKind: 'utf16CodeUnits',
        results,
        properties: {
          status: report.status,
          resolve: report.resolve,
          summary: { ...report.summary },
          ...sidesProperty(report)
        }
      }
    ]
  };
}
