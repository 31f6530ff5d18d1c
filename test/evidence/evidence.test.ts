/**
 * The evidence rules (src/analysis/evidence.ts) on hand-built facts, and the day span
 * they read (src/history/dated-span.ts) on a hand-built store. Every expected number is
 * worked out in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { assessEvidence, isSkippedLimit, parseSkippedLimit, type EvidenceFacts, type SkippedLimit } from '../../src/analysis/evidence.js';
import { datedSpan } from '../../src/history/dated-span.js';
import { daysFromCivil } from '../../src/history/day.js';
import { buildStore } from '../../src/history/store-builder.js';

const TWO_YEARS = { starts: '2024-01-01', ends: '2025-12-31' };
const day = (iso: string): number => daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** Facts of a clean history with events from `first` to `last`, all inside the program. */
function facts(over: Partial<EvidenceFacts> & { first?: string; last?: string } = {}): EvidenceFacts {
  const first = over.first ?? '2024-01-15';
  const last = over.last ?? '2025-12-20';
  return {
    program: over.program ?? TWO_YEARS,
    reading: over.reading ?? { rows: 100, skippedRows: 0 },
    ledger: over.ledger ?? { events: 100, ignoredEvents: 0 },
    span: over.span ?? { first: day(first), last: day(last), historyLast: day(last) },
  };
}

const codes = (f: EvidenceFacts, limit?: SkippedLimit): string[] =>
  assessEvidence(f, limit !== undefined ? { maxSkipped: limit } : {}).findings.map((x) => x.code);

describe('assessEvidence', () => {
  it('passes a history covering the whole program, with the counts it read', () => {
    const e = assessEvidence(facts());
    expect(e.passed).toBe(true);
    expect(e.findings).toEqual([]);
    // 2024-01 .. 2025-12: 24 calendar months, both for the program and the history.
    expect(e.program).toEqual({ from: '2024-01-01', to: '2025-12-31', months: 24 });
    expect(e.covered).toEqual({ from: '2024-01-15', to: '2025-12-20', months: 24 });
    // 1% of 100 rows.
    expect(e.maxSkippedRows).toBe(1);
  });

  describe('no events inside the program', () => {
    it('every row skipped: both the no-event and the skipped-rows rules, with the counts', () => {
      const e = assessEvidence(facts({ reading: { rows: 4, skippedRows: 4 }, ledger: { events: 0, ignoredEvents: 0 }, span: { first: undefined, last: undefined, historyLast: undefined } }));
      expect(e.passed).toBe(false);
      expect(e.covered).toBeNull();
      expect(e.findings).toEqual([
        {
          code: 'no-events-in-program',
          message: 'no event of the history falls inside the program (2024-01-01 to 2025-12-31): 4 history rows read, 4 skipped as bad rows, 0 dated outside the program',
        },
        // 4 / 4 = 100.0% > 1%.
        { code: 'too-many-skipped-rows', message: '4 of 4 history rows (100.0%) were skipped as bad rows; at most 1% may be (--max-skipped)' },
      ]);
    });

    it('every row dated before the program: the no-event rule alone, not the coverage rule', () => {
      const e = assessEvidence(facts({ reading: { rows: 5, skippedRows: 0 }, ledger: { events: 0, ignoredEvents: 5 }, span: { first: undefined, last: undefined, historyLast: day('2023-12-31') } }));
      expect(e.findings.map((f) => f.message)).toEqual([
        'no event of the history falls inside the program (2024-01-01 to 2025-12-31): 5 history rows read, 0 skipped as bad rows, 5 dated outside the program',
      ]);
    });

    it('a program without `ends` says so in the dates', () => {
      const e = assessEvidence(facts({ program: { starts: '2024-01-01' }, reading: { rows: 1, skippedRows: 0 }, ledger: { events: 0, ignoredEvents: 1 }, span: { first: undefined, last: undefined, historyLast: day('2023-06-01') } }));
      expect(e.findings[0]?.message).toMatch(/^no event of the history falls inside the program \(from 2024-01-01, no end\): /);
      // The span ends at starts when the history's last day is before it: one month.
      expect(e.program).toEqual({ from: '2024-01-01', to: '2024-01-01', months: 1 });
    });
  });

  describe('skipped rows against --max-skipped', () => {
    // 1 of 100 = 1%: not more than 1%, passes; 2 of 100 = 2% fails.
    it('the default is 1% of the rows read, inclusive', () => {
      expect(codes(facts({ reading: { rows: 100, skippedRows: 1 } }))).toEqual([]);
      expect(codes(facts({ reading: { rows: 100, skippedRows: 2 } }))).toEqual(['too-many-skipped-rows']);
    });

    it('a share is compared in whole numbers: 29 of 100 is not more than 29%', () => {
      // 0.29 × 100 is 28.999999999999996 in floating point; 29 × 100 = 2900 = 29 × 100.
      expect(codes(facts({ reading: { rows: 100, skippedRows: 29 } }), { kind: 'percent', percent: 29 })).toEqual([]);
      expect(codes(facts({ reading: { rows: 100, skippedRows: 30 } }), { kind: 'percent', percent: 29 })).toEqual(['too-many-skipped-rows']);
    });

    it('a count of rows, and 100% turning the rule off', () => {
      expect(codes(facts({ reading: { rows: 11, skippedRows: 2 } }), { kind: 'rows', rows: 2 })).toEqual([]);
      const e = assessEvidence(facts({ reading: { rows: 11, skippedRows: 3 } }), { maxSkipped: { kind: 'rows', rows: 2 } });
      expect(e.findings.map((f) => f.message)).toEqual(['3 of 11 history rows (27.3%) were skipped as bad rows; at most 2 rows may be (--max-skipped)']);
      expect(e.maxSkippedRows).toBe(2);
      expect(codes(facts({ reading: { rows: 4, skippedRows: 4 } }), { kind: 'percent', percent: 100 })).toEqual([]);
    });

    it('an empty history has no share to exceed (the no-event rule speaks for it)', () => {
      const e = assessEvidence(facts({ reading: { rows: 0, skippedRows: 0 }, ledger: { events: 0, ignoredEvents: 0 }, span: { first: undefined, last: undefined, historyLast: undefined } }));
      expect(e.findings.map((f) => f.code)).toEqual(['no-events-in-program']);
    });
  });

  describe('coverage: calendar months of the history inside the program against the program\'s', () => {
    it('a history in the first month of a two-year program fails: 1 of 24 months', () => {
      const e = assessEvidence(facts({ first: '2024-01-03', last: '2024-01-29' }));
      expect(e.findings).toEqual([
        {
          code: 'short-history',
          message:
            'the history covers 1 of the program\'s 24 months, less than half: its events inside the program run from 2024-01-03 to 2024-01-29, the program from 2024-01-01 to 2025-12-31',
        },
      ]);
    });

    it('exactly half passes, one month less fails', () => {
      // 2024-01 .. 2024-12 = 12 months; 2 × 12 = 24, not < 24.
      expect(codes(facts({ first: '2024-01-31', last: '2024-12-01' }))).toEqual([]);
      // 2024-01 .. 2024-11 = 11 months; 2 × 11 = 22 < 24.
      expect(codes(facts({ first: '2024-01-01', last: '2024-11-30' }))).toEqual(['short-history']);
    });

    it('a history that starts late fails too: the last month only', () => {
      expect(codes(facts({ first: '2025-12-01', last: '2025-12-31' }))).toEqual(['short-history']);
    });

    it('partial months count whole: the what-if fixture (Jan 10 to Apr 6 of a Jan-Jun program) covers 4 of 6', () => {
      // In days that is 88 of 182 (48%); in months 2024-01 .. 2024-04 = 4 of 6: quiet weeks at the end are not missing evidence.
      const e = assessEvidence(facts({ program: { starts: '2024-01-01', ends: '2024-06-30' }, first: '2024-01-10', last: '2024-04-06' }));
      expect(e.passed).toBe(true);
      expect(e.covered?.months).toBe(4);
      expect(e.program.months).toBe(6);
    });

    it('without `ends` the program runs to the history\'s last event, as the replay\'s calendar', () => {
      // Program 2024-01 .. 2024-02 (the last event): 2 months; history inside 2024-01 .. 2024-02: 2. Passes.
      const open = { starts: '2024-01-01' };
      expect(codes(facts({ program: open, span: { first: day('2024-01-05'), last: day('2024-02-20'), historyLast: day('2024-02-20') } }))).toEqual([]);
      // Program 2024-01 .. 2024-12 (last event 2024-12-10); inside: only 2024-12-10 → 1 of 12 months.
      const e = assessEvidence(facts({ program: open, span: { first: day('2024-12-10'), last: day('2024-12-10'), historyLast: day('2024-12-10') } }));
      expect(e.findings[0]?.message).toBe(
        'the history covers 1 of the program\'s 12 months, less than half: its events inside the program run from 2024-12-10 to 2024-12-10, the program from 2024-01-01 to 2024-12-10 (the history\'s last event: the design has no `ends`)',
      );
    });
  });
});

