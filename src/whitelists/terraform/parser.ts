/**
 * Loads tree-sitter (WASM) and the Terraform grammar once per process, on first use.
 *
 * The bundles (dist/index.js, dist/cli/index.js) carry web-tree-sitter.js, web-tree-sitter.wasm and
 * tree-sitter-terraform.wasm in dist/wasm/, because the bundler cannot see files loaded from computed paths; from
 * the sources (jest, tsx) they come from node_modules.
 */
import { existsSync, promises as fsp } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as TreeSitter from 'web-tree-sitter';
import type { Parser } from 'web-tree-sitter';

const RUNTIME_JS = 'web-tree-sitter.js';
const RUNTIME_WASM = 'web-tree-sitter.wasm';
const GRAMMAR_WASM = 'tree-sitter-terraform.wasm';

/**
 * Where each file is in node_modules: a file the package lets us resolve, next to which it lies (web-tree-sitter
 * exports its WASM but not its ESM file by name).
 */
const INSTALLED: Record<string, { resolvable: string; sibling: string }> = {
  [RUNTIME_JS]: { resolvable: 'web-tree-sitter/web-tree-sitter.wasm', sibling: RUNTIME_JS },
  [RUNTIME_WASM]: { resolvable: 'web-tree-sitter/web-tree-sitter.wasm', sibling: RUNTIME_WASM },
  [GRAMMAR_WASM]: {
    resolvable: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
    sibling: GRAMMAR_WASM
  }
};

/** Thrown when the parser's files cannot be found or loaded: an installation problem, not the user's input. */
export class ParserLoadError extends Error {
  override name = 'ParserLoadError';
}

/**
 * Where one of the parser's files is: next to the bundle (`./wasm/`, `../wasm/`), else in node_modules.
 * The bundles carry web-tree-sitter's own ESM file there too: bundled, its `import("module")` loses
 * `createRequire` to the bundler's interop, so it is loaded as it ships, with a native `import()`.
 */
export function locateParserFile(file: string, moduleUrl: string = import.meta.url): string {
  const here = path.dirname(fileURLToPath(moduleUrl));
  const candidates = [path.join(here, 'wasm', file), path.join(here, '..', 'wasm', file)];
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  const installed = INSTALLED[file];
  if (installed) {
    try {
      const found = path.join(path.dirname(createRequire(moduleUrl).resolve(installed.resolvable)), installed.sibling);
      if (existsSync(found)) return found;
    } catch {
      // Reported below with the places that were tried.
    }
  }
  throw new ParserLoadError(`cannot find ${file}: looked in ${candidates.join(', ')} and in node_modules`);
}

let loading: Promise<Parser> | undefined;
let loaded: Parser | undefined;
/**
 * Each discarded parser's WASM instance is left behind whole: an aborted instance fails every later call
 * (`Aborted()`), so the next parser comes from a fresh instance of the runtime, imported anew.
 */
let generation = 0;

/** The shared parser, loaded on first call. A failed load is not cached, so a later call can retry. */
export function loadTerraformParser(): Promise<Parser> {
  if (loading) return loading;
  const instance = generation;
  const load = createParser(instance).then(
    (parser) => {
      if (instance === generation) loaded = parser;
      return parser;
    },
    (error: unknown) => {
      if (loading === load) loading = undefined;
      throw error instanceof ParserLoadError
        ? error
        : new ParserLoadError(
            `cannot load the Terraform parser: ${error instanceof Error ? error.message : String(error)}`
          );
    }
  );
  loading = load;
  return load;
}

/** The parser that loadTerraformParser last gave, unless it has been discarded since. */
export function loadedTerraformParser(): Parser | undefined {
  return loaded;
}

/**
 * Drops the shared parser after it failed (a WASM abort leaves its instance unusable): the next
 * loadTerraformParser call builds a new one in a fresh instance. Nothing of the old instance may be called
 * again, not even to free it.
 */
export function discardTerraformParser(): void {
  loading = undefined;
  loaded = undefined;
  generation += 1;
}

async function createParser(instance: number): Promise<Parser> {
  const moduleUrl = pathToFileURL(locateParserFile(RUNTIME_JS)).href + (instance === 0 ? '' : `?instance=${instance}`);
  const { Parser, Language } = (await import(/* webpackIgnore: true */ moduleUrl)) as typeof TreeSitter;
  const runtime = locateParserFile(RUNTIME_WASM);
  const grammar = locateParserFile(GRAMMAR_WASM);
  await Parser.init({ locateFile: () => runtime });
  const language = await Language.load(await fsp.readFile(grammar));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
