/**
 * Loads tree-sitter (WASM) and the Terraform grammar once per process, on first use.
 *
 * The bundles (dist/index.js, dist/cli/index.js) carry the WASM files in dist/wasm/, because the bundler cannot
 * see files loaded from computed paths; from the sources (jest, tsx) they come from node_modules.
 */
import { existsSync, promises as fsp } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

const RUNTIME_WASM = 'web-tree-sitter.wasm';
const GRAMMAR_WASM = 'tree-sitter-terraform.wasm';
const PACKAGE_OF: Record<string, string> = {
  [RUNTIME_WASM]: 'web-tree-sitter',
  [GRAMMAR_WASM]: '@tree-sitter-grammars/tree-sitter-hcl'
};

/** Thrown when the WASM files cannot be found or loaded: an installation problem, not the user's input. */
export class ParserLoadError extends Error {
  override name = 'ParserLoadError';
}

/** Where a WASM file is: next to the bundle (`./wasm/`, `../wasm/`), else in node_modules. */
export function locateWasm(file: string, moduleUrl: string = import.meta.url): string {
  const here = path.dirname(fileURLToPath(moduleUrl));
  const candidates = [path.join(here, 'wasm', file), path.join(here, '..', 'wasm', file)];
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  const packageName = PACKAGE_OF[file];
  if (packageName) {
    try {
      // Built from parts so that the bundler does not try to resolve it at build time.
      const specifier = [packageName, file].join('/');
      return createRequire(moduleUrl).resolve(specifier);
    } catch {
      // Reported below with the places that were tried.
    }
  }
  throw new ParserLoadError(
    `cannot find ${file}: looked in ${candidates.join(', ')} and in node_modules/${packageName ?? '?'}`
  );
}

let loading: Promise<Parser> | undefined;

/** The shared parser, loaded on first call. A failed load is not cached, so a later call can retry. */
export function loadTerraformParser(): Promise<Parser> {
  loading ??= createParser().catch((error: unknown) => {
    loading = undefined;
    throw error instanceof ParserLoadError
      ? error
      : new ParserLoadError(
          `cannot load the Terraform parser: ${error instanceof Error ? error.message : String(error)}`
        );
  });
  return loading;
}

async function createParser(): Promise<Parser> {
  const runtime = locateWasm(RUNTIME_WASM);
  const grammar = locateWasm(GRAMMAR_WASM);
  await Parser.init({ locateFile: () => runtime });
  const language = await Language.load(await fsp.readFile(grammar));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
