/**
 * The configuration loader (contract §2): YAML text in, a typed Config with source positions out, or every
 * problem of the file as positioned `invalid-config` findings. It never throws on bad input.
 */
import type { Config, Finding } from '../model.js';
import { describeFileError, fileErrorCode } from '../io.js';
import type { RepoFiles } from '../io.js';
import { buildConfig } from './build.js';
import { shapeFindings } from './issues.js';
import { buildConfigJsonSchema } from './schema.js';
import type { ConfigInput } from './schema.js';
import { semanticFindings } from './semantics.js';
import { parseYaml } from './yaml-source.js';

export interface LoadConfigResult {
  /** Present only when there are no `invalid-config` findings. */
  config?: Config;
  findings: Finding[];
}

/** Stable order: by position, then message; the same problem reported twice is reported once. */
function ordered(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .filter((finding) => {
      const key = `${finding.line}:${finding.column}:${finding.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(
      (a, b) =>
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
    );
}

/** Parses and validates config text; `file` is the repository-relative path that findings name. */
/**
 * The last config parsed, by file and text: `fix` and a baseline check load the same config several times in one
 * run, and a config of thousands of data sources takes a noticeable time to parse. The result is frozen, so the
 * copy handed out twice cannot be changed by either holder.
 */
let lastParsed: { text: string; file: string; result: LoadConfigResult } | undefined;

export function parseConfig(text: string, file: string): LoadConfigResult {
  if (lastParsed && lastParsed.text === text && lastParsed.file === file) return lastParsed.result;
  const result = deepFreeze(parseConfigText(text, file));
  lastParsed = { text, file, result };
  return result;
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
  return value;
}

function parseConfigText(text: string, file: string): LoadConfigResult {
  const parsed = parseYaml(text, file);
  if (!('data' in parsed)) return { findings: ordered(parsed.findings) };
  const { data, source } = parsed;
  const findings = ordered([...shapeFindings(data, source), ...semanticFindings(data, source)]);
  if (findings.length > 0) return { findings };
  // The data itself, not zod's copy of it: the shape check passed, and the copy would turn a data source named
  // `__proto__` into the copy's prototype. Names are ordinary names.
  const input = data as ConfigInput;
  return { config: buildConfig(input, source, file), findings: [] };
}

/** Reads and validates the config file; a missing or unreadable file is an `invalid-config` finding. */
export async function loadConfig(files: RepoFiles, file: string): Promise<LoadConfigResult> {
  let text: string;
  try {
    text = await files.readText(file);
  } catch (error) {
    const message =
      fileErrorCode(error) === 'ENOENT'
        ? `configuration file ${JSON.stringify(file)} not found; create it or point the config input (--config) at it`
        : `configuration file ${JSON.stringify(file)} ${describeFileError(error)}`;
    return { findings: [{ rule: 'invalid-config', severity: 'error', message, file }] };
  }
  return parseConfig(text, file);
}

/** JSON Schema (draft 2020-12) of the configuration, for editors; shipped as schema/dataworks-whitelist.schema.json. */
export const configJsonSchema: object = buildConfigJsonSchema();
