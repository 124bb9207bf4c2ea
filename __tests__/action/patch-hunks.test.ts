import { MAX_PATCH_CHARS, patchLines, withinOneRange } from '../../src/action/patch-hunks.js';
import { lineChanges, unifiedDiff } from '../../src/fix/line-changes.js';
import { fenceFor, splitSuggestions, suggestionBody, suggestionIdOf } from '../../src/action/suggestions.js';
import { marker } from '../../src/action/markers.js';

describe('patchLines: the new-version lines a pull request diff shows', () => {
  it('reads context and added lines of every hunk', () => {
    const patch = [
      '@@ -1,3 +1,4 @@ header text',
      ' 192.0.2.1',
      '+192.0.2.2',
      ' 192.0.2.3',
      '-192.0.2.4',
      '+192.0.2.5',
      '@@ -20,2 +21,3 @@',
      ' a',
      '+b',
      ' c'
    ].join('\n');
    expect(patchLines(patch)).toEqual({
      ranges: [
        { start: 1, end: 4 },
        { start: 21, end: 23 }
      ]
    });
  });

  it('accepts counts left out (one line) and the "no newline" marker', () => {
    expect(patchLines('@@ -0,0 +1 @@\n+198.51.100.7\n\\ No newline at end of file').ranges).toEqual([
      { start: 1, end: 1 }
    ]);
  });

  it('a hunk that only removes lines shows no new lines', () => {
    expect(patchLines('@@ -3,2 +2,0 @@\n-a\n-b').ranges).toEqual([]);
  });

  it.each([
    ['absent', undefined],
    ['not a string', { toString: 1 }],
    ['no header', 'plain text\n+x'],
    ['a hunk longer than its header', '@@ -1,1 +1,1 @@\n a\n+b'],
    ['a hunk shorter than its header', '@@ -1,3 +1,3 @@\n a'],
    ['an unknown line kind', '@@ -1,2 +1,2 @@\n a\n*b'],
    ['hunks out of order', '@@ -5,1 +5,1 @@\n a\n@@ -1,1 +1,1 @@\n b'],
    ['line numbers past any real file', '@@ -1,1 +999999999,1 @@\n a'],
    ['a header with a huge number', `@@ -1,1 +1,${'9'.repeat(400)} @@\n a`],
    ['a hunk starting at line 0', '@@ -1,1 +0,1 @@\n a'],
    ['a prototype name', '__proto__'],
    ['too large', `@@ -1,1 +1,1 @@\n ${'x'.repeat(MAX_PATCH_CHARS)}`]
  ])('a patch that is %s yields no lines and says why, without throwing', (_name, patch) => {
    const result = patchLines(patch);
    expect(result.ranges).toEqual([]);
    expect(result.problem).toMatch(/\w/);
    expect(result.problem).not.toMatch(/undefined|NaN|\[object/);
  });

  it('a patch of 40,000 one-line hunks is parsed in bounded time', () => {
    const hunks = Array.from({ length: 40_000 }, (_, i) => `@@ -${i * 2 + 1},1 +${i * 2 + 1},1 @@\n x`).join('\n');
    const started = Date.now();
    const result = patchLines(hunks);
    expect(result.ranges).toHaveLength(40_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('withinOneRange: a multi-line comment may not span two hunks', () => {
    const ranges = [
      { start: 1, end: 4 },
      { start: 10, end: 12 }
    ];
    expect(withinOneRange(ranges, 2, 4)).toBe(true);
    expect(withinOneRange(ranges, 11, 11)).toBe(true);
    expect(withinOneRange(ranges, 4, 10)).toBe(false);
    expect(withinOneRange(ranges, 5, 5)).toBe(false);
    expect(withinOneRange([], 1, 1)).toBe(false);
  });
});

describe('lineChanges and unifiedDiff', () => {
  it('finds separate insertions in one file', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nX\nc\nd\ne\nf\ng\nY\nh\n';
    expect(lineChanges(before, after)).toEqual([
      { beforeStart: 2, beforeCount: 0, after: ['X\n'] },
      { beforeStart: 7, beforeCount: 0, after: ['Y\n'] }
    ]);
  });

  it('prints a diff that git apply reads, with line numbers and context', () => {
    const diff = unifiedDiff('w.txt', '192.0.2.1\n192.0.2.3\n', '192.0.2.1\n192.0.2.2\n192.0.2.3\n');
    expect(diff).toBe(
      ['--- a/w.txt', '+++ b/w.txt', '@@ -1,2 +1,3 @@', ' 192.0.2.1', '+192.0.2.2', ' 192.0.2.3', ''].join('\n')
    );
    expect(unifiedDiff('w.txt', 'same\n', 'same\n')).toBe('');
  });

  it('says when the last line has no newline', () => {
    const diff = unifiedDiff('w.txt', 'a', 'a\nb');
    expect(diff).toContain('-a\n\\ No newline at end of file\n+a\n+b\n\\ No newline at end of file\n');
  });

  it('past the distance bound, the differing middle is one change (still exact)', () => {
    const before = Array.from({ length: 50 }, (_, i) => `${i}\n`).join('');
    const after = Array.from({ length: 50 }, (_, i) => `${i % 2 ? i : -i}\n`).join('');
    const changes = lineChanges(before, after, 4);
    expect(changes).toHaveLength(1);
  });
});

describe('splitSuggestions', () => {
  const before = ['whitelist:', '  - 192.0.2.0/24', '  - 198.51.100.0/24', 'other: 1', ''].join('\n');
  const after = ['whitelist:', '  - 192.0.2.0/24', '  - 198.51.100.0/24', '  - 203.0.113.7/32', 'other: 1', ''].join(
    '\n'
  );

  it('an insertion inside the diff repeats its anchor line', () => {
    const split = splitSuggestions('w.yml', before, after, [{ start: 1, end: 4 }]);
    expect(split.outside).toEqual([]);
    expect(split.suggestions).toEqual([
      { path: 'w.yml', line: 3, replacement: ['  - 198.51.100.0/24', '  - 203.0.113.7/32'], id: expect.any(String) }
    ]);
  });

  it('an insertion outside the diff is left for the patch', () => {
    const split = splitSuggestions('w.yml', before, after, [{ start: 1, end: 2 }]);
    expect(split.suggestions).toEqual([]);
    expect(split.outside).toHaveLength(1);
  });

  it('a replaced range becomes a multi-line suggestion', () => {
    const split = splitSuggestions('w.txt', 'a\nb\nc\nd\n', 'a\nB\nC\nd\n', [{ start: 1, end: 4 }]);
    expect(split.suggestions).toEqual([
      { path: 'w.txt', startLine: 2, line: 3, replacement: ['B', 'C'], id: expect.any(String) }
    ]);
  });

  it('an insertion before the first line repeats the first line after it', () => {
    const split = splitSuggestions('w.txt', 'a\n', 'new\na\n', [{ start: 1, end: 1 }]);
    expect(split.suggestions[0]).toMatchObject({ line: 1, replacement: ['new', 'a'] });
  });

  it('never suggests text holding control characters (the body would be cleaned, changing the commit)', () => {
    const split = splitSuggestions('w.txt', 'a\n', 'a\n\u202e192.0.2.1\n', [{ start: 1, end: 2 }]);
    expect(split.suggestions).toEqual([]);
    expect(split.outside).toHaveLength(1);
  });

  it('keeps CRLF files: the suggestion carries the lines without their endings', () => {
    const split = splitSuggestions('w.txt', 'a\r\nb\r\n', 'a\r\nx\r\nb\r\n', [{ start: 1, end: 2 }]);
    expect(split.suggestions[0]).toMatchObject({ line: 1, replacement: ['a', 'x'] });
  });

  it('the same fix at the same place has the same id; another place another id', () => {
    const one = splitSuggestions('w.yml', before, after, [{ start: 1, end: 4 }]).suggestions[0]!;
    const again = splitSuggestions('w.yml', before, after, [{ start: 1, end: 4 }]).suggestions[0]!;
    const elsewhere = splitSuggestions('x.yml', before, after, [{ start: 1, end: 4 }]).suggestions[0]!;
    expect(again.id).toBe(one.id);
    expect(elsewhere.id).not.toBe(one.id);
  });
});

describe('suggestion bodies', () => {
  const mark = marker('suggestion', '.github/dataworks-whitelist.yml');

  it('a line holding ``` cannot close the block: the fence is longer than any backtick run', () => {
    const suggestion = { path: 'w.md', line: 1, replacement: ['```', 'x ````` y'], id: '0123456789abcdef' };
    const body = suggestionBody(mark, suggestion, 'why');
    expect(fenceFor(suggestion.replacement)).toBe('``````');
    const lines = body.split('\n');
    const open = lines.indexOf('``````suggestion');
    expect(open).toBeGreaterThan(0);
    expect(lines.slice(open + 1, open + 3)).toEqual(['```', 'x ````` y']);
    expect(lines[open + 3]).toBe('``````');
  });

  it('a plain suggestion uses a three-backtick fence and carries its id in the hidden marker', () => {
    const suggestion = { path: 'w.txt', line: 2, replacement: ['192.0.2.1'], id: 'fedcba9876543210' };
    const body = suggestionBody(mark, suggestion, 'why');
    expect(body).toContain('```suggestion\n192.0.2.1\n```');
    expect(suggestionIdOf(mark, body)).toBe('fedcba9876543210');
    expect(suggestionIdOf(marker('suggestion', 'other-key'), body)).toBeUndefined();
    expect(suggestionIdOf(mark, 'a human comment')).toBeUndefined();
  });
});

describe('lineChanges: property', () => {
  it('applying the changes to before gives after, for any two line lists', async () => {
    const fc = (await import('fast-check')).default;
    const line = fc.constantFrom('a\n', 'b\n', 'c\r\n', '192.0.2.1\n', '', 'x');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (a, b) => {
        const before = a.join('');
        const after = b.join('');
        const lines = before === '' ? [] : before.split(/(?<=\n)/);
        let at = 0;
        let rebuilt = '';
        for (const change of lineChanges(before, after)) {
          rebuilt += lines.slice(at, change.beforeStart).join('') + change.after.join('');
          at = change.beforeStart + change.beforeCount;
        }
        rebuilt += lines.slice(at).join('');
        expect(rebuilt).toBe(after);
      }),
      { numRuns: 300 }
    );
  });
});
