/**
 * `transition --max-memory` and the heap check (issue 13, item 4): a run that would not
 * fit stops before the replay with exit 2, the estimate, the limit and what to do, and
 * writes nothing. Through the real binary on fixtures/transition (4 partners, the 4
 * quarters of 2024), with a limit of 1 MB that no process fits, so the test is instant.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { memoryRefusal } from '../../src/cli/memory-guard.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/pointsmith.js', import.meta.url));
const exec = promisify(execFile);
const DIR = 'fixtures/transition';
const BASE = ['transition', `${DIR}/program.yaml`, '--history', `${DIR}/history.csv`, '--partners', `${DIR}/partners.csv`, '--no-cache'];

async function pointsmith(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...BASE, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const MB = 1 << 20;

describe('transition --max-memory', () => {
  it('over the limit: exit 2 before the replay, the estimate and a hint; nothing printed or written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ps-mem-')), 'report.json');
    const r = await pointsmith('--format', 'json', '--max-memory', '1', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: transition needs about [\d,]+ MB for 4 partners over 4 periods, more than --max-memory 1 MB allows; nothing was replayed\n/);
    expect(r.stderr).toContain('hint: raise --max-memory if the machine has the memory, or narrow the history to fewer partners');
    expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('a limit that is not a whole number of megabytes, 1 or more: exit 2 naming the option', async () => {
    for (const bad of ['0', '1.5', 'lots', '-3']) {
      const r = await pointsmith('--max-memory', bad);
      expect(r.code, bad).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, bad).toContain(`option '--max-memory <MB>' argument '${bad}' is invalid. expected a whole number of megabytes, 1 or more (e.g. 1500)`);
    }
  });

  it('a limit the run fits in: the report as without it', async () => {
    const [without, within] = await Promise.all([pointsmith('--format', 'json'), pointsmith('--format', 'json', '--max-memory', '100000')]);
    expect(within.code).toBe(0);
    expect(within.stdout).toBe(without.stdout);
  });
});

describe('the estimate', () => {
  /*
   * 400,000 partners over 8 quarters, 500 MB resident and 300 MB of heap in use once the
   * history is read:
   *   resident: 500 MB + 400,000 × (8 × 136 + 1,300) B = 524,288,000 + 955,200,000 B
   *             = 1,479,488,000 B = 1,410.95 MB → "about 1,411 MB": fits 1,500, not 1,400;
   *   heap:     300 MB + 400,000 × 800 B = 314,572,800 + 320,000,000 B = 634,572,800 B
   *             = 605.18 MB → "about 606 MB": over a 512 MB limit; the suggestion is
   *             605.18 × 1.5 = 907.8 MB rounded up to a multiple of 512: 1024.
   */
  const need = { partners: 400_000, periods: 8 };
  const now = { rss: 500 * MB, heapUsed: 300 * MB, heapLimit: 4096 * MB };

  it('against --max-memory', () => {
    expect(memoryRefusal({ ...need, maxMemory: 1_500 }, now)).toBeUndefined();
    expect(memoryRefusal({ ...need, maxMemory: undefined }, now)).toBeUndefined();
    const refusal = memoryRefusal({ ...need, maxMemory: 1_400 }, now);
    expect(refusal?.message).toBe('transition needs about 1,411 MB for 400,000 partners over 8 periods, more than --max-memory 1,400 MB allows; nothing was replayed');
    expect(refusal?.exitCode).toBe(2);
  });

  it('against Node\'s heap limit, with the NODE_OPTIONS to raise it', () => {
    const refusal = memoryRefusal({ ...need, maxMemory: undefined }, { ...now, heapLimit: 512 * MB });
    expect(refusal?.message).toBe('transition needs about 606 MB of JavaScript heap for 400,000 partners over 8 periods, more than Node\'s heap limit of 512 MB; nothing was replayed');
    expect(refusal?.hint).toContain('NODE_OPTIONS=--max-old-space-size=1024 pointsmith transition');
    expect(refusal?.exitCode).toBe(2);
  });
});
