import { fitBody, fitSummary } from '../../src/action/limits.js';

describe('fitSummary', () => {
  it('keeps the full text when it fits, measured in bytes', () => {
    expect(fitSummary(() => 'é'.repeat(50), 'short', 100)).toEqual({ text: 'é'.repeat(50), form: 'full' });
    // 51 two-byte characters are 102 bytes: over a 100-byte limit although only 51 characters.
    const calls: (number | undefined)[] = [];
    const fitted = fitSummary(
      (max) => {
        calls.push(max);
        return max === undefined ? 'é'.repeat(51) : 'é'.repeat(Math.min(max, 51));
      },
      'short',
      100
    );
    expect(calls).toEqual([undefined, 33]);
    expect(fitted).toEqual({ text: 'é'.repeat(33), form: 'cut' });
  });

  it('falls back to the short text when the renderer cannot fit', () => {
    expect(fitSummary(() => 'x'.repeat(200), 'short', 100)).toEqual({ text: 'short', form: 'fallback' });
  });
});

describe('fitBody', () => {
  it('gives the renderer the room left after the marker', () => {
    let room = 0;
    const fitted = fitBody('<!-- m -->', (max) => ((room = max ?? -1), 'body'), 'fallback', 100);
    expect(room).toBe(89);
    expect(fitted).toEqual({ text: '<!-- m -->\nbody', form: 'full' });
  });

  it('never exceeds the limit, even when the renderer overflows', () => {
    const fitted = fitBody('<!-- m -->', () => 'x'.repeat(500), 'fallback', 100);
    expect(fitted).toEqual({ text: '<!-- m -->\nfallback', form: 'fallback' });
  });
});
