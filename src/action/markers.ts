/**
 * Hidden markers that identify this action's PR comment and audit issue per `comment-key`. Found by marker, never
 * by author login: the token's user differs between GITHUB_TOKEN, apps and PATs.
 */

export type MarkerKind = 'comment' | 'audit-issue' | 'suggestion' | 'fix-pull-request';

/**
 * `<!-- dataworks-whitelist-guard:comment key=… -->`. The key is percent-encoded, so it cannot close the HTML
 * comment (`>` is encoded) nor be a prefix of another key's marker (the marker ends right after the key).
 */
export function marker(kind: MarkerKind, key: string): string {
  return `<!-- dataworks-whitelist-guard:${kind} key=${encodeURIComponent(key)} -->`;
}

export function hasMarker(body: string | null | undefined, markerText: string): boolean {
  return typeof body === 'string' && body.includes(markerText);
}

/** Compares bodies as GitHub stores them: it may turn `\n` into `\r\n` and drop trailing blanks. */
export function sameBody(a: string, b: string): boolean {
  const normalize = (text: string): string => text.replace(/\r\n/g, '\n').trimEnd();
  return normalize(a) === normalize(b);
}
