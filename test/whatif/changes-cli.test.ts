/**
 * Dated changes through the real bin/ entry, on fixtures/changes/ (quarters of 2025,
 * trailing_1, deal 200 → 300 and Gold 600 → 900 from 2025-08-15; see test/engine/changes.test.ts).
 *
 * By hand, the design as written (no change):
 *   A: Q1 200, Q2 600, Q3 4 deals × 200 = 800, Q4 200 → earned 1,800; Gold after Q2 (600) and Q3 (800).
 *   B: Q3 3 × 200 = 600 → Gold after Q3.
 *   earned 2,400; benefits: A Gold held in Q3 and Q4, B in Q4: 3 quarters × 4,000 / 4 = 3,000.
 * With the change: earned 2,900 (A 200 + 600 + 1,000 + 300, B 800); benefits: A in Q3 and Q4 = 2,000.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { pointsmith } from '../support/bin.js';

const DESIGN = 'fixtures/changes/program.yaml';
const HISTORY = ['--history', 'fixtures/changes/history.csv'];

describe('dated changes (CLI)', () => {
  it('run lists the change, its notice and the periods its version evaluated, and counts with it', async () => {
    const r = await pointsmith('run', DESIGN, ...HISTORY, '--format', 'json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as RunSummary;
    expect(summary.points.earned).toBe(2900);
    expect(summary.cost.benefits).toBe(2000);
    // 2025-05-01 → 2025-08-15: 30 (rest of May) + 1 + 30 (June) + 31 (July) + 14 = 106 days.
    expect(summary.changes).toEqual([
      {
        version: 1,
        effective: '2025-08-15',
        announced: '2025-05-01',
        notice_days: 106,
        short_notice: false,
        description: 'Deals earn more; Gold asks more',
        set: { 'activities.deal_closed.points': 300, 'tiers.Gold.min_points': 900 },
        periods: ['2025-Q3', '2025-Q4'],
      },
    ]);
    const table = await pointsmith('run', DESIGN, ...HISTORY);
    expect(table.out).toContain('From 2025-08-15 (announced 2025-05-01, 106 days\' notice)');
  });

  it('compare --as-of contrasts the design as it stood on a day with every change', async () => {
    const r = await pointsmith('compare', DESIGN, '--as-of', '2025-08-01', ...HISTORY, '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { columns: string[]; rows: { key: string; values: number[] }[] };
    expect(report.columns).toEqual(['program as of 2025-08-01', 'program with the changes']);
    const values = (key: string): number[] | undefined => report.rows.find((row) => row.key === key)?.values;
    expect(values('points.earned')).toEqual([2400, 2900]);
    expect(values('cost.benefits')).toEqual([3000, 2000]);
  });

  it('explain says where the change splits a period and prices the gap at the version in force', async () => {
    const r = await pointsmith('explain', DESIGN, ...HISTORY, '--partner', 'B');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2025-Q3: rows from 2025-08-15 score under the change of 2025-08-15');
    // B has 0 points in Q4's window; Gold needs 900 there, at 300 a deal: 3 deals.
    expect(r.out).toContain('3 × deal_closed (300 pts each) → 900 points');
  });

  it('refuses --as-of on a bad day, with --scenario, or when no change follows the day (exit 2)', async () => {
    const bad = await pointsmith('compare', DESIGN, '--as-of', '2025-02-30', ...HISTORY);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('expected a calendar date, YYYY-MM-DD');
    const late = await pointsmith('compare', DESIGN, '--as-of', '2025-09-01', ...HISTORY);
    expect(late.code).toBe(2);
    expect(late.err).toContain('has no change taking effect after 2025-09-01');
    const none = await pointsmith('compare', 'fixtures/term/grace-days.yaml', '--as-of', '2024-06-01', '--history', 'fixtures/term/grace-days.csv');
    expect(none.code).toBe(2);
    expect(none.err).toContain('has no dated changes (`changes:`) to contrast');
    const mixed = await pointsmith('compare', DESIGN, 'fixtures/changes/program.yaml', '--as-of', '2025-08-01', ...HISTORY);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('--as-of contrasts one design with its own dated changes');
    expect(`${bad.err}${late.err}${none.err}${mixed.err}`).not.toMatch(/\n\s+at /);
  });

  it('validate warns of a notice shorter than program.notice_days, and still passes', async () => {
    const r = await pointsmith('validate', 'fixtures/invalid/change-short-notice.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toContain("announced 30 days ahead (2025-06-01); the program promises 90 days' notice");
  });
});
