/** The program format's JSON Schema in its formats (`schema --format`), for the CLI and the library. */
import type { Formats } from '../formatter.js';
import { schemaJsonFormat, type JsonSchema } from './json.js';

const registry = {
  json: schemaJsonFormat,
};

export type SchemaFormat = keyof typeof registry;
export const formats: Formats<SchemaFormat, JsonSchema> = registry;
export type { JsonSchema } from './json.js';
