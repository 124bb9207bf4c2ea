/**
 * Command-line parsing with messages a user can act on. Node's strict parser reports an unknown flag with a
 * paragraph about positional arguments (and an unbalanced quote); here every mistake is one line that names the
 * flag and, for a typo, the flag that was meant.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../suggest.js';

/** The option table that `parseArgs` takes. */
export type OptionTable = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean | string[] | boolean[] }
>;

type Parsed<T extends OptionTable> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: true }>
>;

export type CommandLine<T extends OptionTable> =
  { ok: true; values: Parsed<T>['values']; positionals: string[] } | { ok: false; error: string };

/** A flag as the user would type it. */
function flag(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}

/** At most this much of a user's argument is echoed back. */
function shown(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The first mistake in the arguments, in the order they were given; undefined when there is none. */
function firstMistake(args: string[], options: OptionTable): string | undefined {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const shortNames = new Map(
    Object.entries(options).flatMap(([name, option]) => (option.short ? [[option.short, name] as const] : []))
  );
  const longNames = Object.keys(options);
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const name = token.rawName.startsWith('--') ? token.name : (shortNames.get(token.name) ?? token.name);
    const option = Object.hasOwn(options, name) ? options[name] : undefined;
    if (!option) {
      const typed = shown(token.rawName);
      return `unknown option ${typed}${didYouMean(token.name, longNames, flag)}`;
    }
    const long = `--${name}`;
    if (option.type === 'boolean') {
      if (token.value !== undefined) return `option ${long} takes no value; got ${long}=${shown(token.value)}`;
      continue;
    }
    if (token.value === undefined) return `option ${long} needs a value (${long} VALUE)`;
    // The non-strict parser takes the next argument even when it is another flag (`--format --no-color`).
    if (!token.inlineValue && token.value.startsWith('-') && token.value !== '-') {
      return `option ${long} needs a value; got the flag ${shown(token.value)} (write ${long}=${shown(token.value)} if that is the value)`;
    }
  }
  return undefined;
}

/** Parses `args` against `options`; every mistake is one line without Node's internals. */
export function parseCommandLine<T extends OptionTable>(args: readonly string[], options: T): CommandLine<T> {
  const list = [...args];
  const mistake = firstMistake(list, options);
  if (mistake) return { ok: false, error: mistake };
  try {
    const { values, positionals } = parseArgs({ args: list, options, strict: true, allowPositionals: true });
    return { ok: true, values, positionals };
  } catch (error) {
    // Not reached for the mistakes above; kept so that a parser change still yields one line, never a trace.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: message.split('\n')[0] };
  }
}
