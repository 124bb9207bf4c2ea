/**
 * Standard output that cannot be written (contract §6 edges): a reader that went away (`… | head -c 10`, EPIPE)
 * ends the run quietly, as other command-line tools do; a full disk (`> /dev/full`, ENOSPC) or any other write
 * error is one line on stderr and exit status 2 (could not check: the report was not delivered). Never an
 * unhandled 'error' event with a stack trace.
 */
import { describeSystemError, systemErrorCode } from '../internal-error.js';
import { TOOL_NAME } from '../version.js';

interface ErrorEmitter {
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

export interface StandardStreams {
  stdout: ErrorEmitter;
  stderr: ErrorEmitter & { write(text: string): unknown };
}

export interface OutputGuard {
  /** Whether writing the report to standard output failed for a reason other than a closed reader. */
  readonly failed: boolean;
}

/** Exit status when the report could not be written (the same as "could not check"). */
export const OUTPUT_FAILED_EXIT = 2;

/**
 * Handles write errors of stdout and stderr. `onFailure` runs once, on the first stdout failure that is not a
 * closed pipe (the CLI sets exit status 2 there, whenever the error arrives).
 */
export function guardStandardStreams(streams: StandardStreams, onFailure: () => void): OutputGuard {
  const state = { failed: false };
  streams.stdout.on('error', (error) => {
    const code = systemErrorCode(error);
    if (code === 'EPIPE' || state.failed) return;
    state.failed = true;
    const reason = code === undefined ? 'the stream failed' : describeSystemError(code);
    try {
      streams.stderr.write(`${TOOL_NAME}: could not write the report to standard output: ${reason}\n`);
    } catch {
      // stderr is gone too: the exit status still tells.
    }
    onFailure();
  });
  // Nowhere is left to say that stderr failed; the exit status still tells the result.
  streams.stderr.on('error', () => undefined);
  return state;
}
