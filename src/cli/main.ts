/** Entry of the `dataworks-whitelist-guard` command (bundled to dist/cli/index.js). */
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd()
});
