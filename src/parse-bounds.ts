/**
 * Parsing YAML and JSON of the repository with a bound on nesting. The `yaml` composer and jsonc-parser's tree
 * builder recurse once per level, so a document nested 100,000 deep overflows the stack (and `yaml` then reports
 * "Maximum call stack size exceeded" as a syntax error). Both are checked first with an iterative pass over the
 * parser's tokens, and refused past `MAX_NESTING_DEPTH` with the offset where the limit is crossed.
 */
import { createScanner } from 'jsonc-parser';
import { Composer, Parser } from 'yaml';
import type { CST, Document, DocumentOptions, LineCounter, ParseOptions, SchemaOptions } from 'yaml';
import { MAX_NESTING_DEPTH } from './bounds.js';

/** Where a document first nests deeper than the limit. */
export interface TooDeep {
  offset: number;
  message: string;
}

function tooDeep(offset: number, limit: number): TooDeep {
  return { offset, message: `lists and mappings nest more than ${limit} levels deep here, the limit` };
}

/** The first place in YAML's concrete syntax tree that nests deeper than `limit`, walked without recursion. */
export function yamlTooDeep(tokens: readonly CST.Token[], limit: number = MAX_NESTING_DEPTH): TooDeep | undefined {
  const stack: { token: CST.Token | undefined; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > limit) return tooDeep(token.offset, limit);
      for (const item of token.items) {
        if ('key' in item) stack.push({ token: item.key ?? undefined, depth: depth + 1 });
        stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

export type YamlParseOptions = ParseOptions & DocumentOptions & SchemaOptions & { lineCounter?: LineCounter };

export type BoundedYaml = { documents: Document.Parsed[] } | { tooDeep: TooDeep };

/** Every document of `text`, composed only once the nesting is known to be within the limit. */
export function parseYamlDocuments(text: string, options: YamlParseOptions): BoundedYaml {
  const compact = compactIndicatorsTooDeep(text);
  if (compact) return { tooDeep: withLinesCounted(compact, text, options.lineCounter) };
  let tokens: CST.Token[];
  try {
    tokens = [...new Parser(options.lineCounter?.addNewLine).parse(text)];
  } catch (error) {
    // The CST parser recurses once per open block collection; indentation alone can nest it deep enough to run
    // out of stack before the token walk below can measure anything. The deepest-looking line is where to look.
    if (error instanceof RangeError) {
      const deep = tooDeep(deepestLineOffset(text), MAX_NESTING_DEPTH);
      return { tooDeep: withLinesCounted(deep, text, options.lineCounter) };
    }
    throw error;
  }
  const deep = yamlTooDeep(tokens);
  if (deep) return { tooDeep: deep };
  const documents = [...new Composer(options).compose(tokens, true, text.length)] as Document.Parsed[];
  return { documents };
}

/**
 * The parser counts lines as it goes; when it did not run (or stopped), the caller's counter is filled from the
 * text so that the offset still turns into the right line and column.
 */
function withLinesCounted(deep: TooDeep, text: string, lineCounter: LineCounter | undefined): TooDeep {
  if (lineCounter) {
    lineCounter.lineStarts.length = 0;
    lineCounter.addNewLine(0);
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
  }
  return deep;
}

/**
 * Compact block collections (`- - - x`, `? - x`) open one level per indicator on a single line, and the CST parser
 * recurses through each: a line with far more of them than the limit (here ten times) is refused from the text
 * itself, at the indicator where the line alone passes the limit. Shallower lines are measured exactly after
 * parsing.
 */
function compactIndicatorsTooDeep(text: string, limit: number = MAX_NESTING_DEPTH): TooDeep | undefined {
  const compact = /^[ \t]*(?:[-?:](?:[ \t]+|$))+/gm;
  for (let match = compact.exec(text); match; match = compact.exec(text)) {
    if (match[0].length === 0) {
      compact.lastIndex++;
      continue;
    }
    let count = 0;
    let crossing: number | undefined;
    const indicator = /[-?:](?=[ \t]|$)/g;
    for (let found = indicator.exec(match[0]); found; found = indicator.exec(match[0])) {
      if (++count === limit + 1) crossing = match.index + found.index;
      if (count > 10 * limit) return tooDeep(crossing!, limit);
    }
  }
  return undefined;
}

/** The start of the line with the most leading blanks and block indicators: where deep nesting is likely. */
function deepestLineOffset(text: string): number {
  let best = 0;
  let bestWidth = -1;
  const lead = /^[ \t\-?:]*/gm;
  for (let match = lead.exec(text); match; match = lead.exec(text)) {
    if (match[0].length > bestWidth) {
      bestWidth = match[0].length;
      best = match.index;
    }
    if (match[0].length === 0) lead.lastIndex++;
  }
  return best;
}

/** jsonc-parser's `SyntaxKind` values (a `const enum`, which isolated modules cannot read). */
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** The first `[` or `{` of JSON text that nests deeper than `limit` (strings and comments are skipped). */
export function jsonTooDeep(text: string, limit: number = MAX_NESTING_DEPTH): TooDeep | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind: number = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      depth++;
      if (depth > limit) return tooDeep(scanner.getTokenOffset(), limit);
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}
