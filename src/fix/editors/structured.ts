/**
 * The YAML and JSON editors. The value is found through the parsers the readers use (the `yaml` library's Document,
 * jsonc-parser's tree), following the source's `select`; the edit is made at the node's own offsets, so comments,
 * quoting, flow or block style and every unrelated byte stay as written. A comma-separated JSON string is rewritten
 * with jsonc-parser's `modify`.
 */
import { applyEdits, findNodeAtLocation, modify, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import type { SelectSegment } from '../../whitelists/structured.js';
import { asText, indentationAt, lineEnd, lineEndingOf, lineStart, splice, type EditResult } from './common.js';
import { appendToCommaString, insertIntoList } from './list.js';

/** An entry in the quoting of its neighbour; a plain scalar that would end in `:` is double-quoted. */
function yamlScalar(entry: string, style: Scalar['type'] | undefined): string {
  if (style === Scalar.QUOTE_SINGLE) return `'${entry}'`;
  if (style === Scalar.QUOTE_DOUBLE || entry.endsWith(':')) return JSON.stringify(entry);
  return entry;
}

function followYaml(root: unknown, path: readonly SelectSegment[]): YamlNode | { reason: string } {
  let node: unknown = root;
  for (const segment of path) {
    if (isAlias(node)) return { reason: 'the select passes through a YAML alias, whose anchor may be shared' };
    if (segment.kind === 'key') {
      if (!isMap(node)) return { reason: 'the selected value was not found' };
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment.key);
      if (!pair) return { reason: 'the selected value was not found' };
      node = pair.value;
    } else {
      if (!isSeq(node)) return { reason: 'the selected value was not found' };
      node = node.items[segment.index];
    }
  }
  if (isAlias(node)) return { reason: 'the value is a YAML alias; add the entries at its anchor by hand' };
  if (!node || typeof node !== 'object' || !('range' in node)) return { reason: 'the selected value was not found' };
  return node as YamlNode;
}

export function addYamlEntries(
  text: string,
  path: readonly SelectSegment[],
  entries: readonly string[],
  separator: string
): EditResult {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, reason: 'the YAML file does not parse' };
  const node = followYaml(doc.contents, path);
  if ('reason' in node) return { ok: false, reason: node.reason };
  const range = node.range;
  if (!range) return { ok: false, reason: 'the value has no position in the file' };
  const eol = lineEndingOf(text);
  if (isSeq(node)) {
    const items = node.items.filter((item): item is YamlNode => isScalar(item) || isSeq(item) || isMap(item));
    if (items.length !== node.items.length || items.some((item) => !item.range)) {
      return { ok: false, reason: 'the list holds aliases or empty items; add the entries by hand' };
    }
    const lastItem = items[items.length - 1];
    const style = isScalar(lastItem) ? lastItem.type : undefined;
    if (node.flow) {
      return asText(
        text,
        insertIntoList(
          text,
          {
            open: range[0],
            close: range[1] - 1,
            items: items.map((item) => ({ start: item.range![0], end: item.range![1] }))
          },
          entries.map((entry) =>
            yamlScalar(entry, style ?? (entry.includes(':') ? Scalar.QUOTE_DOUBLE : Scalar.PLAIN))
          ),
          eol
        )
      );
    }
    if (!lastItem) return { ok: false, reason: 'the list is empty' };
    let dash = lastItem.range![0] - 1;
    while (dash > 0 && (text[dash] === ' ' || text[dash] === '\t')) dash--;
    if (text[dash] !== '-' || text.slice(lineStart(text, dash), dash).trim() !== '') {
      return {
        ok: false,
        reason: 'the list item is not written as "- value" on its own line; add the entries by hand'
      };
    }
    const indent = indentationAt(text, dash);
    const end = lineEnd(text, lastItem.range![1]);
    const lines = entries.map((entry) => `${eol}${indent}- ${yamlScalar(entry, style)}`).join('');
    return { ok: true, text: splice(text, end, end, lines) };
  }
  if (isScalar(node) && typeof node.value === 'string') {
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    if (!quoted && node.type !== Scalar.PLAIN) {
      return { ok: false, reason: 'the value is a YAML block scalar; add the entries by hand' };
    }
    const start = quoted ? range[0] + 1 : range[0];
    const end = quoted ? range[1] - 1 : range[1];
    const content = text.slice(start, end);
    if (/[\\'\r\n]/.test(content) || (!quoted && content !== node.value)) {
      return { ok: false, reason: 'the string holds escapes or line breaks; add the entries by hand' };
    }
    const updated = appendToCommaString(content, entries, separator);
    if (!quoted && (updated.endsWith(':') || /: |\s#/.test(updated))) {
      return { ok: false, reason: 'the entries cannot be written in this plain YAML string; quote it first' };
    }
    return { ok: true, text: splice(text, start, end, updated) };
  }
  return { ok: false, reason: 'the selected value is neither a list nor a string' };
}

function indentationOptions(text: string, eol: string): { insertSpaces: boolean; tabSize: number; eol: string } {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  return indent.startsWith('\t')
    ? { insertSpaces: false, tabSize: 1, eol }
    : { insertSpaces: true, tabSize: indent.length, eol };
}

export function addJsonEntries(
  text: string,
  path: readonly SelectSegment[],
  entries: readonly string[],
  separator: string
): EditResult {
  const tree = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  if (!tree) return { ok: false, reason: 'the JSON file does not parse' };
  const jsonPath = path.map((segment) => (segment.kind === 'key' ? segment.key : segment.index));
  const node: JsonNode | undefined = jsonPath.length === 0 ? tree : findNodeAtLocation(tree, jsonPath);
  if (!node) return { ok: false, reason: 'the selected value was not found' };
  const eol = lineEndingOf(text);
  if (node.type === 'array') {
    const items = (node.children ?? []).map((child) => ({ start: child.offset, end: child.offset + child.length }));
    return asText(
      text,
      insertIntoList(
        text,
        { open: node.offset, close: node.offset + node.length - 1, items },
        entries.map((entry) => JSON.stringify(entry)),
        eol
      )
    );
  }
  if (node.type === 'string' && typeof node.value === 'string') {
    const updated = appendToCommaString(node.value, entries, separator);
    if (jsonPath.length === 0)
      return { ok: true, text: splice(text, node.offset, node.offset + node.length, JSON.stringify(updated)) };
    const edits = modify(text, jsonPath, updated, { formattingOptions: indentationOptions(text, eol) });
    return { ok: true, text: applyEdits(text, edits) };
  }
  return { ok: false, reason: 'the selected value is neither an array nor a string' };
}
