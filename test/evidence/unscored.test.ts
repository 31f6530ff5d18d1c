/**
 * History rows whose activity the design does not score, through the real binary on
 * fixtures/evidence (design.yaml scores one activity, `deal`; a two-year program whose one
 * guardrail every history passes, so an exit 1 is the evidence's):
 *
 *   unscored.csv       full.csv with every activity written `Deal`: 10 rows, none scored.
 *   some-unscored.csv  full.csv (10 deals, 24 of 24 months) + 2 rows `Webinar Hosted` (rows 11-12, lines 12-13).
 *
 * The rows are read, not bad: they count among the rows and never among the skipped ones, so
 * a draft design scoring a subset still passes; a history none of whose rows is scored has
 * no event inside the program and fails the gate ("a gate never passes on evidence it could
 * not read"). --strict-activities restores an error per row (exit 2).
 */
import { describe, expect, it } from 'vitest';
import { pointsmith } from '../support/bin.js';

const DESIGN = 'fixtures/evidence/design.yaml';
const PARTNERS = ['--partners', 'fixtures/evidence/partners.csv'];
const SUMMARY_TAIL = "(a data manifest's `values: { activity: … }` maps names to the design's; --strict-activities stops on them)";

describe('every row an activity the design does not score', () => {
  it('check: one warning on stderr, and no pass (exit 1): nothing was scored', async () => {
    const r = await pointsmith('check', DESIGN, '--history', 'fixtures/evidence/unscored.csv', ...PARTNERS);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      [
        'FAIL  evidence: no event of the history falls inside the program (2024-01-01 to 2025-12-31): 10 history rows read, 0 skipped as bad rows, ' +
          '0 dated outside the program, 10 not scored (an activity the design does not score)',
        'PASS  max_cost: measured $0.00, limit ≤ $1,000.00 (worst of 2 years: 2024)',
        // No `launch:`, a lifetime window on quarters: the first year's four quarters are the warm-up.
        'note  Warm-up periods: 2024-Q1, 2024-Q2, 2024-Q3, 2024-Q4: no launch state (launch:): every partner starts at the lowest tier with no points, and the lifetime window holds no points from before the program (flagged for the first year; it understates legacy partners for longer); tiers and costs in these periods understate a real launch.',
        'fixtures/evidence/design.yaml: no pass without evidence (1 problem with the history); the 1 guardrail holds on what was replayed, at the expectation (as run prints it)',
        '',
      ].join('\n'),
    );
    // Two lines for ten rows: the summary, then one line for the one name, at its first row (line 2, column 3).
    expect(r.err).toBe(
      `warning: fixtures/evidence/unscored.csv: 10 of 10 rows not scored: their activity is not in the design, so the replay leaves them out ${SUMMARY_TAIL}\n` +
        '  fixtures/evidence/unscored.csv:2:3: warning csv-unscored-activity: activity `Deal` is not in the design: 10 row(s) not scored, the first is row 1 (did you mean `deal`?)\n',
    );
  });

  it('--strict-activities: an error per row, exit 2, nothing on stdout', async () => {
    const r = await pointsmith('check', DESIGN, '--history', 'fixtures/evidence/unscored.csv', ...PARTNERS, '--strict-activities');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('fixtures/evidence/unscored.csv:2:3: error csv-unknown-activity: row 1: activity `Deal` is not in the design (did you mean `deal`?)');
    expect(r.err).toContain('fixtures/evidence/unscored.csv:11:3: error csv-unknown-activity: row 10:');
  });

  it('--strict-activities --skip-bad-rows: the rows are skipped as bad, and the gate fails on both counts', async () => {
    const r = await pointsmith('check', DESIGN, '--history', 'fixtures/evidence/unscored.csv', ...PARTNERS, '--strict-activities', '--skip-bad-rows');
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  evidence: 10 of 10 history rows (100.0%) were skipped as bad rows; at most 1% may be (--max-skipped)');
  });

  it('run: the report of nothing, exit 0, with the warning and the evidence warning', async () => {
    const r = await pointsmith('run', DESIGN, '--history', 'fixtures/evidence/unscored.csv', ...PARTNERS, '--format', 'json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { events: number }).events).toBe(0);
    expect(r.err.split('\n')).toHaveLength(4);
    expect(r.err).toContain('warning: no event of the history falls inside the program (2024-01-01 to 2025-12-31): 10 history rows read, 0 skipped as bad rows, 0 dated outside the program, 10 not scored');
  });
});

describe('some rows an activity the design does not score', () => {
  it('check passes (exit 0): the rows count as read, not as skipped; json carries the warning', async () => {
    const r = await pointsmith('check', DESIGN, '--history', 'fixtures/evidence/some-unscored.csv', ...PARTNERS, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { passed: boolean; evidence: Record<string, unknown>; diagnostics: unknown[] };
    expect(doc.passed).toBe(true);
    // 12 rows read: 10 events, 0 skipped (1% of 12 = 0.12 allowed); the 2 webinars are neither.
    expect(doc.evidence).toMatchObject({ passed: true, rows: 12, skipped_rows: 0, max_skipped_rows: 0.12, events: 10 });
    expect(doc.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'csv-unscored-activity',
        message: 'activity `Webinar Hosted` is not in the design: 2 row(s) not scored, the first is row 11',
        file: 'fixtures/evidence/some-unscored.csv',
        line: 12,
        col: 3,
        hint: null,
      },
    ]);
    expect(r.err).toBe(
      `warning: fixtures/evidence/some-unscored.csv: 2 of 12 rows not scored: their activity is not in the design, so the replay leaves them out ${SUMMARY_TAIL}\n` +
        '  fixtures/evidence/some-unscored.csv:12:3: warning csv-unscored-activity: activity `Webinar Hosted` is not in the design: 2 row(s) not scored, the first is row 11\n',
    );
  });

  it('check --format github: the warning is an annotation at the first row', async () => {
    const r = await pointsmith('check', DESIGN, '--history', 'fixtures/evidence/some-unscored.csv', ...PARTNERS, '--format', 'github');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      '::warning file=fixtures/evidence/some-unscored.csv,line=12,col=3,title=pointsmith csv-unscored-activity::activity `Webinar Hosted` is not in the design: 2 row(s) not scored, the first is row 11',
    );
  });

  it('validate --history: one warning per name (exit 0), exit 1 with --strict', async () => {
    const r = await pointsmith('validate', DESIGN, '--history', 'fixtures/evidence/some-unscored.csv');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      'fixtures/evidence/some-unscored.csv:12:3  warning  csv-unscored-activity  activity `Webinar Hosted` is not in the design: 2 row(s) not scored, the first is row 11\n\n' +
        '1 warning in 1 file; 1 file valid\n',
    );
    const strict = await pointsmith('validate', DESIGN, '--history', 'fixtures/evidence/some-unscored.csv', '--strict');
    expect(strict.code).toBe(1);
  });
});
