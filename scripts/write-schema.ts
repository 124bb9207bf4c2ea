/**
 * Writes schema/dataworks-whitelist.schema.json from the zod schema of the configuration. A test compares the
 * committed file with this output, so run this after changing src/config/schema.ts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchemaText } from '../src/config/json-schema.js';

const target = fileURLToPath(new URL('../schema/dataworks-whitelist.schema.json', import.meta.url));
writeFileSync(target, configJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
