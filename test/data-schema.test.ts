/**
 * The JSON Schema of the --data manifest (`pointsmith schema --data`): the committed copy
 * is what the zod schema generates, every manifest under fixtures/exports validates
 * against it, and it rejects what the loader rejects (an unknown key, a bad delimiter).
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderManifestJsonSchema } from '../src/cli/commands/schema.js';
import { manifestJsonSchema } from '../src/history/manifest/manifest-json-schema.js';
import { pointsmith } from './support/bin.js';

const MANIFESTS = ['fixtures/exports/all.yaml', 'fixtures/exports/crm/data.yaml', 'fixtures/exports/european/data.yaml', 'fixtures/exports/activities/data.yaml'];

describe('schema --data', () => {
  it('is the committed schema/data.schema.json (regenerate it when the manifest schema changes)', () => {
    const committed = readFileSync('schema/data.schema.json', 'utf8');
    expect(committed === renderManifestJsonSchema(), 'schema/data.schema.json is stale; run `npm run build && node bin/pointsmith.js schema --data --out schema/data.schema.json --force`').toBe(true);
  });

  it('accepts every manifest of fixtures/exports and rejects an unknown key and a bad delimiter', () => {
    const validate = new Ajv2020({ strict: false }).compile(manifestJsonSchema());
    for (const file of MANIFESTS) expect(validate(parse(readFileSync(file, 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    expect(validate({ history: { path: 'h.csv', delimeter: ';' } })).toBe(false);
    expect(validate({ history: { path: 'h.csv', delimiter: '|||' } })).toBe(false);
    expect(validate({ partners: { path: 'p.csv' } })).toBe(false);
  });

  it('prints through the real bin, named for what it describes', async () => {
    const r = await pointsmith('schema', '--data');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { $id: string; title: string; required: string[] };
    expect(doc.$id).toBe('urn:pointsmith:data-manifest:1');
    expect(doc.title).toBe('pointsmith data manifest (--data)');
    expect(doc.required).toEqual(['history']);
  });
});
