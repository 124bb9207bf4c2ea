/**
 * "Did you mean …?" for names a user mistyped: config keys, enum values, CLI flags and commands. Pure and bounded:
 * the input comes from a pull request, so a candidate whose length differs from the input by more than the
 * allowed distance is never compared at all, and no comparison costs more than (short candidate)² steps.
 */

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein restricted to adjacent transpositions): the number of
 * single-character insertions, deletions, substitutions and swaps of two neighbours that turn `a` into `b`.
 * Above `limit` it returns `limit + 1` early, so a hopeless pair costs one row at most.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  // Three rows suffice: the current one, the previous one and the one before it (for transpositions).
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current[j] = value;
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/**
 * How far a typo may be from the name it was meant to be: one edit for short names, one more per three
 * characters, at most three. A generous bound is safe here because a suggestion only ever accompanies an
 * error the input already has.
 */
export function typoDistance(name: string): number {
  return Math.min(3, Math.max(1, Math.floor(name.length / 3)));
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/**
 * The candidates closest to `input` (compared without regard to case), if any lies within the typo distance of
 * that candidate and closer than the input is long (so `x` never suggests `id`). Among equally close ones, those
 * sharing the longest beginning with the input win (`ofline` means `offline`, not `online`); remaining ties are
 * all returned, in candidate order, at most three.
 */
export function closestNames(input: string, candidates: readonly string[]): string[] {
  const needle = input.toLowerCase();
  let best = { distance: Number.POSITIVE_INFINITY, prefix: 0 };
  let matches: string[] = [];
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const lower = candidate.toLowerCase();
    const limit = Math.min(typoDistance(candidate), Math.max(0, needle.length - 1));
    const distance = editDistance(needle, lower, limit);
    if (distance > limit) continue;
    const prefix = commonPrefixLength(needle, lower);
    if (distance > best.distance || (distance === best.distance && prefix < best.prefix)) continue;
    if (distance < best.distance || prefix > best.prefix) {
      best = { distance, prefix };
      matches = [];
    }
    if (!matches.includes(candidate)) matches.push(candidate);
  }
  return matches.slice(0, 3);
}

/** `did you mean a?`, `did you mean a or b?`; `decorate` formats each name (e.g. adds `--`). */
export function didYouMeanText(names: readonly string[], decorate: (name: string) => string = (n) => n): string {
  if (names.length === 0) return '';
  const shown = names.map(decorate);
  const list = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
  return `did you mean ${list}?`;
}

/** `; did you mean a?` to append to a message, or nothing when no candidate is close. */
export function didYouMean(input: unknown, candidates: readonly string[], decorate?: (name: string) => string): string {
  if (typeof input !== 'string') return '';
  const text = didYouMeanText(closestNames(input, candidates), decorate);
  return text ? `; ${text}` : '';
}
