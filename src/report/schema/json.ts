/** `schema --format json`: the JSON Schema of the program format, two-space indented with a final newline (the bytes of schema/program.schema.json). */
import type { Formatter } from '../formatter.js';

export type JsonSchema = Readonly<Record<string, unknown>>;

export function renderSchemaJson(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export const schemaJsonFormat: Formatter<JsonSchema> = {
  description: 'for editors (yaml-language-server) and other tools',
  mediaType: 'application/json',
  terminal: false,
  render: (schema) => renderSchemaJson(schema),
};
