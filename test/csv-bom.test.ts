/**
 * `--bom`: the CSV reports start with EF BB BF (UTF-8's byte-order mark, so Excel reads
 * accented names as UTF-8) and are otherwise the same bytes; with another format, exit 2.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

const work = mkdtempSync(join(tmpdir(), 'ps-bom-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const WHATIF = ['fixtures/whatif/design.yaml', '--history', 'fixtures/whatif/history.csv', '--no-cache'];
const TRANSITION = ['fixtures/transition/program.yaml', '--history', 'fixtures/transition/history.csv', '--partners', 'fixtures/transition/partners.csv', '--no-cache'];

const cases: [string, string[]][] = [
  ['run', ['run', ...WHATIF]],
  ['compare', ['compare', ...WHATIF, '--scenario', 'double_deal']],
  ['sensitivity', ['sensitivity', ...WHATIF, '--workers', '0']],
  ['sensitivity --sweep', ['sensitivity', ...WHATIF, '--workers', '0', '--sweep', 'activities.deal.points=50,150']],
  ['transition', ['transition', ...TRANSITION]],
];

async function written(name: string, args: string[]): Promise<Buffer> {
  const file = join(work, `${name.replace(/\W+/g, '-')}-${Math.random().toString(36).slice(2)}.csv`);
  const io = memoryIo();
  const code = await main([...args, '--out', file], io);
  expect(io.err()).toMatch(/^wrote .*\.csv$/m);
  expect(code).toBe(0);
  return readFileSync(file);
}

describe('--bom', () => {
  it.each(cases)('%s --format csv --bom: EF BB BF, then the same CSV as without', async (name, args) => {
    const plain = await written(name, [...args, '--format', 'csv']);
    const marked = await written(name, [...args, '--format', 'csv', '--bom']);
    expect([...marked.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(plain[0]).not.toBe(0xef);
    expect(marked.subarray(3).equals(plain)).toBe(true);
  });

  it.each(cases)('%s --bom with another format: exit 2 before any work, nothing written', async (_name, args) => {
    const io = memoryIo();
    const code = await main([...args, '--format', 'json', '--bom'], io);
    expect(code).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toBe('error: --bom only applies to --format csv (the format is json)\nhint: add --format csv, or leave out --bom\n');
  });
});
