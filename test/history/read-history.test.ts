import { describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/diagnostics/diagnostic.js';
import { readHistory } from '../../src/history/read-history.js';

const ACTIVITIES = ['deal_closed', 'demo_delivered', 'cert_earned'];
const read = (text: string, options: Partial<Parameters<typeof readHistory>[1]> = {}) =>
  readHistory(Buffer.from(text, 'utf8'), { file: 'h.csv', activities: ACTIVITIES, ...options });

async function fatal(text: string, options: Partial<Parameters<typeof readHistory>[1]> = {}): Promise<DiagnosticError> {
  try {
    await read(text, options);
  } catch (error) {
    if (error instanceof DiagnosticError) return error;
    throw error;
  }
  throw new Error('expected a DiagnosticError');
}

const HEADER = 'partner_id,date,activity,quantity,amount,product\n';

describe('readHistory: formats', () => {
  it('reads a plain file with defaults for quantity and amount', async () => {
    const { store, diagnostics } = await read('partner_id,date,activity,region\nP2,2024-01-02,demo_delivered,emea\nP1,2024-01-01,deal_closed,\n');
    expect(diagnostics).toEqual([]);
    expect(store.partnerIds).toEqual(['P1', 'P2']);
    expect([...store.quantity]).toEqual([1, 1]);
    expect([...store.amount]).toEqual([0, 0]);
    expect(store.dimensions['region']?.values).toEqual(['', 'emea']);
    expect([...store.row]).toEqual([2, 1]);
    // physical lines: header 1, P2 on 2, P1 on 3
    expect([...(store.line ?? [])]).toEqual([3, 2]);
    expect(store.columns).toEqual({ partner_id: 1, date: 2, activity: 3, region: 4 });
  });

  it('strips a UTF-8 BOM and reads CRLF line ends', async () => {
    const { store } = await read('\uFEFFpartner_id,date,activity\r\nP1,2024-01-01,deal_closed\r\nP1,2024-01-02,cert_earned\r\n');
    expect(store.size).toBe(2);
    expect(store.activityIds).toEqual(['cert_earned', 'deal_closed']);
  });

  it('keeps commas and newlines inside quoted fields, and counts lines after them', async () => {
    const text = HEADER + 'P1,2024-01-01,deal_closed,1,100,"saas, annual"\nP1,2024-01-02,deal_closed,1,200,"multi\nline\nproduct"\nP1,2024-01-03,deal_closed,x,0,saas\n';
    const { store, diagnostics } = await read(text);
    expect(store.dimensions['product']?.values).toEqual(['', 'multi\nline\nproduct', 'saas, annual']);
    // Row 3 starts on line 6: header 1, row 1 on 2, row 2 on 3-5 (two quoted newlines), row 3 on 6.
    expect(diagnostics).toEqual([
      { severity: 'error', code: 'csv-bad-quantity', message: 'row 3: quantity `x` is not a number', file: 'h.csv', line: 6, col: 4, hint: 'leave it blank for 1' },
    ]);
  });

  it('counts lines right in a CRLF file with a quoted CRLF inside a field, and reports progress', async () => {
    const text = 'partner_id,date,activity,note\r\nP1,2024-01-01,deal_closed,"two\r\nlines"\r\n\r\nP1,2024-01-02,deal_closed,-\r\nP1,2024-01-32,deal_closed,x\r\n';
    const seen: number[] = [];
    const { store, diagnostics } = await read(text, { onProgress: (bytes) => seen.push(bytes) });
    expect(store.dimensions['note']?.values).toEqual(['', '-', 'two\r\nlines']);
    // header line 1; row 1 lines 2-3; blank line 4; row 2 line 5; row 3 line 6.
    expect([...(store.line ?? [])]).toEqual([2, 5]);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[6, 'row 3: date `2024-01-32` does not exist on the calendar']]);
    expect(seen.at(-1)).toBe(Buffer.byteLength(text));
  });

  it('maps headers with columns, including a dimension', async () => {
    const { store } = await read('Account ID,Day,What,Product Line\nA,2024-05-01,deal_closed,saas\n', {
      columns: { partner_id: 'Account ID', date: 'Day', activity: 'What', product: 'Product Line' },
    });
    expect(store.partnerIds).toEqual(['A']);
    expect(Object.keys(store.dimensions)).toEqual(['product']);
    expect(store.dimensions['product']?.values).toEqual(['', 'saas']);
  });

  it('detects CRLF even when the first chunks hold no whole line', async () => {
    const bytes = Buffer.from('partner_id,date,activity,region\r\nP1,2024-01-01,deal_closed,emea\r\n', 'utf8');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 2) yield bytes.subarray(i, i + 2);
    }
    const { store } = await readHistory(chunks(), { file: 'h.csv' });
    expect(store.dimensions['region']?.values).toEqual(['', 'emea']);
  });

  it('reads from an async stream of chunks split mid-character and mid-record', async () => {
    const bytes = Buffer.from('partner_id,date,activity,name\nP1,2024-01-01,deal_closed,"Zoë, ""the"" best"\n', 'utf8');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
    }
    const { store } = await readHistory(chunks(), { file: 'h.csv' });
    expect(store.dimensions['name']?.values).toEqual(['', 'Zoë, "the" best']);
  });
});

