/**
 * Quote-free text is cut and interned in place (`CsvTextBatch`); everything else goes
 * through PapaParse's records. Both must read any file alike: same store arrays, same
 * interned values, same diagnostics and counts, same fatal errors. Each case parses the
 * same bytes both ways (`parseHistory(..., unquotedText)`) and compares deeply.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/diagnostics/diagnostic.js';
import type { CsvInput } from '../../src/history/csv-records.js';
import { parseHistory } from '../../src/history/read-history.js';

type Outcome = { ok: unknown } | { fatal: unknown };

async function outcome(input: () => CsvInput, unquotedText: boolean): Promise<Outcome> {
  try {
    const parsed = await parseHistory(input(), { file: 'h.csv' }, unquotedText);
    return { ok: parsed };
  } catch (error) {
    if (error instanceof DiagnosticError) return { fatal: error.diagnostics };
    throw error;
  }
}

async function bothWays(text: string, chunk?: number): Promise<Outcome> {
  const bytes = Buffer.from(text, 'utf8');
  const input = (): CsvInput => {
    if (chunk === undefined) return bytes;
    return (async function* () {
      for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
    })();
  };
  const inPlace = await outcome(input, true);
  const records = await outcome(input, false);
  expect(inPlace).toEqual(records);
  return inPlace;
}

const HEADER = 'partner_id,date,activity,quantity,amount,product,region';

describe('quote-free text read in place', () => {
  it('reads good and bad rows, blank lines, spaces and a missing last newline like PapaParse', async () => {
    const lines = [
      HEADER,
      'P2,2024-01-02,deal_closed,1,100,saas,emea', //  row 1: good
      '', //                                           a blank line: no row
      'P1,2024-01-01,demo_delivered,,,,', //           row 2: blanks take the defaults
      ' P1 ,2024-01-03, cert_earned ,2.5, -40 , saas ,', // row 3: spaces trimmed, dimension kept as written
      'P3,2024-02-30,deal_closed,1,0,,', //            row 4: impossible date
      'P3,03/01/2024,deal_closed,1,0,,', //            row 5: bad date
      'P3,2024-03-01,deal_closed,-1,0,,', //           row 6: negative quantity
      'P3,2024-03-01,deal_closed,x,$5,,', //           row 7: bad quantity and bad amount (one row, two problems)
      ',2024-03-01,,1,0,,', //                         row 8: empty partner and activity
      'P3,2024-03-01,deal_closed,1,0,saas', //         row 9: too few fields
      'P3,2024-03-01,deal_closed,1,0,saas,emea,x', //  row 10: too many fields
      'P3, 2024-03-01,deal_closed,1,0,,', //           row 11: date with a space (trimmed, fine)
      'P3,2024-03-02,deal_closed,1e3,0x10,,apac', //   row 12: hex is not decimal notation (bad)
    ];
    const result = await bothWays(lines.join('\n'));
    expect('ok' in result).toBe(true);
    if (!('ok' in result)) return;
    const parsed = result.ok as Awaited<ReturnType<typeof parseHistory>>;
    // Rows 4-10 and 12 are bad (8 rows); rows 1, 2, 3, 11 are kept.
    expect(parsed.badRows).toBe(8);
    expect(parsed.store.size).toBe(4);
    expect(parsed.store.dimensions['product']?.values).toEqual(['', ' saas ', 'saas']);
    // Row 4 is on line 6: header 1, row 1 on 2, the blank line 3, rows 2-3 on 4-5.
    expect(parsed.diagnostics[0]).toMatchObject({ code: 'csv-impossible-date', line: 6, col: 2 });
  });

  it('reads CRLF files with a byte-order mark, and a lone CR stays in its field', async () => {
    await bothWays(`\uFEFF${HEADER}\r\nP1,2024-01-01,deal_closed,1,5,saas,emea\r\n\r\nP1,2024-01-02,deal_closed,1,5,sa\ras,emea\r\nP2,2024-01-02,deal_closed,1,5,saas\r\n`);
    // An LF file keeps the CR of a CRLF line in the last field.
    await bothWays(`${HEADER}\nP1,2024-01-01,deal_closed,1,5,saas,emea\r\nP1,2024-01-02,deal_closed,1,5,saas,emea\n`);
  });

  it('reads streams cut anywhere, mixing quoted and quote-free slices', async () => {
    const rows: string[] = [HEADER];
    // 30,000 rows (about 1.4 MB, six 256 KB slices), 3,000 partners and 9,000 customer
    // values (the interning table grows past its first 1,024 slots), a quoted field in
    // every 10,000th row (its slice goes through PapaParse) and a bad row every 997th.
    for (let i = 1; i <= 30_000; i++) {
      const date = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      const product = i % 10_000 === 0 ? '"saas, annual"' : i % 3 === 0 ? '' : `prod${i % 9_000}`;
      const quantity = i % 997 === 0 ? 'many' : i % 5 === 0 ? '' : String(i % 4);
      rows.push(`P${i % 3_000},${date},act_${i % 17},${quantity},${i % 7 === 0 ? '' : (i * 13) % 5000},${product},r${i % 4}`);
    }
    const text = rows.join('\n') + '\n';
    const whole = await bothWays(text);
    const parsed = (whole as { ok: Awaited<ReturnType<typeof parseHistory>> }).ok;
    // Quantity `many` in rows 997, 1994, ... 29913: floor(30000 / 997) = 30 rows.
    expect(parsed.badRows).toBe(30);
    expect(parsed.store.size).toBe(30_000 - 30);
    expect(parsed.store.partnerIds.length).toBe(3_000);
    await bothWays(text, 7_919);
  });

  it('gives the same fatal errors: empty, header only, missing column', async () => {
    expect(await bothWays('')).toHaveProperty('fatal');
    expect(await bothWays(`${HEADER}\n`)).toHaveProperty('fatal');
    expect(await bothWays('\n\npartner_id,activity\nP1,deal_closed\n')).toHaveProperty('fatal');
  });

  // Digits-only numbers are read by character codes (up to 15 digits, exact below 2^53),
  // and a date equal to the row above's is compared in place: the fields below hit both.
  it('reads any quote-free file alike (property)', async () => {
    const field = fc.constantFrom('', ' ', 'P1', 'P2 ', 'x', '1', '0', '-3', '2.5', '2024-01-31', '2024-01-30', '2024-02-30', ' 2024-05-05', 'deal_closed', '\r', 'Ü', '007', '999999999999999', '12345678901234567', '1 2');
    const line = fc.array(field, { minLength: 1, maxLength: 6 }).map((fields) => fields.join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 40 }), async (lines, newline, chunk) => {
        const text = ['partner_id,date,activity,quantity,amount,product', ...lines].join(newline);
        await bothWays(text, chunk);
      }),
      { numRuns: 200 },
    );
  });
});
