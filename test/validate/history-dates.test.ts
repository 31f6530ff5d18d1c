import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../../src/cli/io.js';

// fixtures/hand/program.yaml runs 2024-01-01..2024-12-31; its history has one row before
// (data row 1, line 2: acme 2023-12-31) and one after (data row 20, line 21: bolt 2025-01-05).
const args = ['validate', 'fixtures/hand/program.yaml', '--history', 'fixtures/hand/history.csv'];

describe('validate --history: rows outside the program dates', () => {
  it('warns once per side, at the first such row, and still exits 0', async () => {
    const io = memoryIo();
    expect(await main(args, io)).toBe(0);
    expect(io.out()).toContain('fixtures/hand/history.csv:2:2  warning  csv-row-before-program  1 row(s) dated before the program starts (2024-01-01)');
    expect(io.out()).toContain('fixtures/hand/history.csv:21:2  warning  csv-row-after-program  1 row(s) dated after the program ends (2024-12-31)');
    expect(io.out()).toContain('the first is row 20 (2025-01-05)');
  });

  it('fails with --strict', async () => {
    const io = memoryIo();
    expect(await main([...args, '--strict', '--format', 'json'], io)).toBe(1);
    const doc = JSON.parse(io.out()) as { diagnostics: { code: string; line: number }[] };
    expect(doc.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['csv-row-before-program', 2],
      ['csv-row-after-program', 21],
    ]);
  });
});
