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
