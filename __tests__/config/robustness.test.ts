import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../src/config/index.js';

const fullText = readFileSync(new URL('./fixtures/valid-full.yml', import.meta.url), 'utf8');

/** Every finding of any input is a positioned invalid-config error inside the text. */
function expectWellFormed(text: string): void {
  const result = parseConfig(text, 'c.yml');
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const finding of result.findings) {
    expect(finding.rule).toBe('invalid-config');
    expect(finding.severity).toBe('error');
    expect(finding.file).toBe('c.yml');
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lineCount + 1);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(finding.message).not.toMatch(/\n\s+at /);
  }
  expect(result.config === undefined).toBe(result.findings.length > 0);
}

describe('odd input never throws', () => {
  it.each([
    ['tabs everywhere', fullText.replace(/ {2}/g, '\t')],
    ['tabs after values', fullText.replace(/\n/g, '\t\n')],
    ['a truncated file', fullText.slice(0, fullText.length / 2)],
    ['binary noise', '\u0000\u0001\u00ff\ufffe'],
    ['a deeply nested list', `${'['.repeat(2000)}${']'.repeat(2000)}`],
    [
      'alias expansion abuse',
      `a: &a [x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`
    ],
    ['a key named __proto__', `${fullText}__proto__: { polluted: true }\n`],
    ['keys of every scalar kind', 'version: 1\n1: a\ntrue: b\nnull: c\n~: d\n'],
    ['an anchor on the whole document', '&root\nversion: 1\n']
  ])('%s', (_, text) => {
    expectWellFormed(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('holds for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => expectWellFormed(text)),
      { numRuns: 300 }
    );
  });

  it('holds for the contract example with one line changed or removed', () => {
    const lines = fullText.split('\n');
    fc.assert(
      fc.property(
        fc.nat({ max: lines.length - 1 }),
        fc.oneof(fc.constant(null), fc.string({ maxLength: 40 })),
        (index, replacement) => {
          const changed = [...lines];
          if (replacement === null) changed.splice(index, 1);
          else changed[index] = replacement;
          expectWellFormed(changed.join('\n'));
        }
      ),
      { numRuns: 150 }
    );
  });
});
