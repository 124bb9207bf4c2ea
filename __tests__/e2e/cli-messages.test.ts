/**
 * The bundled CLI (dist/cli/index.js), as `npx` runs it: a mistyped flag is one line naming the flag meant, and
 * half-set credentials stop `auto` with the advice to check offline. Needs a dist/ built from this source.
 */
import { spawnSync } from 'node:child_process';

function bundled(
  args: string[],
  env: NodeJS.ProcessEnv = {}
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['dist/cli/index.js', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env }
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bundled CLI messages', () => {
  it('--formt is one line naming --format, then a pointer to --help', () => {
    expect(bundled(['check', '--formt', 'json'])).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'dataworks-whitelist-guard: unknown option --formt; did you mean --format?\n\n' +
        'Run "dataworks-whitelist-guard --help" for usage.\n'
    });
  });

  it('half-set credentials stop resolve auto with status error and suggest --resolve offline', () => {
    const run = bundled(['check', '--root', 'examples', '--format', 'json'], {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'id-only'
    });
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as { status: string; findings: { rule: string; message: string }[] };
    expect(report.status).toBe('error');
    expect(report.findings).toContainEqual({
      rule: 'unresolved',
      severity: 'error',
      message:
        'the Alibaba Cloud credentials are set only in part: ALIBABA_CLOUD_ACCESS_KEY_ID is set but ' +
        'ALIBABA_CLOUD_ACCESS_KEY_SECRET is not: set both or neither. resolve auto does not fall back to offline ' +
        'when credentials are half-set; to check offline, use --resolve offline (action input resolve: offline)'
    });
  });
});
