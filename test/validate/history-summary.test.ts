/**
 * `validate --history` on a history with more bad rows than are listed: the summary counts
 * the rows only counted, not the one "N more not shown" line as a single error.
 *
 * 1,500 rows, each dated in month 13 (one csv-impossible-date each). The reader details the
 * first 1,000; validate adds one csv-more-bad-rows for the other 500. Problems: 1,000 + 500
 * = 1,500 errors, in the history only; the design is valid.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';
import { removeTempTrees, tempTree } from './design-files.js';

const rows = ['partner_id,date,activity,quantity,amount', ...Array.from({ length: 1500 }, (_, i) => `P${i},2024-13-01,deal,1,0`)];

async function run(args: string[], cwd: string) {
  const io = memoryIo({ cwd });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('validate --history summary', () => {
  afterAll(removeTempTrees);
  const design = `${process.cwd()}/fixtures/history/design.yaml`;

  it('text: 1500 errors in 1 file (1000 listed); 1 file valid', async () => {
    const cwd = tempTree({ 'h.csv': `${rows.join('\n')}\n` });
    const r = await run(['validate', design, '--history', 'h.csv'], cwd);
    expect(r.code).toBe(1);
    expect(r.out).toContain('csv-more-bad-rows  500 more bad row(s) not shown (1500 in all)');
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('1500 errors in 1 file (1000 listed); 1 file valid');
  });

  it('json: the summary counts 1500 errors beside 1001 diagnostics', async () => {
    const cwd = tempTree({ 'h.csv': `${rows.join('\n')}\n` });
    const r = await run(['validate', design, '--history', 'h.csv', '--format', 'json'], cwd);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { diagnostics: unknown[]; summary: Record<string, unknown> };
    expect(report.diagnostics).toHaveLength(1001);
    expect(report.summary).toEqual({ files: 2, errors: 1500, warnings: 0, ok: false });
  });

  it('a history with few bad rows lists them all and says nothing of "listed"', async () => {
    const cwd = tempTree({ 'h.csv': `${rows.slice(0, 4).join('\n')}\n` });
    const r = await run(['validate', design, '--history', 'h.csv'], cwd);
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('3 errors in 1 file; 1 file valid');
  });
});
