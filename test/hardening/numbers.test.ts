/**
 * Numbers (issue 13): history amounts in decimal notation only and within 2^53, each
 * refusal positioned at its row and column; a design scoring by amount against a history
 * without an amount column is an error (exit 2) naming the activity and the columns.
 * The design's own bounds (±1e12) are in fixtures/invalid (huge-points, huge-budget).
 */
import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../src/history/decimal.js';
import { invoke } from './hostile-inputs.js';

const DESIGN = 'fixtures/hostile/design.yaml';

describe('history numbers', () => {
  it('parseDecimal: decimals and exponents; no hex, binary, octal, Infinity; nothing beyond 2^53', () => {
    expect(parseDecimal('12500.50')).toBe(12500.5);
    expect(parseDecimal('-3')).toBe(-3);
    expect(parseDecimal('1.5e3')).toBe(1500);
    expect(parseDecimal('.5')).toBe(0.5);
    for (const text of ['0x10', '0b11', '0o7', 'Infinity', '-Infinity', '1_000', '1,000', '', ' 1']) expect(parseDecimal(text), text).toBe('not-decimal');
    expect(parseDecimal('9007199254740992')).toBe(2 ** 53);
    expect(parseDecimal('9007199254740994')).toBe('out-of-range');
    expect(parseDecimal('123456789012345678901')).toBe('out-of-range');
    expect(parseDecimal('-1e308')).toBe('out-of-range');
    expect(parseDecimal('1e999')).toBe('out-of-range');
  });

  it('run: each refused amount is an error at its row and column, exit 2', async () => {
    const { code, out, err } = await invoke(['run', DESIGN, '--history', 'fixtures/hostile/amount-notation.csv', '--no-cache']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n').slice(0, 4)).toEqual([
      'fixtures/hostile/amount-notation.csv:2:4: error csv-bad-amount: row 1: amount `0x10` is not a number (write plain numbers without currency signs or thousands separators, like 12500.50)',
      'fixtures/hostile/amount-notation.csv:3:4: error csv-bad-amount: row 2: amount `0b11` is not a number (write plain numbers without currency signs or thousands separators, like 12500.50)',
      'fixtures/hostile/amount-notation.csv:4:4: error csv-number-out-of-range: row 3: amount `123456789012345678901` is beyond 2^53 (9007199254740992) (a history number lies between -2^53 and 2^53; check the column)',
      'fixtures/hostile/amount-notation.csv:5:4: error csv-number-out-of-range: row 4: amount `-1e308` is beyond 2^53 (9007199254740992) (a history number lies between -2^53 and 2^53; check the column)',
    ]);
  });

  it('a design scoring by amount against a history with no amount column: exit 2, naming the activity and the columns', async () => {
    const { code, out, err } = await invoke(['run', DESIGN, '--history', 'fixtures/hostile/no-amount-column.csv', '--no-cache']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      'fixtures/hostile/no-amount-column.csv:1:1: error csv-missing-amount-column: activity `deal_closed` scores by amount, but the history has no `amount` column; its columns: partner_id, date, activity, revenue (add an amount column, or name yours with --column amount="Header")\n',
    );
  });
});
