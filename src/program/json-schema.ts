/**
 * The JSON Schema of the program format, generated from the zod schema (never written by
 * hand), for editor completion (`# yaml-language-server: $schema=...`) and other tools.
 * `schema/program.schema.json` is the committed copy; a test fails when it is stale.
 */
import { z } from 'zod';
import { programSchema } from './schema.js';

/** A stable name rather than a download address: editors find the file through the relative `$schema` comment. */
export const PROGRAM_SCHEMA_ID = 'urn:pointsmith:program-format:1';

export function programJsonSchema(): Record<string, unknown> {
  // io: 'input' describes what a user writes (defaults make keys optional), not what the loader returns.
  const generated = z.toJSONSchema(programSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: PROGRAM_SCHEMA_ID,
    title: 'pointsmith program design',
    ...rest,
  };
}
