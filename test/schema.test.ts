import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { join } from 'node:path';
import { renderProgramJsonSchema } from '../src/cli/commands/schema.js';
import { main } from '../src/cli/main.js';
import { memoryIo } from '../src/cli/io.js';
import { programJsonSchema } from '../src/program/json-schema.js';
import { loadProgram } from '../src/program/load.js';

const committedPath = new URL('../schema/program.schema.json', import.meta.url);
const REGENERATE = 'node bin/pointsmith.js schema --out schema/program.schema.json --force';

describe('the JSON Schema of the program format', () => {
  it('is the committed schema/program.schema.json (regenerate it when the zod schema changes)', () => {
    const committed = readFileSync(committedPath, 'utf8');
    const generated = renderProgramJsonSchema();
    // A plain boolean first, so a stale file fails with the command that fixes it, not a 1,000-line diff.
    expect(committed === generated, `schema/program.schema.json is stale; run \`npm run build && ${REGENERATE}\` and commit it`).toBe(true);
  });

  it('names itself and describes the whole format', () => {
    const schema = programJsonSchema() as { $schema: string; $id: string; title: string; type: string; required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:pointsmith:program-format:1');
    expect(schema.title).toBe('pointsmith program design');
    expect(schema.type).toBe('object');
    // Input view: sections with defaults (calendar, promotions, rewards, points) are optional.
    expect(schema.required).toEqual(['pointsmith', 'program', 'categories', 'activities', 'tiers']);
    expect(schema.additionalProperties).toBe(false);
    for (const section of ['calendar', 'promotions', 'tiers', 'rewards', 'redemption', 'budget', 'guardrails', 'legacy', 'scenarios', 'tracks', 'best_of']) {
      expect(schema.properties, section).toHaveProperty(section);
    }
  });

  it('is printed by `pointsmith schema`, pretty with a final newline, and exits 0', async () => {
    const io = memoryIo();
    expect(await main(['schema'], io)).toBe(0);
    expect(io.out()).toBe(renderProgramJsonSchema());
    expect(io.out()).toMatch(/^\{\n {2}"\$schema"/);
    expect(io.out().endsWith('}\n')).toBe(true);
    expect(io.err()).toBe('');
  });

  it('writes --out atomically and refuses to replace a file without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-schema-'));
    try {
      const first = memoryIo({ cwd: dir });
      expect(await main(['schema', '--out', 'program.schema.json'], first)).toBe(0);
      expect(first.out()).toBe('');
      expect(readFileSync(join(dir, 'program.schema.json'), 'utf8')).toBe(renderProgramJsonSchema());
      const again = memoryIo({ cwd: dir });
      expect(await main(['schema', '--out', 'program.schema.json'], again)).toBe(2);
      expect(again.err()).toContain('program.schema.json already exists; not overwriting it');
      expect(await main(['schema', '--out', 'program.schema.json', '--force'], memoryIo({ cwd: dir }))).toBe(0);
      // Only the target is left: the temporary file was renamed, not copied.
      expect(readdirSync(dir)).toEqual(['program.schema.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows an example in `schema --help`', async () => {
    const io = memoryIo();
    expect(await main(['schema', '--help'], io)).toBe(0);
    expect(io.out()).toContain('Examples:');
    expect(io.out()).toContain('$ pointsmith schema');
  });
});

describe('the committed JSON Schema, read back by a JSON Schema reader', () => {
  // zod's own JSON Schema reader: no new dependency, and it reads the file, not the zod schema it came from.
  const fromFile = z.fromJSONSchema(JSON.parse(readFileSync(committedPath, 'utf8')) as Parameters<typeof z.fromJSONSchema>[0]);

  it.each(['starter.yaml', 'lifecycle.yaml', 'services.yaml', 'quota.yaml'])('accepts programs/%s', (file) => {
    const data: unknown = parseYaml(readFileSync(new URL(`../programs/${file}`, import.meta.url), 'utf8'));
    expect(fromFile.safeParse(data).error?.issues ?? []).toEqual([]);
  });

  it('rejects an unknown key and a wrong type', () => {
    const base = parseYaml(readFileSync(new URL('../programs/starter.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
    expect(fromFile.safeParse({ ...base, tierz: [] }).success).toBe(false);
    expect(fromFile.safeParse({ ...base, tiers: 'Gold' }).success).toBe(false);
  });
});

describe('docs/format.md, the format reference', () => {
  const doc = readFileSync(new URL('../docs/format.md', import.meta.url), 'utf8');

  /** Every property name anywhere in the JSON Schema (record keys such as activity ids are not properties). */
  function propertyNames(node: unknown, out = new Set<string>()): Set<string> {
    if (Array.isArray(node)) for (const item of node) propertyNames(item, out);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.properties !== null && typeof record.properties === 'object') {
        for (const key of Object.keys(record.properties)) out.add(key);
      }
      for (const value of Object.values(record)) propertyNames(value, out);
    }
    return out;
  }

  it('mentions every key of the format', () => {
    const missing = [...propertyNames(programJsonSchema())].filter((key) => !doc.includes(`\`${key}\``)).sort();
    expect(missing, 'keys of src/program/schema.ts that docs/format.md does not document').toEqual([]);
  });

  it('has a complete minimal example that loads clean', () => {
    const match = /## A complete minimal design\n\n```yaml\n([\s\S]*?)```/.exec(doc);
    expect(match).not.toBeNull();
    const result = loadProgram(match![1]!, 'docs/format.md');
    expect(result.diagnostics).toEqual([]);
  });
});
