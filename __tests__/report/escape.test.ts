import fc from 'fast-check';
import { escapeMarkdown, sanitizeTerminal } from '../../src/report/index.js';
import { truncate } from '../../src/report/escape.js';

const ZWSP = '&#8203;';

/** Characters that start or end Markdown or HTML markup, or break a table row. */
const ACTIVE = new Set([
  '\\',
  '`',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '{',
  '}',
  '!',
  '~',
  '$',
  '^',
  '<',
  '>',
  '|',
  '"',
  "'"
]);

/**
 * Splits escaped output into what Markdown reads: `\x` escapes and `&…;` entities are literal; every other
 * character is read as is. Returns the characters read as is, which must hold no markup.
 */
function bareCharacters(out: string): string[] {
  const bare: string[] = [];
  for (let i = 0; i < out.length; i++) {
    const c = out[i] as string;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '&') {
      const end = out.indexOf(';', i);
      expect(end).toBeGreaterThan(i);
      expect(out.slice(i, end + 1)).toMatch(/^&(#\d+|amp|lt|gt|quot);$/);
      i = end;
      continue;
    }
    bare.push(c);
  }
  return bare;
}

describe('escapeMarkdown', () => {
  it.each([
    ['orders-rds', 'orders-rds'],
    ['203.0.113.9/32', '203.0.113.9/32'],
    ['2001:db8::/64', '2001:db8::/64'],
    ['infra/rds.tf:12:3', 'infra/rds.tf:12:3'],
    ['a|b', 'a&#124;b'],
    ['<script>', '&lt;script&gt;'],
    ['`x`', '\\`x\\`'],
    ['[x](y)', '\\[x\\]\\(y\\)'],
    ['@team', `@${ZWSP}team`],
    ['see #123', `see \\#${ZWSP}123`],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['1. item', '1\\. item'],
    ['line\nbreak', 'line break'],
    ['tab\there', 'tab here'],
    ['https://evil.example', `https:${ZWSP}//evil.example`],
    ['www.evil.example', `www${ZWSP}.evil.example`],
    ['a_b*c', 'a\\_b\\*c'],
    ['$x$', '\\$x\\$'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['x\u202ey', 'x\uFFFDy']
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    [
      'compare it with https://www.alibabacloud.com/help/en/dataworks/user-guide/metadata-collection-ips.',
      'compare it with <https://www.alibabacloud.com/help/en/dataworks/user-guide/metadata-collection-ips>.'
    ],
    [
      '(see https://help.aliyun.com/zh/redis/api_x?a=1&b=2#top)',
      '\\(see <https://help.aliyun.com/zh/redis/api_x?a=1&b=2#top>\\)'
    ],
    ['https://alibabacloud.com/a @team #12', `<https://alibabacloud.com/a> @${ZWSP}team \\#${ZWSP}12`]
  ])('keeps the vendor documentation URL in %j clickable', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it.each([
    ['https://evil.example/alibabacloud.com', `https:${ZWSP}//evil.example/alibabacloud.com`],
    ['https://alibabacloud.com.evil.example/x', `https:${ZWSP}//alibabacloud.com.evil.example/x`],
    ['https://user@www.alibabacloud.com/x', `https:${ZWSP}//user@${ZWSP}www${ZWSP}.alibabacloud.com/x`],
    ['https://www.alibabacloud.com:8443/x', `https:${ZWSP}//www${ZWSP}.alibabacloud.com:8443/x`],
    ['http://www.alibabacloud.com/x', `http:${ZWSP}//www${ZWSP}.alibabacloud.com/x`],
    ['https://evilalibabacloud.com/x', `https:${ZWSP}//evilalibabacloud.com/x`]
  ])('neutralises %j: not a vendor documentation URL', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('links only whole vendor URLs: the autolink never holds a character that ends it or a table cell', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
        fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
        (before, tail) => {
          const out = escapeMarkdown(`${before}https://www.alibabacloud.com/${tail}`);
          for (const link of out.matchAll(/<(https:[^>]*)>/g)) {
            expect(link[1]).toMatch(/^https:\/\/www\.alibabacloud\.com\/[A-Za-z0-9\-._~:/?#[\]!&'()*+,;=%]*$/);
          }
          expect(out).not.toMatch(/[\r\n]/);
          expect(out.replace(/<https:[^>]*>/g, '')).not.toMatch(/:\/\//);
        }
      )
    );
  });

  it('leaves no markup, line break, mention or reference in the output of any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (input) => {
        const out = escapeMarkdown(input);
        expect(out).not.toMatch(/[\r\n\u2028\u2029]/);
        const bare = bareCharacters(out);
        for (const c of bare) expect(ACTIVE.has(c)).toBe(false);
        // An @ or # before a word character is always split from it by a zero-width space.
        expect(out).not.toMatch(/@[\p{L}\p{N}_]/u);
        expect(out).not.toMatch(/#[\p{L}\p{N}_]/u);
        expect(out).not.toMatch(/:\/\//);
      })
    );
  });

  it('keeps the visible text: removing the escapes gives back the input, line breaks aside', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), (input) => {
        const shown = escapeMarkdown(input)
          .replace(/\\(.)/g, '$1')
          .replace(/&#8203;/g, '')
          .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
        // eslint-disable-next-line no-control-regex
        expect(shown).toBe(input.replace(/[\u0000-\u001f\u007f]/g, ' '));
      })
    );
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text to the limit with an ellipsis', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(Array.from(truncate('😀😀😀😀', 3))).toHaveLength(3);
  });
});

describe('sanitizeTerminal', () => {
  it('shows escape sequences and bidi overrides instead of sending them, and keeps one line', () => {
    expect(sanitizeTerminal('a\u001b[31mred\u001b[0m\nb\u202ec')).toBe('a\\u{1b}[31mred\\u{1b}[0m b\\u{202e}c');
  });

  it('leaves printable text alone', () => {
    expect(sanitizeTerminal('orders-rds 203.0.113.9/32 ✗ → ü')).toBe('orders-rds 203.0.113.9/32 ✗ → ü');
  });
});
