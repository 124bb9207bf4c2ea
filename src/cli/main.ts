/** Entry of the `dataworks-whitelist-guard` command (bundled to dist/cli/index.js). */
import { runCli } from './run.js';
import { guardStandardStreams, OUTPUT_FAILED_EXIT } from './streams.js';

/** The working directory, or `undefined` when it was deleted before the run (process.cwd() then throws). */
function workingDirectory(): string | undefined {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

const output = guardStandardStreams({ stdout: process.stdout, stderr: process.stderr }, () => {
  process.exitCode = OUTPUT_FAILED_EXIT;
});

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: workingDirectory()
});
process.exitCode = output.failed ? OUTPUT_FAILED_EXIT : code;
