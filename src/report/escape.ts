/**
 * Neutralising text taken from the repository (data-source names, paths, entries, messages) before it goes into
 * Markdown or a terminal. A pull request can change every one of those strings, so none may add markup, links,
 * HTML, @mentions, issue references or terminal control sequences to what the tool writes.
 */

/** Zero-width space: breaks GitHub's @mention, #reference and bare-URL autolinking without changing what is read. */
const ZWSP = '&#8203;';

/** Characters that reorder displayed text (Trojan Source); shown as U+FFFD so the reader sees something is there. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** C0 and C1 controls, DEL, and the line and paragraph separators. */
function isControl(c: string): boolean {
  const code = c.codePointAt(0) as number;
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** Markdown punctuation that can start or end inline markup, escaped with a backslash wherever it appears. */
const BACKSLASHED = new Set(['\\', '`', '*', '_', '[', ']', '(', ')', '{', '}', '!', '~', '$', '^']);

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // A pipe would end a table cell; the entity never does, even inside other inline spans.
  '|': '&#124;'
};

/** Whether `chars[i]` ends an ordered-list marker at the start of the text, like `1.` or `12)` then a blank. */
function isListNumber(chars: readonly string[], i: number): boolean {
  if (i === 0 || i > 9) return false;
  for (let j = 0; j < i; j++) if (!/[0-9]/.test(chars[j] as string)) return false;
  const next = chars[i + 1];
  return next === undefined || next === ' ' || isControl(next);
}

/** Text of the common shapes (names, paths, CIDRs) that no rule below would change: returned as is, quickly. */
function isPlain(text: string): boolean {
  return (
    /^[A-Za-z0-9 ,/:.%=-]*$/.test(text) &&
    !/^[-=]/.test(text) &&
    !text.includes('://') &&
    !/www\./i.test(text) &&
    !/^\d{1,9}[.)]( |$)/.test(text)
  );
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/**
 * Hosts whose URLs stay clickable: the vendor documentation that the tool's own messages cite (the published
 * address lists, the product pages), with their subdomains. A URL to any other host is neutralised like the rest
 * of the text, so a pull request cannot put a link of its choosing under the tool's name.
 */
const LINKED_HOSTS = ['alibabacloud.com', 'aliyun.com'];

/** Characters an autolinked URL may hold here: no `<>` (they end it), `|` (ends a table cell), `\`, backticks, `$`. */
const URL_CANDIDATE = /https:\/\/[A-Za-z0-9\-._~:/?#[\]!&'()*+,;=%]+/g;

/** The URL without trailing punctuation that belongs to the sentence, as GitHub's autolinker trims it. */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const c = url[end - 1];
    if (c === undefined) break;
    if ('.,;:!?\'"*~'.includes(c)) end--;
    else if (c === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) end--;
    else if (c === ']' && count(url.slice(0, end), '[') < count(url.slice(0, end), ']')) end--;
    else break;
  }
  return url.slice(0, end);
}

function count(text: string, c: string): number {
  return text.split(c).length - 1;
}

/** Whether `url` is an https URL to a linked host, with no credentials or port to disguise where it leads. */
function isLinkable(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    url.length <= 2000 &&
    LINKED_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))
  );
}

/**
 * Text that renders literally in GitHub Markdown, both in paragraphs and in table cells: no emphasis, code,
 * links, images, HTML, math, headings or list markers, no @mentions, #123 references or bare-URL autolinks, and
 * on one line (line breaks and other controls become spaces). Safe inside `<code>` and `<summary>` too. The one
 * exception: https URLs of the vendor's documentation (`LINKED_HOSTS`) stay clickable, as `<URL>` autolinks.
 */
export function escapeMarkdown(text: string): string {
  if (isPlain(text)) return text;
  // URLs of the vendor's documentation become autolinks `<…>`: inside one nothing is parsed as markup, so they
  // stay clickable and whole; every other part of the text is escaped as below.
  let out = '';
  let from = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const url = trimUrl(match[0]);
    if (!isLinkable(url)) continue;
    out += escapeText(text.slice(from, match.index));
    out += `<${url}>`;
    from = match.index + url.length;
  }
  return from === 0 ? escapeText(text) : out + escapeText(text.slice(from));
}

function escapeText(text: string): string {
  if (isPlain(text)) return text;
  let out = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const next = chars[i + 1];
    if (isControl(c)) out += ' ';
    else if (BIDI_CONTROLS.test(c)) out += '\uFFFD';
    else if (c in ENTITIES) out += ENTITIES[c];
    else if (BACKSLASHED.has(c)) out += `\\${c}`;
    else if (c === '@') out += `@${ZWSP}`;
    else if (c === '#') out += isWordChar(next) ? `\\#${ZWSP}` : '\\#';
    else if (c === ':' && next === '/' && chars[i + 2] === '/') out += `:${ZWSP}`;
    else if (c === '.' && /www$/i.test(chars.slice(Math.max(0, i - 3), i).join('')) && !isWordChar(chars[i - 4])) {
      out += `${ZWSP}.`;
    } else if (i === 0 && (c === '-' || c === '+' || c === '=')) out += `\\${c}`;
    else if ((c === '.' || c === ')') && isListNumber(chars, i)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

/** `text` cut to at most `max` characters (code points), with an ellipsis when cut; applied before escaping. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Shows a control or bidi character as `\u{…}`: the reader sees that something is there, the terminal does nothing. */
function visible(c: string): string {
  return `\\u{${(c.codePointAt(0) as number).toString(16)}}`;
}

/**
 * Text safe to print on a terminal: control characters (ESC sequences could recolour, move the cursor or retitle
 * the window) and bidirectional overrides are shown as `\u{…}` instead of being sent, and line breaks become
 * spaces so each finding stays on its line.
 */
export function sanitizeTerminal(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  let out = '';
  for (const c of text) {
    if (c === '\n' || c === '\r' || c === '\t') out += ' ';
    else if (isControl(c) || BIDI_CONTROLS.test(c)) out += visible(c);
    else out += c;
  }
  return out;
}

/**
 * The same neutralising as `sanitizeTerminal` for text whose line breaks are its own (a Markdown document, a
 * multi-line annotation): ESC, BEL, the other C0 and C1 controls, DEL and the bidi overrides are shown as `\u{…}`;
 * line feeds and tabs are kept, a carriage return before a line feed is dropped and any other becomes a space.
 * Idempotent, so a layer may apply it to text that an earlier layer already cleaned.
 */
export function sanitizeControls(text: string): string {
  if (/^[\x20-\x7e\n\t]*$/.test(text)) return text;
  let out = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === '\n' || c === '\t') out += c;
    else if (c === '\r') out += chars[i + 1] === '\n' ? '' : ' ';
    else if (isControl(c) || BIDI_CONTROLS.test(c)) out += visible(c);
    else out += c;
  }
  return out;
}