describe('readHistory: bad rows', () => {
  const cases: Array<[string, string, number, string, RegExp]> = [
    ['P1,2024-13-01,deal_closed,1,0,saas', 'csv-impossible-date', 2, 'row 1: date `2024-13-01` does not exist on the calendar', /month/],
    ['P1,2024-02-30,deal_closed,1,0,saas', 'csv-impossible-date', 2, 'row 1: date `2024-02-30` does not exist on the calendar', /month/],
    ['P1,03/01/2024,deal_closed,1,0,saas', 'csv-bad-date', 2, 'row 1: date `03/01/2024` is not a YYYY-MM-DD date', /2024-03-31/],
    ['P1,2024-01-01,deal_closed,-2,0,saas', 'csv-negative-quantity', 4, 'row 1: quantity -2 is negative', /0 or more/],
    ['P1,2024-01-01,deal_closed,two,0,saas', 'csv-bad-quantity', 4, 'row 1: quantity `two` is not a number', /blank/],
    ['P1,2024-01-01,deal_closed,1,$500,saas', 'csv-bad-amount', 5, 'row 1: amount `$500` is not a number', /currency/],
    [',2024-01-01,deal_closed,1,0,saas', 'csv-empty-partner', 1, 'row 1: partner_id is empty', /partner/],
    ['P1,2024-01-01,,1,0,saas', 'csv-empty-activity', 3, 'row 1: activity is empty', /activity/],
    ['P1,2024-01-01,deal_closd,1,0,saas', 'csv-unknown-activity', 3, 'row 1: activity `deal_closd` is not in the design', /did you mean `deal_closed`/],
    ['P1,2024-01-01,deal_closed,1,0', 'csv-field-count', 0, 'row 1: has 5 fields, the header has 6', /quote/],
  ];
  it.each(cases)('%s → %s', async (line, code, col, message, hint) => {
    const result = await read(`${HEADER}${line}\nP2,2024-01-01,cert_earned,1,0,saas\n`);
    expect(result.badRows).toBe(1);
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0];
    expect(d).toMatchObject({ severity: 'error', code, message, file: 'h.csv', line: 2, col });
    expect(d?.hint).toMatch(hint);
    // Without skipBadRows the good row is still read; the caller stops on the diagnostics.
    expect(result.skippedRows).toBe(0);
  });

  it('reports an unterminated quote', async () => {
    const result = await read(`${HEADER}P1,2024-01-01,deal_closed,1,0,"saas\n`);
    expect(result.diagnostics[0]).toMatchObject({ code: 'csv-malformed', line: 2 });
  });

  it('drops and counts bad rows with skipBadRows, activity ones included', async () => {
    const text = `${HEADER}P1,2024-01-01,deal_closed,1,0,saas\nP1,2024-02-30,deal_closed,1,0,saas\nP2,2024-01-01,webinar,1,0,saas\nP3,2024-01-02,cert_earned,1,0,\n`;
    const result = await read(text, { skipBadRows: true });
    // rows 2 (impossible date) and 3 (unknown activity) are bad; rows 1 and 4 remain.
    expect(result.badRows).toBe(2);
    expect(result.skippedRows).toBe(2);
    expect([...result.store.row]).toEqual([1, 4]);
    expect(result.diagnostics.map((d) => d.line)).toEqual([3, 4]);
    expect(result.store.partnerIds).toEqual(['P1', 'P2', 'P3']);
    expect([...result.store.partnerStart]).toEqual([0, 1, 1, 2]);
  });
});

describe('readHistory: unusable files', () => {
  it('rejects an empty file', async () => {
    const e = await fatal('');
    expect(e.diagnostics[0]).toMatchObject({ code: 'csv-empty', message: 'the history is empty', file: 'h.csv' });
  });
  it('rejects a header without rows', async () => {
    const e = await fatal('partner_id,date,activity\n');
    expect(e.diagnostics[0]).toMatchObject({ code: 'csv-empty', message: 'the history has a header but no rows' });
  });
  it('names a missing required column with a did-you-mean and the --column hint', async () => {
    const e = await fatal('partner,date,activity\nP1,2024-01-01,deal_closed\n');
    expect(e.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'csv-missing-column',
        message: 'the history has no `partner_id` column; did you mean `partner`?',
        file: 'h.csv',
        line: 1,
        col: 0,
        hint: 'name the column that holds it with --column partner_id="partner"',
      },
    ]);
  });
  it('rejects a mapping to a header that is not there', async () => {
    const e = await fatal('Account Id,date,activity\nP1,2024-01-01,deal_closed\n', { columns: { partner_id: 'Account ID' } });
    expect(e.diagnostics[0]).toMatchObject({ code: 'csv-missing-column', hint: 'did you mean `Account Id`?' });
  });
  it('rejects a header that repeats a column', async () => {
    const e = await fatal('partner_id,date,activity,date\nP1,2024-01-01,deal_closed,2024-01-02\n');
    expect(e.diagnostics[0]).toMatchObject({ code: 'csv-duplicate-column', message: 'column `date` appears twice in the header (columns 2 and 4)', col: 4 });
  });
});
