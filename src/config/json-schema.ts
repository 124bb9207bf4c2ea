/** The JSON Schema file as shipped: one formatting, so the committed file and the generated one compare exactly. */
import { buildConfigJsonSchema } from './schema.js';

export const SCHEMA_FILE = 'schema/dataworks-whitelist.schema.json';

export function configJsonSchemaText(): string {
  return `${JSON.stringify(buildConfigJsonSchema(), null, 2)}\n`;
}
