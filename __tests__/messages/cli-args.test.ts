/** A mistake on the command line is one line naming what was meant, then a pointer to --help; exit status 2. */
import { runCli } from '../../src/cli/run.js';
import { parseCommandLine } from '../../src/cli/args.js';

async function usageError(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd: '/'
  });
  return { code, stderr, stdout };
}

const POINTER = '\n\nRun "dataworks-whitelist-guard --help" for usage.\n';

describe('CLI usage errors', () => {
  it.each<[string[], string]>([
    [['check', '--formt', 'json'], 'unknown option --formt; did you mean --format?'],
    [['check', '--formt=json'], 'unknown option --formt; did you mean --format?'],
    [['check', '--no-colour'], 'unknown option --no-colour; did you mean --no-color?'],
    [['check', '--Root', '.'], 'unknown option --Root; did you mean --root?'],
    [
      ['check', '--allow-instance-credential'],
      'unknown option --allow-instance-credential; did you mean --allow-instance-credentials?'
    ],
    [['check', '--bogus'], 'unknown option --bogus'],
    [['check', '-x'], 'unknown option -x'],
    [['check', '-hx'], 'unknown option -x'],
    [['check', '--format'], 'option --format needs a value (--format VALUE)'],
    [
      ['check', '--format', '--no-color'],
      'option --format needs a value; got the flag --no-color (write --format=--no-color if that is the value)'
    ],
    [['check', '--no-color=yes'], 'option --no-color takes no value; got --no-color=yes'],
    [
      ['check', '--format', 'jsn'],
      '--format must be one of text, json, markdown, sarif; got "jsn"; did you mean json?'
    ],
    [['check', '--format', 'xml'], '--format must be one of text, json, markdown, sarif; got "xml"'],
    [
      ['check', '--resolve', 'ofline'],
      '--resolve must be one of auto, online, offline; got "ofline"; did you mean offline?'
    ],
    [
      ['check', '--fail-on', 'warnings'],
      '--fail-on must be one of error, warning, never; got "warnings"; did you mean warning?'
    ],
    [['chek'], 'unknown command "chek"; did you mean check?'],
    [['lint'], 'unknown command "lint"']
  ])('%j', async (args, message) => {
    const out = await usageError(args);
    expect(out).toEqual({ code: 2, stdout: '', stderr: `dataworks-whitelist-guard: ${message}${POINTER}` });
  });

  it('echoes at most 60 characters of an unknown option', async () => {
    const out = await usageError(['check', `--${'x'.repeat(500)}`]);
    expect(out.stderr).toBe(`dataworks-whitelist-guard: unknown option --${'x'.repeat(55)}...${POINTER}`);
  });
});

describe('parseCommandLine', () => {
  const options = {
    format: { type: 'string' },
    endpoint: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' }
  } as const;

  it('returns the values and positionals of correct arguments', () => {
    expect(
      parseCommandLine(['check', '--format=json', '--endpoint', 'a=b', '--endpoint', 'c=d', '-h', '--', '--x'], options)
    ).toEqual({
      ok: true,
      values: { format: 'json', endpoint: ['a=b', 'c=d'], help: true },
      positionals: ['check', '--x']
    });
  });

  it('takes "-" as a value (standard input or output by convention)', () => {
    expect(parseCommandLine(['--format', '-'], options)).toMatchObject({ ok: true, values: { format: '-' } });
  });

  it('reports the first mistake in argument order', () => {
    expect(parseCommandLine(['--help=1', '--formt'], options)).toEqual({
      ok: false,
      error: 'option --help takes no value; got --help=1'
    });
  });
});
