/**
 * Property: a generated module whose N entries are spread over the forms the reader resolves (lists, comma
 * strings, heredocs, variable defaults, tfvars, locals, split, join, concat) reads back as exactly those N
 * entries, each pointing at a place in the files where exactly its text is written.
 */
import fc from 'fast-check';
import { readModule } from './read.js';

const FORMS = ['list', 'comma', 'heredoc', 'default', 'tfvars', 'local', 'split', 'join', 'concat'] as const;
type Form = (typeof FORMS)[number];

const address = fc
  .tuple(
    fc.constantFrom('192.0.2', '198.51.100', '203.0.113'),
    fc.integer({ min: 0, max: 255 }),
    fc.constantFrom('', '/32', '/31')
  )
  .map(([net, host, suffix]) => `${net}.${suffix === '/31' ? host & 0xfe : host}${suffix}`);

const quoted = (items: string[]): string => `[${items.map((item) => `"${item}"`).join(', ')}]`;

function buildModule(groups: { form: Form; entries: string[] }[]): Record<string, string> {
  const blocks: string[] = [];
  const declarations: string[] = [];
  const tfvars: string[] = [];
  const locals: string[] = [];
  groups.forEach(({ form, entries }, index) => {
    let expression: string;
    switch (form) {
      case 'list':
        expression = quoted(entries);
        break;
      case 'comma':
        expression = `"${entries.join(',')}"`;
        break;
      case 'heredoc':
        expression = `<<-EOT\n${entries.map((entry) => `      ${entry},`).join('\n')}\n    EOT`;
        break;
      case 'default':
        declarations.push(`variable "v${index}" {\n  default = ${quoted(entries)}\n}`);
        expression = `var.v${index}`;
        break;
      case 'tfvars':
        declarations.push(`variable "v${index}" {\n  type = list(string)\n}`);
        tfvars.push(`v${index} = ${quoted(entries)}`);
        expression = `var.v${index}`;
        break;
      case 'local':
        locals.push(`  l${index} = "${entries.join(', ')}"`);
        expression = `local.l${index}`;
        break;
      case 'split':
        expression = `split(";", "${entries.join(';')}")`;
        break;
      case 'join':
        expression = `join(",", ${quoted(entries)})`;
        break;
      case 'concat':
        expression = `concat(${entries.map((entry) => quoted([entry])).join(', ')})`;
        break;
    }
    blocks.push(`  rule {\n    name  = "r${index}"\n    cidrs = ${expression}\n  }`);
  });
  const files: Record<string, string> = {
    'infra/main.tf': `resource "example_whitelist" "generated" {\n${blocks.join('\n\n')}\n}\n`,
    'infra/variables.tf': `${declarations.join('\n\n')}\n\nlocals {\n${locals.join('\n')}\n}\n`
  };
  if (tfvars.length > 0) files['infra/terraform.tfvars'] = `${tfvars.join('\n')}\n`;
  return files;
}

describe('generated modules', () => {
  it('resolve to exactly their entries, each at its own text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(address, { minLength: 1, maxLength: 24 }),
        fc.array(fc.constantFrom(...FORMS), { minLength: 24, maxLength: 24 }),
        fc.integer({ min: 1, max: 4 }),
        async (entries, forms, groupSize) => {
          const groups: { form: Form; entries: string[] }[] = [];
          for (let start = 0; start < entries.length; start += groupSize) {
            groups.push({ form: forms[groups.length]!, entries: entries.slice(start, start + groupSize) });
          }
          const files = buildModule(groups);
          const result = await readModule(files, 'example_whitelist.generated.rule.cidrs', { product: 'other' });
          expect(result.findings).toEqual([]);
          expect(result.entries.map((entry) => entry.raw).sort()).toEqual([...entries].sort());
          for (const entry of result.entries) {
            const line = files[entry.file]!.split('\n')[entry.line - 1]!;
            expect(line.slice(entry.column - 1, entry.column - 1 + entry.raw.length)).toBe(entry.raw);
          }
        }
      ),
      { numRuns: 60 }
    );
  });
});
