/**
 * Turns zod issues into positioned `invalid-config` findings: the key for an unknown key, the value for a wrong
 * value, the owning entry for a missing key. Messages say what was expected and what was found.
 */
import type { z } from 'zod';
import type { Finding } from '../model.js';
import { regionForMalformed } from '../regions.js';
import { didYouMean, didYouMeanText } from '../suggest.js';
import { REGION_FORMAT_MESSAGE, allowedKeysOf, configSchema } from './schema.js';
import { invalidConfig, isPlainObject } from './yaml-source.js';
import type { DataPath, PathSegment, YamlSource } from './yaml-source.js';

/** `dataSources.orders-rds.whitelist[0].file`; keys that are not plain words are quoted. */
export function pathText(path: DataPath): string {
  if (path.length === 0) return 'the top level';
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[A-Za-z0-9_-]+$/.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  string: 'a string',
  int: 'an integer',
  number: 'a number',
  boolean: 'true or false'
};

function got(input: unknown): string {
  return input === undefined ? '' : `; got ${describeValue(input)}`;
}

/** The per-parse error map: path-free messages; the path is added where the finding is made. */
function messageFor(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}${got(issue.input)}`;
    case 'invalid_value': {
      const values = issue.values.map((value) => String(value));
      const expected = values.length === 1 ? values[0] : `one of: ${values.join(', ')}`;
      return `expected ${expected}${got(issue.input)}${didYouMean(issue.input, values)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') {
        return `expected at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      }
      if (issue.origin === 'string') return 'expected a non-empty string';
      return `expected at least ${issue.minimum}${got(issue.input)}`;
    case 'too_big':
      return `expected at most ${issue.maximum}${got(issue.input)}`;
    case 'invalid_format':
      return `expected ${issue.format}`;
    default:
      return undefined;
  }
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isPlainObject(value) && Object.hasOwn(value, segment)) value = value[String(segment)];
    else return undefined;
  }
  return value;
}

function isMissingKey(data: unknown, path: DataPath): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(data, path.slice(0, -1));
  return isPlainObject(parent) && !Object.hasOwn(parent, path[path.length - 1]);
}

function asPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

/** A union branch whose only issue is "wrong kind at the root" did not match the shape the user wrote. */
function isKindMismatch(issues: readonly z.core.$ZodIssue[]): boolean {
  return issues.length === 1 && issues[0].code === 'invalid_type' && issues[0].path.length === 0;
}

function issueFindings(issues: readonly z.core.$ZodIssue[], base: DataPath, data: unknown, source: YamlSource) {
  const findings: Finding[] = [];
  for (const issue of issues) {
    const path = [...base, ...asPath(issue.path)];
    switch (issue.code) {
      case 'invalid_union': {
        const matching = issue.errors.find((branch) => !isKindMismatch(branch));
        if (matching) {
          findings.push(...issueFindings(matching, path, data, source));
        } else {
          const kinds = issue.errors.flatMap((branch) =>
            branch[0]?.code === 'invalid_type' ? [TYPE_NAMES[branch[0].expected] ?? branch[0].expected] : []
          );
          const message = `expected ${kinds.join(' or ')}${got(valueAt(data, path))}`;
          findings.push(positioned(path, message, data, source));
        }
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          findings.push(
            invalidConfig(
              source.ownerPos([...path, key]),
              `unknown key ${describeValue(key)} in ${pathText(path)}; ${issue.message}` +
                didYouMean(key, allowedKeysOf(issue.message))
            )
          );
        }
        break;
      case 'invalid_key': {
        const name = path[path.length - 1];
        const reason = issue.issues.map((inner) => `${inner.message}${formatHint(inner.message, name)}`).join('; ');
        findings.push(
          invalidConfig(
            source.ownerPos(path),
            `invalid name ${describeValue(String(name))} in ${pathText(path.slice(0, -1))}: ${reason}`
          )
        );
        break;
      }
      case 'invalid_format': {
        // Custom format messages (region, date, name) cannot see the input; the value is added here.
        const value = valueAt(data, path);
        findings.push(
          positioned(path, `${issue.message}${got(value)}${formatHint(issue.message, value)}`, data, source)
        );
        break;
      }
      default:
        findings.push(positioned(path, issue.message, data, source));
    }
  }
  return findings;
}

/** For a value not even shaped like a region ID, the known region it most likely means. */
function formatHint(message: string, value: unknown): string {
  if (message !== REGION_FORMAT_MESSAGE || typeof value !== 'string') return '';
  const meant = regionForMalformed(value);
  return meant.length > 0 ? `; ${didYouMeanText(meant)}` : '';
}

function positioned(path: DataPath, message: string, data: unknown, source: YamlSource): Finding {
  if (isMissingKey(data, path)) {
    const key = path[path.length - 1];
    const owner = path.slice(0, -1);
    return invalidConfig(
      source.ownerPos(owner),
      `missing key ${JSON.stringify(key)} in ${pathText(owner)}; ${message}`
    );
  }
  return invalidConfig(source.valuePos(path), `${pathText(path)}: ${message}`);
}

/** Every shape problem of the document at once. */
export function shapeFindings(data: unknown, source: YamlSource): Finding[] {
  const result = configSchema.safeParse(data, { error: messageFor });
  return result.success ? [] : issueFindings(result.error.issues, [], data, source);
}
