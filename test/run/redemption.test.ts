/**
 * Whole-unit redemption on fixtures/redemption/, worked out by hand, against `run`, against
 * the mean of `simulate`, and through `check --at`.
 *
 * Two years of quarters (2024, 2025, calendar years). A deal is 100 points. Rewards:
 * voucher 50 points / $10, capacity 3 a year; summit 400 points / $300, capacity 1 a year.
 * Rate 0.5 of each quarter's points; resellers split it voucher 0.5 / summit 0.5, msps spend
 * it all on the summit. No expiry. Each ask below is a multiple of 1/16 of a unit, so the
 * 16 stratified draws that `run` averages meet a fraction f in exactly 16 f of them.
 *
 *   A (reseller) 8 deals in 2024-Q1 = 800 points; asks 400: voucher 200 / 50 = 4 units
 *     (whole, every draw), summit 200 / 400 = 0.5 (8 of 16 draws). 800 − 4 × 50 = 600 ≥ 400:
 *     every draw that asks pays. Expected: 4 vouchers, 0.5 summit, 200 + 200 = 400 points
 *     redeemed, balance 800 − 400 = 400 (600 or 200 by draw).
 *   B (msp) 3 deals in 2024-Q1 = 300 points; asks 150 / 400 = 0.375 summit (6 of 16 draws)
 *     but holds 300 < 400: nothing is redeemed in 2024 (the old expected-value replay
 *     redeemed 0.375 of a summit with 300 points). The unit waits, whole.
 *     8 deals in 2025-Q1 = 800 more, balance 1,100; asks 400 / 400 = 1 summit (whole) plus
 *     the waiting one in 6 draws; 1,100 pays 2: 1 summit in 10 draws, 2 in 6 → 1.375 expected,
 *     550 points, balance 1,100 − 550 = 550.
 *   C (consultant): no events.
 *
 *   points: earned 800 + 300 + 800 = 1,900; redeemed 400 + 550 = 950; outstanding 950.
 *   cost: vouchers 4 × $10 = $40; summits (0.5 + 1.375) × $300 = $562.50; total $602.50.
 *   liability: A 400 × 0.5 × (0.5 × 10/50 + 0.5 × 300/400) = 400 × 0.2375 = $95;
 *              B 550 × 0.5 × 300/400 = $206.25; total $301.25.
 *   budget $1,000 a year: 2024 costs 40 + 150 = $190 (19 %); 2025 $412.50 (41.25 %, the worst).
 *   capacity, pooled per calendar year: vouchers 2024 demand 4 (every draw) against 3 →
 *     short 1 in every draw (split into quarters, 0.75 a quarter, Q1 would read 3.25 short);
 *     summit 2024 demand 0 or 1 against 1 → never short; 2025 demand 1 (10 draws) or 2
 *     (6 draws) against 1 → expected shortfall 6/16 = 0.375, reads 0; over in 37.5 % of draws.
 *     Whole units: vouchers 4; summits 0.5 + 1.375 = 1.875 → 2.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const FILES = ['fixtures/redemption/program.yaml', '--history', 'fixtures/redemption/history.csv', '--partners', 'fixtures/redemption/partners.csv', '--no-cache'];

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

interface SimJson {
  measures: { name: string; expected: number; mean: number; p10: number; p50: number; p90: number }[];
  risks: { limit: string; probability: number; expected_run_exceeds: boolean }[];
}

describe('whole-unit redemption on fixtures/redemption', () => {
  it('run: the hand-worked expectations, whole units beside them, capacity pooled per year', async () => {
    const r = await cli('run', ...FILES, '--format', 'json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as RunSummary;
    expect(s.points).toEqual({ earned: 1900, redeemed: 950, expired: 0, clawed_back: 0, outstanding: 950, debt: 0, breakage: 0 });
    expect(s.cost).toEqual({ rewards: 602.5, benefits: 0, discounts: 0, total: 602.5, liability: 301.25 });
    expect(s.budget.by_year.map((y) => [y.year, y.cost, y.used_share])).toEqual([
      ['2024', 190, 0.19],
      ['2025', 412.5, 0.4125],
    ]);
    expect(s.budget.worst_year).toBe('2025');
    const [voucher, summit] = s.rewards;
    expect([voucher?.units, voucher?.expected_units, voucher?.shortfall, voucher?.capacity]).toEqual([4, 4, 1, 6]);
    expect(voucher?.by_window.map((w) => [w.window, w.capacity, w.units, w.shortfall, w.exceeded_share])).toEqual([
      ['2024', 3, 4, 1, 1],
      ['2025', 3, 0, 0, 0],
    ]);
    expect([summit?.units, summit?.expected_units, summit?.shortfall, summit?.expected_shortfall]).toEqual([2, 1.88, 0, 0.38]);
    expect(summit?.by_period.map((p) => p.expected_units)).toEqual([0.5, 0, 0, 0, 1.38, 0, 0, 0]);
    expect(summit?.by_window.map((w) => [w.window, w.expected_units, w.expected_shortfall, w.exceeded_share])).toEqual([
      ['2024', 0.5, 0, 0],
      ['2025', 1.38, 0.38, 0.375],
    ]);
  });

  it("explain: B's summit waits for 2025, whole", async () => {
    const r = await cli('explain', ...FILES, '--partner', 'B', '--format', 'json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as { periods: { period: string; redeemed: number; redemptions: Record<string, number>; expected_redemptions: Record<string, number> }[]; redemptions: unknown[] };
    expect(s.periods.map((p) => [p.period, p.redeemed])).toEqual([
      ['2024-Q1', 0],
      ['2024-Q2', 0],
      ['2024-Q3', 0],
      ['2024-Q4', 0],
      ['2025-Q1', 550],
      ['2025-Q2', 0],
      ['2025-Q3', 0],
      ['2025-Q4', 0],
    ]);
    expect(s.periods[4]?.redemptions).toEqual({ summit: 1 });
    expect(s.periods[4]?.expected_redemptions).toEqual({ summit: 1.38 });
    expect(s.redemptions).toEqual([{ reward: 'summit', units: 1, expected_units: 1.38, points: 550, vendor_cost: 412.5 }]);
  });

  it("simulate: its mean over 16 runs of seed 1 is run's figure; 200 stratified runs give the same expectation", async () => {
    for (const runs of ['16', '200']) {
      const r = await cli('simulate', ...FILES, '--runs', runs, '--seed', '1', '--format', 'json');
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.out) as SimJson;
      const at = (name: string) => doc.measures.find((m) => m.name === name);
      // Every fraction here is k/16, and k/16 of 200 runs is whole (0.5 → 100, 0.375 → 75): the mean is exact.
      expect([at('cost.total')?.expected, at('cost.total')?.mean]).toEqual([602.5, 602.5]);
      expect([at('liability')?.expected, at('liability')?.mean]).toEqual([301.25, 301.25]);
      expect([at('rewards.summit.units')?.expected, at('rewards.summit.units')?.mean]).toEqual([1.88, 1.88]);
      expect(doc.risks.find((x) => x.limit === 'rewards.summit.capacity')?.probability).toBe(0.375);
    }
  });

  it('check --at p90 with a limit between P50 and P90 fails; at the mean and P50 it holds', async () => {
    // max_budget_share 0.5. Each draw's worst year: 2025 at 0.3 (one summit, 10 of 16) or
    // 0.6 (two, 6 of 16), or 2024 at 0.34 when A's summit falls there (40 + 300 = 340).
    // Over 200 stratified runs 75 have 0.6: P90 = 0.6 > 0.5; P50 is 0.3 or 0.34 < 0.5;
    // the expectation's worst year is 2025 at 0.4125 ≤ 0.5.
    const mean = await cli('check', ...FILES);
    expect(mean.code).toBe(0);
    expect(mean.out).toContain('PASS  max_budget_share: measured 41.3%, limit ≤ 50.0%');
    expect(mean.out).toContain('all 2 guardrails hold at the expectation (as run prints it)');
    const p50 = await cli('check', ...FILES, '--at', 'p50');
    expect(p50.code).toBe(0);
    expect(p50.out).toContain('all 2 guardrails hold at P50 of 200 runs, seed 1');
    const p90 = await cli('check', ...FILES, '--at', 'p90', '--format', 'json');
    expect(p90.code).toBe(1);
    const doc = JSON.parse(p90.out) as { passed: boolean; at: unknown; guardrails: { name: string; measured: number; passed: boolean }[] };
    expect(doc.passed).toBe(false);
    expect(doc.at).toEqual({ measure: 'p90', runs: 200, seed: 1 });
    expect(doc.guardrails.find((g) => g.name === 'max_budget_share')).toMatchObject({ measured: 0.6, passed: false });
    // The voucher's 2024 shortfall is 1 in every draw: 1 ≤ 1 at any percentile.
    expect(doc.guardrails.find((g) => g.name === 'capacity_shortfall.max_units')).toMatchObject({ measured: 1, passed: true });
    const text = await cli('check', ...FILES, '--at', 'p90');
    expect(text.out).toMatch(/^FAIL {2}max_budget_share: measured 60\.0%, limit ≤ 50\.0% \(worst of 2 years: 2025/m);
    expect(text.out).toContain('1 of 2 guardrails crossed at P90 of 200 runs, seed 1 (minima at P10)');
  });

  it('--runs or --seed without a percentile is bad usage (exit 2), saying why', async () => {
    const r = await cli('check', ...FILES, '--runs', '50');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--runs and --seed set the Monte Carlo of --at p50|p90|p95; with --at mean the guardrails are measured on the expectation run prints');
    expect(r.err).toContain('hint: add --at p90');
    const bad = await cli('check', ...FILES, '--at', 'p99');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("argument 'p99' is invalid. Allowed choices are mean, p50, p90, p95.");
  });
});
