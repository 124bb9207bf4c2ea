/**
 * An unexpected exception (a bug) caught at an engine or edge boundary becomes an `internal-error` finding
 * (contract §13) or one line on stderr: the user learns what could not be checked and how to report it, never a
 * stack trace or JavaScript's own wording. The exception's detail goes to the debug log only.
 */
import type { Logger } from './io.js';
import type { Finding, SourcePosition } from './model.js';
import { sanitizeTerminal, truncate } from './report/escape.js';
import { TOOL_NAME, VERSION } from './version.js';

/** Longest exception detail written to the debug log. */
const DETAIL_MAX_CHARS = 300;

/** How to report an internal error: the sentence every internal-error message and line ends with. */
export const HOW_TO_REPORT =
  `This is a bug in ${TOOL_NAME} ${VERSION}: please open an issue in its repository with the version and the ` +
  `shape of the input (the file format and the construct, not its contents or any secret); ` +
  `DATAWORKS_WHITELIST_GUARD_DEBUG=1 (CLI) or step debug logging (action) shows the detail.`;

/** The message of an internal error that happened while doing `what` (a clause like `while reading …`). */
export function internalErrorMessage(what: string): string {
  return `internal error ${what}; the check is incomplete. ${HOW_TO_REPORT}`;
}

/** One line describing a caught exception, for the debug log: its name and message, without the stack. */
export function exceptionDetail(error: unknown): string {
  let text: string;
  if (error instanceof Error) text = `${error.name}: ${error.message}`;
  else if (typeof error === 'string') text = error;
  else text = 'a value that is not an Error was thrown';
  return truncate(sanitizeTerminal(text), DETAIL_MAX_CHARS);
}

export interface InternalErrorPlace extends Partial<SourcePosition> {
  dataSource?: string;
}

/**
 * The `internal-error` finding for an exception caught while doing `what`, at `place` (a data source and the
 * position of what was being processed, when known). The detail is logged at debug level.
 */
export function internalErrorFinding(
  what: string,
  error: unknown,
  place: InternalErrorPlace,
  logger?: Logger
): Finding {
  logger?.debug(`internal error ${what}: ${exceptionDetail(error)}`);
  const { dataSource, file, line, column } = place;
  return {
    rule: 'internal-error',
    severity: 'error',
    message: internalErrorMessage(what),
    ...(dataSource !== undefined ? { dataSource } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(file !== undefined && line !== undefined ? { line } : {}),
    ...(file !== undefined && line !== undefined && column !== undefined ? { column } : {})
  };
}

/**
 * Whether `error` is an operating-system failure (it carries an errno code such as `EACCES` or `EIO`): the
 * environment's problem, reported as such, not a bug of the tool.
 */
export function systemErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

const SYSTEM_ERROR_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOENT: 'no such file or directory',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many levels of symbolic links',
  EPIPE: 'the reading end was closed',
  EBUSY: 'resource busy',
  EEXIST: 'a file already exists there'
};

/** Plain words for an operating-system error code, with the code: `no space left on device (ENOSPC)`. */
export function describeSystemError(code: string): string {
  const words = SYSTEM_ERROR_WORDS[code];
  return words ? `${words} (${code})` : `system error ${code}`;
}
