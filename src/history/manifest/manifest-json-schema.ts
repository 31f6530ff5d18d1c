/**
 * The JSON Schema of the `--data` manifest, generated from its zod schema (never written
 * by hand), for editors (`# yaml-language-server: $schema=...`) and other tools, as the
 * design's is (src/program/json-schema.ts). `schema/data.schema.json` is the committed
 * copy; a test fails when it is stale.
 */
import { z } from 'zod';
import { manifestSchema } from './manifest-schema.js';

export const DATA_SCHEMA_ID = 'urn:pointsmith:data-manifest:1';

export function manifestJsonSchema(): Record<string, unknown> {
  // io: 'input': what a user writes.
  const generated = z.toJSONSchema(manifestSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: DATA_SCHEMA_ID, title: 'pointsmith data manifest (--data)', ...rest };
}