describe('parseSkippedLimit', () => {
  it('reads a share in percent or a whole number of rows', () => {
    expect(parseSkippedLimit('1%')).toEqual({ kind: 'percent', percent: 1 });
    expect(parseSkippedLimit('0.5%')).toEqual({ kind: 'percent', percent: 0.5 });
    expect(parseSkippedLimit('100%')).toEqual({ kind: 'percent', percent: 100 });
    expect(parseSkippedLimit('0')).toEqual({ kind: 'rows', rows: 0 });
    expect(parseSkippedLimit(' 20 ')).toEqual({ kind: 'rows', rows: 20 });
  });

  it('refuses anything else with one message', () => {
    for (const bad of ['', 'abc', '-1', '2.5', '101%', '-5%', '%', '1e3', '5 %x']) {
      const r = parseSkippedLimit(bad);
      expect(isSkippedLimit(r), bad).toBe(false);
      expect(r).toEqual({ problem: 'expected a share of the rows like 1% (0% to 100%) or a whole number of rows like 20' });
    }
  });
});

describe('datedSpan', () => {
  const store = buildStore([
    { partner_id: 'A', date: '2023-12-31', activity: 'x' },
    { partner_id: 'A', date: '2024-02-01', activity: 'x' },
    { partner_id: 'B', date: '2024-11-30', activity: 'x' },
    { partner_id: 'B', date: '2025-01-05', activity: 'x' },
  ]);

  it('first and last day inside the program, and the history\'s last day', () => {
    // Inside 2024: 2024-02-01 and 2024-11-30; the history ends 2025-01-05.
    expect(datedSpan(store, '2024-01-01', '2024-12-31')).toEqual({ first: day('2024-02-01'), last: day('2024-11-30'), historyLast: day('2025-01-05') });
  });

  it('without `ends` everything from `starts` on is inside', () => {
    expect(datedSpan(store, '2024-01-01', undefined)).toEqual({ first: day('2024-02-01'), last: day('2025-01-05'), historyLast: day('2025-01-05') });
  });

  it('nothing inside: undefined ends; an empty history has no last day either', () => {
    expect(datedSpan(store, '2026-01-01', undefined)).toEqual({ first: undefined, last: undefined, historyLast: day('2025-01-05') });
    expect(datedSpan(buildStore([]), '2024-01-01', undefined)).toEqual({ first: undefined, last: undefined, historyLast: undefined });
  });
});
