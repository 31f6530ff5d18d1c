import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const ROOT = resolve(__dirname, '../..');
const run = async (history: string, ...extra: string[]) => {
  const io = memoryIo({ cwd: ROOT, env: {} });
  const code = await main(['run', 'fixtures/history/design.yaml', '--history', `fixtures/history/bad/${history}`, '--no-cache', '--format', 'json', ...extra], io);
  return { code, out: io.out(), err: io.err() };
};

// Each fixture: header on line 1, a good row on line 2 (data row 1), the bad row on line 3 (data row 2).
describe('a bad row stops `run` with exit 2 before any report, naming file:line:col and the row', () => {
  it.each([
    ['impossible-date.csv', 'fixtures/history/bad/impossible-date.csv:3:2: error csv-impossible-date: row 2: date `2024-02-30` does not exist on the calendar'],
    ['bad-date.csv', 'fixtures/history/bad/bad-date.csv:3:2: error csv-bad-date: row 2: date `05/01/2024` is not a YYYY-MM-DD date'],
    ['negative-quantity.csv', 'fixtures/history/bad/negative-quantity.csv:3:4: error csv-negative-quantity: row 2: quantity -3 is negative'],
    ['bad-quantity.csv', 'fixtures/history/bad/bad-quantity.csv:3:4: error csv-bad-quantity: row 2: quantity `three` is not a number'],
    ['bad-amount.csv', 'fixtures/history/bad/bad-amount.csv:3:5: error csv-bad-amount: row 2: amount `12,500` is not a number'],
    ['empty-partner.csv', 'fixtures/history/bad/empty-partner.csv:3:1: error csv-empty-partner: row 2: partner_id is empty'],
    ['empty-activity.csv', 'fixtures/history/bad/empty-activity.csv:3:3: error csv-empty-activity: row 2: activity is empty'],
    ['field-count.csv', 'fixtures/history/bad/field-count.csv:3: error csv-field-count: row 2: has 6 fields, the header has 5'],
    ['malformed-quote.csv', 'fixtures/history/bad/malformed-quote.csv:3: error csv-malformed: row 2: cannot read this row: quoted field unterminated'],
  ])('%s', async (file, line) => {
    const { code, out, err } = await run(file);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(line);
  });

  it('goes on with --skip-bad-rows, reporting the count on stderr', async () => {
    // 1 of 2 rows skipped is above the default --max-skipped (1%), which would stop the command: allow the one row.
    const { code, out, err } = await run('negative-quantity.csv', '--skip-bad-rows', '--max-skipped', '1');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toHaveProperty('format_version');
    expect(err).toContain('skipped 1 bad row(s) of fixtures/history/bad/negative-quantity.csv:');
  });
});

// unknown-activity.csv: row 1 a deal_closed, row 2 (line 3) `demo_deliverd`, which the design does not define.
describe('an activity the design does not score', () => {
  it('is one warning for the file and one line per name, with a did-you-mean; the row is not scored (exit 0)', async () => {
    const { code, out, err } = await run('unknown-activity.csv');
    expect(code).toBe(0);
    expect((JSON.parse(out) as { events: number }).events).toBe(1);
    expect(err).toBe(
      'warning: fixtures/history/bad/unknown-activity.csv: 1 of 2 rows not scored: their activity is not in the design, so the replay leaves them out ' +
        "(a data manifest's `values: { activity: … }` maps names to the design's; --strict-activities stops on them)\n" +
        '  fixtures/history/bad/unknown-activity.csv:3:3: warning csv-unscored-activity: activity `demo_deliverd` is not in the design: 1 row(s) not scored, the first is row 2 (did you mean `demo_delivered`?)\n' +
        'note: no --partners file: the partner base is the 2 partners found in the history\n',
    );
  });

  it('is an error per row with --strict-activities (exit 2, nothing on stdout)', async () => {
    const { code, out, err } = await run('unknown-activity.csv', '--strict-activities');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('fixtures/history/bad/unknown-activity.csv:3:3: error csv-unknown-activity: row 2: activity `demo_deliverd` is not in the design (did you mean `demo_delivered`?)');
  });

  it('with --strict-activities and --skip-bad-rows, is a bad row left out', async () => {
    const { code, err } = await run('unknown-activity.csv', '--strict-activities', '--skip-bad-rows', '--max-skipped', '1');
    expect(code).toBe(0);
    expect(err).toContain('skipped 1 bad row(s) of fixtures/history/bad/unknown-activity.csv:');
  });
});

describe('an unusable history stops `run` with exit 2', () => {
  it.each([
    ['empty.csv', 'fixtures/history/bad/empty.csv: error csv-empty: the history is empty'],
    ['header-only.csv', 'fixtures/history/bad/header-only.csv: error csv-empty: the history has a header but no rows'],
    ['missing-column.csv', 'fixtures/history/bad/missing-column.csv:1: error csv-missing-column: the history has no `partner_id` column; did you mean `partner`? (name the column that holds it with --column partner_id="partner")'],
    ['duplicate-column.csv', 'fixtures/history/bad/duplicate-column.csv:1:4: error csv-duplicate-column: column `date` appears twice in the header (columns 2 and 4)'],
    ['missing.csv', 'error: cannot read fixtures/history/bad/missing.csv: no such file or folder'],
  ])('%s', async (file, line) => {
    const { code, out, err } = await run(file);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(line);
  });
});
