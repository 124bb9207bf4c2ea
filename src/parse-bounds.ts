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
  const tokens = [...new Parser(options.lineCounter?.addNewLine).parse(text)];
  const deep = yamlTooDeep(tokens);
  if (deep) return { tooDeep: deep };
  const documents = [...new Composer(options).compose(tokens, true, text.length)] as Document.Parsed[];
  return { documents };
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
