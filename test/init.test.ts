import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { memoryIo } from '../src/cli/io.js';
import { programSchema } from '../src/program/schema.js';
import { DEFAULT_STARTER, renderStarterDesign, STARTER_ACTIVITIES } from '../src/program/starter.js';

describe('init', () => {
  it('writes a starter design with --yes that the schema accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-init-'));
    const io = memoryIo({ cwd: dir });
    expect(await main(['init', '--yes'], io)).toBe(0);
    const text = readFileSync(join(dir, 'program.yaml'), 'utf8');
    const parsed = programSchema.safeParse(parse(text));
    expect(parsed.success).toBe(true);
    // The defaults pick 5 ways to earn (issue 3's "starter" shape) and 3 tiers.
    expect(Object.keys(parsed.data?.activities ?? {})).toHaveLength(5);
    expect(parsed.data?.tiers.map((t) => t.name)).toEqual(['Registered', 'Silver', 'Gold']);
  });

  it('every preset activity renders into a valid design', () => {
    const text = renderStarterDesign({ ...DEFAULT_STARTER, activities: STARTER_ACTIVITIES.map((a) => a.id) }) as string;
    expect(programSchema.safeParse(parse(text)).success).toBe(true);
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-init-'));
    writeFileSync(join(dir, 'mine.yaml'), 'keep me');
    const io = memoryIo({ cwd: dir });
    expect(await main(['init', '--yes', '--out', 'mine.yaml'], io)).toBe(2);
    expect(io.err()).toContain('already exists');
    expect(io.err()).toContain('--force');
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe('keep me');
    expect(await main(['init', '--yes', '--out', 'mine.yaml', '--force'], memoryIo({ cwd: dir }))).toBe(0);
  });

  it('refuses an existing --out before asking any question', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-init-'));
    writeFileSync(join(dir, 'mine.yaml'), 'keep me');
    // A terminal: were the target checked after the questions, this would wait for answers.
    const io = memoryIo({ cwd: dir, tty: true });
    expect(await main(['init', '--out', 'mine.yaml'], io)).toBe(2);
    expect(io.err()).toBe(`error: ${join(dir, 'mine.yaml')} already exists; not overwriting it\nhint: add --force to replace it, or choose another --out file\n`);
  });

  it('refuses to ask questions without a terminal', async () => {
    const io = memoryIo();
    expect(await main(['init'], io)).toBe(2);
    expect(io.err()).toContain('not a terminal');
    expect(io.err()).toContain('--yes');
  });
});
