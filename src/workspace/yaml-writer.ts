/**
 * Writes the config that `init` generates, as text: YAML with a comment beside each value the user must check.
 * Every value that came from the repository or the cloud is quoted unless it is a plain word, and every comment is
 * one line of printable text, so hostile names cannot break out of their scalar or their comment.
 */
import { quotePrefix } from '../bounds.js';

/** YAML 1.1 and 1.2 words that a plain scalar would turn into something other than a string. */
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
const PLAIN = /^[A-Za-z][A-Za-z0-9_./-]*$/;

/** A scalar: plain when it is an ordinary word, else double-quoted (JSON's escapes are valid YAML). */
export function scalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
}

/** One line of printable text for a comment: no line breaks, no control or format characters, bounded. */
export function commentText(text: string): string {
  const flat = text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g,
    ' '
  );
  return quotePrefix(flat.replace(/\s+/g, ' ').trim(), 200);
}

/** Builds the file line by line; comments go after the value, or on their own line. */
export class YamlWriter {
  private readonly lines: string[] = [];

  comment(indent: number, text: string): this {
    this.lines.push(`${' '.repeat(indent)}# ${commentText(text)}`);
    return this;
  }

  blank(): this {
    this.lines.push('');
    return this;
  }

  /** `key: value  # comment`; without a value, `key:` opens a block. */
  line(indent: number, text: string, comment?: string): this {
    const body = `${' '.repeat(indent)}${text}`;
    this.lines.push(comment === undefined ? body : `${body} # ${commentText(comment)}`);
    return this;
  }

  /** Lines written as comments: a block the user can enable by removing the `# `. */
  commentedOut(indent: number, inner: YamlWriter): this {
    for (const line of inner.lines) this.lines.push(`${' '.repeat(indent)}# ${line}`);
    return this;
  }

  /** The lines of `inner`, indented. */
  append(indent: number, inner: YamlWriter): this {
    for (const line of inner.lines) this.lines.push(line === '' ? '' : `${' '.repeat(indent)}${line}`);
    return this;
  }

  get isEmpty(): boolean {
    return this.lines.length === 0;
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

const NAME_CHARS = /[^A-Za-z0-9_.-]+/g;

/** A config name (letters, digits, `.`, `_`, `-`, starting with a letter or digit) made from any text. */
export function configName(text: string, fallback: string): string {
  const cleaned = text
    .replace(NAME_CHARS, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 63);
  return cleaned === '' ? fallback : cleaned;
}

/**
 * Unique config names: the plain name when free, else `prefix-name` (contract §12: `type-name` on a collision),
 * else numbered. The first holder keeps the plain name, so names are stable as entries are added after it.
 */
export class NameAllocator {
  private readonly taken = new Set<string>();

  allocate(text: string, prefix: string, fallback: string): string {
    const base = configName(text, fallback);
    const candidates = [base, configName(`${prefix}-${base}`, fallback)];
    for (const candidate of candidates) {
      if (!this.taken.has(candidate.toLowerCase())) return this.take(candidate);
    }
    for (let n = 2; ; n++) {
      const candidate = `${candidates[1]}-${n}`;
      if (!this.taken.has(candidate.toLowerCase())) return this.take(candidate);
    }
  }

  private take(name: string): string {
    // Case-insensitively unique: names differing only by case are too easy to confuse in a review.
    this.taken.add(name.toLowerCase());
    return name;
  }
}
