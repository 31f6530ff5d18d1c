/** Which days `generate` writes: flags, then the design's dates, then the default span. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { outsideDesign, resolveSpan, spanEnd } from '../../src/history/generator/span.js';

const ROOT = resolve(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'ps-generate-span-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('resolveSpan', () => {
  it('takes each bound from the flag, else the design, else the default', () => {
    expect(resolveSpan({})).toEqual({ from: '2024-01-01', to: '2025-12-31', fromSource: 'default', toSource: 'default' });
    expect(resolveSpan({ starts: '2025-01-01', ends: '2025-06-30' })).toEqual({ from: '2025-01-01', to: '2025-06-30', fromSource: 'design', toSource: 'design' });
    // No `ends`: two years from the design's first day, less a day.
    expect(resolveSpan({ starts: '2025-04-01' })).toMatchObject({ from: '2025-04-01', to: '2027-03-31', toSource: 'default' });
    // A flag wins over the design, bound by bound.
    expect(resolveSpan({ from: '2025-03-01', starts: '2025-01-01', ends: '2025-12-31' })).toMatchObject({ from: '2025-03-01', to: '2025-12-31', fromSource: 'flag', toSource: 'design' });
    expect(resolveSpan({ to: '2025-02-28', starts: '2025-01-01', ends: '2025-12-31' })).toMatchObject({ from: '2025-01-01', to: '2025-02-28' });
    // --from alone without a design: two years from it.
    expect(resolveSpan({ from: '2023-07-01' })).toMatchObject({ to: '2025-06-30' });
  });

  it('ends two years on, less a day (29 February + 2 years = 1 March, so 28 February)', () => {
    expect(spanEnd('2024-01-01', 2)).toBe('2025-12-31');
    expect(spanEnd('2024-02-29', 2)).toBe('2026-02-28');
  });

  it('says which side of the span the design would ignore', () => {
    expect(outsideDesign(resolveSpan({}), '2024-01-01', '2025-12-31')).toEqual([]);
    expect(outsideDesign(resolveSpan({}), '2025-01-01', undefined)).toEqual(['--from 2024-01-01 is before the design starts (2025-01-01): rows before it are ignored by run']);
    expect(outsideDesign(resolveSpan({}), '2024-01-01', '2024-12-31')).toEqual(['--to 2025-12-31 is after the design ends (2024-12-31): rows after it are ignored by run']);
  });
});

describe('generate --program: the design’s dates', () => {
  const design = (starts: string, ends?: string): string => {
    // programs/starter.yaml with its dates replaced (its `ends:` line dropped, then written when given).
    const text = readFileSync(join(ROOT, 'programs/starter.yaml'), 'utf8')
      .replace(/\n  ends: \d{4}-\d{2}-\d{2}[^\n]*/, '')
      .replace(/starts: \d{4}-\d{2}-\d{2}/, `starts: ${starts}${ends === undefined ? '' : `\n  ends: ${ends}`}`);
    const file = join(work, `design-${starts}-${ends ?? 'open'}.yaml`);
    writeFileSync(file, text);
    return file;
  };
  const days = (dir: string): string[] => readFileSync(join(work, dir, 'history.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1] as string);

  it('writes rows only inside starts..ends when no date is given', async () => {
    const io = memoryIo({ cwd: ROOT });
    expect(await main(['generate', '--partners', '60', '--program', design('2025-04-01', '2025-09-30'), '--out', join(work, 'inside')], io)).toBe(0);
    expect(io.err()).toContain('2025-04-01 to 2025-09-30');
    const d = days('inside');
    expect(d.length).toBeGreaterThan(100);
    expect(d.every((x) => x >= '2025-04-01' && x <= '2025-09-30')).toBe(true);
  });

  it('lets explicit dates win, and warns about the rows the design would ignore', async () => {
    const io = memoryIo({ cwd: ROOT });
    expect(await main(['generate', '--partners', '60', '--program', design('2025-04-01', '2025-09-30'), '--from', '2025-01-01', '--out', join(work, 'flag')], io)).toBe(0);
    expect(io.err()).toContain('warning: --from 2025-01-01 is before the design starts (2025-04-01): rows before it are ignored by run');
    const d = days('flag');
    expect(d[0]?.startsWith('2025-01')).toBe(true);
    expect(d.every((x) => x <= '2025-09-30')).toBe(true);
  });

  it('names where a reversed span came from', async () => {
    const io = memoryIo({ cwd: ROOT });
    expect(await main(['generate', '--partners', '5', '--program', design('2025-04-01', '2025-09-30'), '--to', '2025-01-31', '--out', join(work, 'rev')], io)).toBe(2);
    expect(io.err()).toContain("error: --to 2025-01-31 is before the design's starts 2025-04-01");
  });
});
