/**
 * init's first lines: a `$schema` modeline only when it resolves to the schema shipped with
 * pointsmith, relative to the design; otherwise how to write the schema, and no modeline.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { schemaReference } from '../src/cli/schema-reference.js';

const ROOT = resolve(__dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'ps-init-schema-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A project with pointsmith installed as a dependency. */
function project(): { dir: string; schema: string } {
  const dir = mkdtempSync(join(work, 'project-'));
  const schema = join(dir, 'node_modules', 'pointsmith', 'schema', 'program.schema.json');
  mkdirSync(dirname(schema), { recursive: true });
  writeFileSync(schema, '{}');
  return { dir, schema };
}

describe('schemaReference', () => {
  it('points from the design to node_modules/pointsmith/schema, and the path resolves', () => {
    const { dir, schema } = project();
    const nested = join(dir, 'programs', 'mine.yaml');
    expect(schemaReference(nested, dir, schema)).toBe('../node_modules/pointsmith/schema/program.schema.json');
    expect(existsSync(resolve(dirname(nested), schemaReference(nested, dir, schema)!))).toBe(true);
    expect(schemaReference(join(dir, 'mine.yaml'), dir, schema)).toBe('./node_modules/pointsmith/schema/program.schema.json');
  });

  it('in the pointsmith repository itself: ../schema/program.schema.json from programs/', () => {
    expect(schemaReference(join(ROOT, 'programs', 'mine.yaml'), ROOT)).toBe('../schema/program.schema.json');
    expect(existsSync(join(ROOT, 'schema', 'program.schema.json'))).toBe(true);
  });

  it('gives none for a schema outside the working folder (a global install), or missing', () => {
    const { schema } = project();
    const elsewhere = mkdtempSync(join(work, 'elsewhere-'));
    expect(schemaReference(join(elsewhere, 'mine.yaml'), elsewhere, schema)).toBeUndefined();
    expect(schemaReference(join(elsewhere, 'mine.yaml'), elsewhere, join(elsewhere, 'missing.json'))).toBeUndefined();
  });
});

describe('init header', () => {
  it('outside a project with pointsmith: no modeline, the command that writes the schema', async () => {
    const dir = mkdtempSync(join(work, 'plain-'));
    const io = memoryIo({ cwd: dir });
    expect(await main(['init', '--yes', '--out', 'mine.yaml'], io)).toBe(0);
    const lines = readFileSync(join(dir, 'mine.yaml'), 'utf8').split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '# Editor completion: `pointsmith schema --out program.schema.json` writes the JSON Schema',
      '# of the format beside this file; then make this the first line:',
      '#   # yaml-language-server: $schema=./program.schema.json',
    ]);
    // yaml-language-server reads a line that starts `# yaml-language-server:`; none does.
    expect(lines.filter((l) => /^#\s*yaml-language-server\s*:/.test(l))).toEqual([]);
  });
});
