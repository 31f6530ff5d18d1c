/**
 * The `legacy:` examples of docs/format.md and docs/commands/transition.md start with a
 * base level, so a transition that follows them maps every partner. Measured on the
 * bundled sample (programs/lifecycle.yaml with the doc's legacy section, the sample's
 * partners without their legacy_level column, so every level is computed): 0 partners
 * without an equivalent; the same example without its base level leaves out 1,587 of
 * 2,000 (the figure docs/format.md quotes).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'ps-legacy-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first yaml block of a doc that starts with `legacy:`, without the `# ...` comments. */
function legacyExample(file: string): string {
  const doc = readFileSync(file, 'utf8');
  const block = /```yaml\n(legacy:\n[\s\S]*?)```/.exec(doc)?.[1];
  expect(block, file).toBeDefined();
  return block!;
}

async function unmapped(legacy: string): Promise<{ partners: number; unmapped: number }> {
  const life = readFileSync('programs/lifecycle.yaml', 'utf8');
  const design = life.replace(/\nlegacy:\n[\s\S]*?\nscenarios:/, `\n${legacy}\nscenarios:`);
  expect(design).not.toBe(life);
  const name = `d${Math.random().toString(36).slice(2)}`;
  writeFileSync(join(dir, `${name}.yaml`), design);
  // Without legacy_level (the 5th column), every partner's level is computed from the history.
  const partners = readFileSync('fixtures/sample/partners.csv', 'utf8').split('\n').map((l) => l.split(',').filter((_, i) => i !== 4).join(','));
  writeFileSync(join(dir, `${name}.csv`), partners.join('\n'));
  const io = memoryIo();
  const code = await main(['transition', join(dir, `${name}.yaml`), '--history', 'fixtures/sample/history.csv', '--partners', join(dir, `${name}.csv`), '--format', 'json', '--no-cache'], io);
  expect(code).toBe(0);
  const rows = (JSON.parse(io.out()) as { partner_rows: { movement: string }[] }).partner_rows;
  return { partners: rows.length, unmapped: rows.filter((r) => r.movement === 'unmapped').length };
}

describe('the docs\' legacy: example', () => {
  it('is the same levels and equivalents in docs/format.md and docs/commands/transition.md, with a base level first', () => {
    const format = parse(legacyExample('docs/format.md')) as { legacy: { levels: { name: string; revenue: number; certified?: number }[]; equivalent: Record<string, string> } };
    const transition = parse(legacyExample('docs/commands/transition.md')) as typeof format;
    expect(transition.legacy.levels).toEqual(format.legacy.levels);
    expect(transition.legacy.equivalent).toEqual(format.legacy.equivalent);
    const base = format.legacy.levels[0]!;
    expect(base).toEqual({ name: 'Registered', revenue: 0 });
    expect(format.legacy.equivalent[base.name]).toBe('Registered');
  });

  it('maps every partner of the sample; without the base level 1,587 of 2,000 would have no equivalent', async () => {
    const example = legacyExample('docs/format.md');
    expect(await unmapped(example)).toEqual({ partners: 2000, unmapped: 0 });
    const withoutBase = example.replace(/^\s+- \{ name: Registered.*\n/m, '').replace('equivalent: { Registered: Registered, ', 'equivalent: { ');
    expect(await unmapped(withoutBase)).toEqual({ partners: 2000, unmapped: 1587 });
  }, 60_000);
});
