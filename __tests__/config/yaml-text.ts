import { parseConfig } from '../../src/config/index.js';
import type { Finding } from '../../src/model.js';

/** Test helper: YAML written indented inside a template literal, with the common indentation removed. */
export function yamlText(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce(
    (text, part, index) => text + part + (index < values.length ? String(values[index]) : ''),
    ''
  );
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n[ ]*$/, '\n')
    .split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => line.match(/^ */)![0].length);
  const common = Math.min(...indents);
  return lines.map((line) => line.slice(common)).join('\n');
}

/** The smallest valid config; error tests append to it, so its lines are numbered 1 to 11. */
export const MINIMAL = yamlText`
  version: 1
  region: cn-hangzhou
  resourceGroups:
    sl:
      type: serverless
  dataSources:
    db:
      product: rds
      network: private
      whitelist: { file: wl.txt }
      access: [{ module: data-integration, resourceGroups: [sl] }]
`;

/** MINIMAL with whole lines replaced (1-based line number to new text, which may span lines), plus `append`. */
export function editMinimal(lines: Record<number, string>, append = ''): string {
  const result = MINIMAL.split('\n');
  for (const [line, text] of Object.entries(lines)) result[Number(line) - 1] = text;
  return result.join('\n') + append;
}

export type Problem = [line: number | undefined, column: number | undefined, message: string];

/** [line, column, message] of each finding of `text` read as `file`, after checking what every finding has in common. */
export function configProblems(text: string, file: string): Problem[] {
  const result = parseConfig(text, file);
  for (const finding of result.findings) {
    expect(finding).toMatchObject<Partial<Finding>>({ rule: 'invalid-config', severity: 'error', file });
  }
  if (result.findings.length > 0) expect(result.config).toBeUndefined();
  return result.findings.map((finding) => [finding.line, finding.column, finding.message]);
}
