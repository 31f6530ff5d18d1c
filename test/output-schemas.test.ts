/**
 * The published JSON Schemas of the commands' `--format json` documents (schema/<command>.schema.json):
 * not stale against the TypeScript types they are generated from, printed by `schema --output`,
 * and accepted by a real JSON Schema validator (ajv) on each command's real output from the bin.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { OUTPUT_SCHEMAS, type OutputSchema } from '../src/cli/commands/schema.js';
import { pointsmith } from './support/bin.js';
// @ts-expect-error: a plain ES module script (the generator runs on the sources), no declarations
import { OUTPUT_DOCUMENTS, outputSchemas } from '../scripts/output-schemas.mjs';

const committed = (command: string): string => readFileSync(new URL(`../schema/${command}.schema.json`, import.meta.url), 'utf8');
const SAMPLE = ['programs/lifecycle.yaml', '--history', 'fixtures/sample/history.csv', '--partners', 'fixtures/sample/partners.csv'];
const HAND = ['fixtures/hand/program.yaml', '--history', 'fixtures/hand/history.csv', '--partners', 'fixtures/hand/partners.csv'];
const TRANSITION = ['fixtures/transition/program.yaml', '--history', 'fixtures/transition/history.csv', '--partners', 'fixtures/transition/partners.csv'];

describe('the committed output schemas', () => {
  it('are generated from the renderers\' types (run `npm run schemas` when a type changes)', { timeout: 120_000 }, () => {
    const generated = outputSchemas() as Map<string, string>;
    expect([...generated.keys()]).toEqual([...OUTPUT_SCHEMAS]);
    const stale = [...generated].filter(([command, text]) => committed(command) !== text).map(([command]) => `schema/${command}.schema.json`);
    expect(stale, 'stale; run `npm run schemas` and commit them').toEqual([]);
  });

  it('are every schema/ file but the input formats\' (program, data), one per command the generator lists', () => {
    // program and data (the --data manifest) are the input formats' schemas.
    const files = readdirSync(new URL('../schema/', import.meta.url)).filter((f) => f !== 'program.schema.json' && f !== 'data.schema.json').sort();
    expect(files).toEqual(OUTPUT_SCHEMAS.map((c) => `${c}.schema.json`).sort());
    expect((OUTPUT_DOCUMENTS as { command: string }[]).map((d) => d.command)).toEqual([...OUTPUT_SCHEMAS]);
  });

  it('`schema --output run` prints the committed bytes; an unknown one exits 2 with a guess', async () => {
    const r = await pointsmith('schema', '--output', 'run');
    expect(r.code).toBe(0);
    expect(r.out).toBe(committed('run'));
    const bad = await pointsmith('schema', '--output', 'compre');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('compre');
    expect(bad.err).toContain('did you mean `compare`?');
    expect(bad.err).not.toMatch(/\n\s+at /);
  });
});

describe('each command\'s real JSON output is valid against its schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = (command: OutputSchema, text: string): unknown[] => {
    const check = ajv.getSchema(`urn:pointsmith:output:${command}:1`) ?? ajv.compile(JSON.parse(committed(command)) as object);
    check(JSON.parse(text));
    return check.errors ?? [];
  };

  const cases: [OutputSchema, string[], number[]][] = [
    ['run', ['run', ...SAMPLE, '--format', 'json'], [0]],
    ['compare', ['compare', 'programs/lifecycle.yaml', 'programs/services.yaml', '--history', 'fixtures/sample/history.csv', '--partners', 'fixtures/sample/partners.csv', '--format', 'json'], [0]],
    ['check', ['check', ...HAND, '--format', 'json'], [0, 1]],
    // A design that does not validate: no guardrail tested, the problems listed.
    ['check', ['check', 'fixtures/invalid/unknown-key-typo.yaml', '--history', 'fixtures/hand/history.csv', '--format', 'json'], [1]],
    ['simulate', ['simulate', ...HAND, '--runs', '4', '--seed', '1', '--format', 'json'], [0]],
    ['sensitivity', ['sensitivity', ...HAND, '--workers', '0', '--format', 'json'], [0]],
    ['sensitivity', ['sensitivity', ...HAND, '--workers', '0', '--sweep', 'tiers.Silver.min_points=100,200', '--format', 'json'], [0]],
    ['explain', ['explain', ...TRANSITION, '--partner', 'A', '--format', 'json'], [0]],
    ['transition', ['transition', ...TRANSITION, '--format', 'json'], [0]],
    ['validate', ['validate', 'programs/lifecycle.yaml', 'fixtures/invalid/scenario-extends-unknown.yaml', '--format', 'json'], [0, 1]],
    ['calibrate', ['calibrate', 'fixtures/calibrate/program.yaml', '--history', 'fixtures/calibrate/history.csv', '--partners', 'fixtures/calibrate/partners.csv', '--target', 'tiers.Gold.share=30%', '--vary', 'tiers.Gold.min_points', '--format', 'json'], [0, 1]],
  ];

  it.each(cases)('%s: %j', { timeout: 60_000 }, async (command, args, codes) => {
    const r = await pointsmith(...args);
    expect(codes, r.err).toContain(r.code);
    expect(validate(command, r.out)).toEqual([]);
  });

  it.each(['generate', 'init'] as const)('%s (files written to a temporary folder)', { timeout: 60_000 }, async (command) => {
    const dir = mkdtempSync(join(tmpdir(), `pointsmith-${command}-`));
    try {
      const args = command === 'generate' ? ['generate', '--partners', '12', '--seed', '3', '--out', dir] : ['init', '--yes', '--out', join(dir, 'program.yaml')];
      const r = await pointsmith(...args, '--format', 'json');
      expect(r.code, r.err).toBe(0);
      expect(validate(command, r.out)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a document with a key the type lacks (the schemas are closed)', async () => {
    const r = await pointsmith('init', '--yes', '--out', join(mkdtempSync(join(tmpdir(), 'pointsmith-init-')), 'p.yaml'), '--format', 'json');
    const doc = JSON.parse(r.out) as Record<string, unknown>;
    expect(validate('init', JSON.stringify({ ...doc, extra: 1 }))).not.toEqual([]);
  });
});
