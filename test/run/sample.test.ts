/**
 * The "done when" on the bundled sample (fixtures/sample/, ~2,000 partners and
 * ~100,000 rows over programs/lifecycle.yaml): the JSON carries every DESIGN §6 key and
 * conserves points. No figure is pinned here: the sample is generated, and its numbers
 * are checked by the engine's own tests; this test checks that the report holds together.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { RUN_JSON_KEYS, keyPaths } from './json-keys.js';

describe('run on fixtures/sample (npm start)', () => {
  it('json: every §6 key, conservation, parts that add up', async () => {
    const io = memoryIo();
    const code = await main(
      ['run', 'programs/lifecycle.yaml', '--history', 'fixtures/sample/history.csv', '--partners', 'fixtures/sample/partners.csv', '--no-cache', '--format', 'json'],
      io,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const s = JSON.parse(io.out()) as RunSummary;
    expect(keyPaths(s)).toEqual(RUN_JSON_KEYS);
    expect(s.partners).toBe(2000);
    expect(s.events).toBeGreaterThan(90_000);
    expect(Math.abs(s.points.earned - s.points.redeemed - s.points.expired - s.points.outstanding)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(s.cost.total - s.cost.rewards - s.cost.benefits - s.cost.discounts)).toBeLessThanOrEqual(0.015);
    expect(s.tiers.reduce((x, t) => x + t.partners, 0)).toBe(2000);
    expect(s.tiers.map((t) => t.tier)).toEqual(['Registered', 'Silver', 'Gold', 'Platinum']);
    expect(s.budget.per).toBe('year');
    expect(s.budget.used_share).toBeCloseTo(s.cost.total / (s.budget.amount ?? Number.NaN), 4);
    // Fiscal years from 02-01, named by the year they end in; the program runs 2024-01-01 to
    // 2025-12-31 in fiscal quarters Nov-Jan, Feb-Apr, ...:
    //   FY2024 (Feb 2023 - Jan 2024): only January, 31 of the 92 days of Nov-Jan → 31/92 × 1/4 = 31/368 = 0.0842 year
    //   FY2025: all four quarters → 1
    //   FY2026: three quarters and Nov-Dec of Nov-Jan (61/92) → (3 + 61/92)/4 = 337/368 = 0.9158
    //   budgets 1,750,000 × 31/368 = 147,418.48; 1,750,000; 1,750,000 × 337/368 = 1,602,581.52 (sum 3,500,000)
    expect(s.budget.by_year.map((y) => [y.year, y.start, y.end, y.covered, y.amount])).toEqual([
      ['FY2024', '2023-02-01', '2024-01-31', 0.0842, 147418.48],
      ['FY2025', '2024-02-01', '2025-01-31', 1, 1750000],
      ['FY2026', '2025-02-01', '2026-01-31', 0.9158, 1602581.52],
    ]);
    // The years' costs are the periods' costs: they add up to cost.total (to rounding).
    expect(Math.abs(s.budget.by_year.reduce((x, y) => x + y.cost, 0) - s.cost.total)).toBeLessThanOrEqual(0.015);
    const worst = Math.max(...s.budget.by_year.map((y) => y.used_share ?? 0));
    expect(s.budget.worst_year_share).toBe(worst);
    expect(s.budget.by_year.find((y) => y.used_share === worst)?.year).toBe(s.budget.worst_year);
    // The point of by_year: the span's average hides a year over budget (tier benefits grow as
    // partners qualify, so the last year costs the most).
    expect(s.budget.worst_year_share).toBeGreaterThan(s.budget.used_share ?? Number.NaN);
  }, 30_000);
});
