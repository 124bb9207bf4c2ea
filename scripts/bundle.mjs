// Builds dist/: the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc, then copies the
// tree-sitter WASM files that ncc cannot see (they are loaded from computed paths) into dist/wasm/.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync, readFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ncc = path.join(path.dirname(require.resolve('@vercel/ncc/package.json')), 'dist/ncc/cli.js');

rmSync('dist', { recursive: true, force: true });
const entries = [
  ['src/index.ts', 'dist'],
  ['src/cli/main.ts', 'dist/cli']
];
for (const [entry, out] of entries) {
  if (!existsSync(entry)) continue;
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      entry,
      '-o',
      out,
      '--target',
      'es2022',
      '--no-source-map-register',
      '-q',
      '--license',
      'licenses.txt'
    ],
    { stdio: 'inherit' }
  );
}

// web-tree-sitter's own ESM file ships beside its WASM: bundled by ncc, its `import("module")` loses
// createRequire, so the Terraform reader loads it at run time from dist/wasm/ instead.
const wasm = [
  ['web-tree-sitter/web-tree-sitter.wasm', ['web-tree-sitter.wasm', 'web-tree-sitter.js']],
  ['@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', ['tree-sitter-terraform.wasm']]
];
mkdirSync('dist/wasm', { recursive: true });
for (const [anchor, files] of wasm) {
  const dir = path.dirname(require.resolve(anchor));
  for (const file of files) cpSync(path.join(dir, file), path.join('dist/wasm', file));
}

const cli = 'dist/cli/index.js';
if (existsSync(cli)) {
  const text = readFileSync(cli, 'utf8');
  if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
  chmodSync(cli, 0o755);
}
