/**
 * Fitting Markdown into GitHub's size limits: the job summary (bytes) and comment or issue bodies (characters).
 * The renderer cuts whole sections to fit `maxChars` and says so; this module picks the budget and keeps a last
 * short fallback so a limit is never exceeded, whatever the renderer returns.
 */

/** A step summary over this many bytes is dropped whole by GitHub. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** One UTF-16 code unit is at most 3 UTF-8 bytes (a surrogate pair, 2 units, is 4 bytes). */
const MAX_BYTES_PER_CHAR = 3;

export type RenderWithin = (maxChars: number | undefined) => string;

export interface FittedText {
  text: string;
  /** `full`: as rendered; `cut`: the renderer cut sections; `fallback`: the short text. */
  form: 'full' | 'cut' | 'fallback';
}

/** The job summary: the full report when it fits in 1 MiB, else a version cut to fit, else the fallback. */
export function fitSummary(render: RenderWithin, fallback: string, limitBytes = SUMMARY_LIMIT_BYTES): FittedText {
  const full = render(undefined);
  if (Buffer.byteLength(full, 'utf8') <= limitBytes) return { text: full, form: 'full' };
  const cut = render(Math.floor(limitBytes / MAX_BYTES_PER_CHAR));
  if (Buffer.byteLength(cut, 'utf8') <= limitBytes) return { text: cut, form: 'cut' };
  return { text: fallback, form: 'fallback' };
}

/** A comment or issue body of at most `limitChars` characters, `prefix` (the marker) included. */
export function fitBody(prefix: string, render: RenderWithin, fallback: string, limitChars: number): FittedText {
  const room = limitChars - prefix.length - 1;
  const full = `${prefix}\n${render(room)}`;
  if (full.length <= limitChars) return { text: full, form: 'full' };
  return { text: `${prefix}\n${fallback}`.slice(0, limitChars), form: 'fallback' };
}
