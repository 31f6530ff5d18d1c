/**
 * The transition on the engine's hand fixture (fixtures/hand/: history and partners
 * file), with fixtures/transition/hand-legacy.yaml = fixtures/hand/program.yaml plus a
 * `legacy:` section. The engine's figures used below are derived in test/engine/hand.test.ts:
 *   acme   (reseller, emea)   tiers Q1..Q4: Silver Silver Silver(grace) Registered; window at Q4: 60
 *   bolt   (msp, apac)        tiers:        Registered Silver Silver(grace) Silver
 *   cirrus (consultant, emea) no events:    Registered ×4
 * The partners file gives the legacy levels: acme Silver, bolt Registered, cirrus Silver.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stderrBesidesHandDates } from '../support/hand-stderr.js';
import type { TransitionReport } from '../../src/analysis/transition-types.js';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

async function transition(...extra: string[]): Promise<TransitionReport> {
  const io = memoryIo();
  const code = await main(
    ['transition', 'fixtures/transition/hand-legacy.yaml', '--history', 'fixtures/hand/history.csv', '--partners', 'fixtures/hand/partners.csv', '--no-cache', '--format', 'json', ...extra],
    io,
  );
  expect(stderrBesidesHandDates(io.err())).toBe('');
  expect(code).toBe(0);
  return JSON.parse(io.out()) as TransitionReport;
}

describe('transition on fixtures/hand', () => {
  it('keeps hand-legacy.yaml in step with the hand design', () => {
    const body = (text: string) => text.split('\n').filter((l) => !l.startsWith('#')).join('\n').trim();
    const hand = body(readFileSync('fixtures/hand/program.yaml', 'utf8'));
    expect(body(readFileSync('fixtures/transition/hand-legacy.yaml', 'utf8')).startsWith(hand)).toBe(true);
  });

  it('matrix, movement and movement per period', async () => {
    const r = await transition();
    expect(r.legacy.source).toBe('partners_file');
    // Revenue of FY2024 (the rows after the program's end are not counted): acme 30,500 + 20,000,
    // bolt 10,000 + 10,000 + 10,000; certified: no person_id column, so cert_earned occurrences (acme 1, bolt 2).
    expect(r.partner_rows.map((p) => [p.partner, p.legacy_level, p.legacy_revenue, p.legacy_certified, p.new_tier, p.movement])).toEqual([
      ['acme', 'Silver', 50500, 1, 'Registered', 'down'],
      ['bolt', 'Registered', 30000, 2, 'Silver', 'up'],
      ['cirrus', 'Silver', 0, 0, 'Registered', 'down'],
    ]);
    expect(r.matrix).toEqual({
      legacy_levels: ['Registered', 'Silver'],
      tiers: ['Registered', 'Silver'],
      counts: [
        [0, 1], // bolt: Registered → Silver
        [2, 0], // acme and cirrus: Silver → Registered
      ],
      row_shares: [
        [0, 1],
        [1, 0],
      ],
    });
    // Q1: acme same, bolt same, cirrus down; Q2 and Q3: bolt up (acme keeps Silver, by grace in Q3);
    // Q4: acme down too.
    expect(r.by_period.map((p) => [p.period, p.up, p.same, p.down])).toEqual([
      ['2024-Q1', 0, 2, 1],
      ['2024-Q2', 1, 1, 1],
      ['2024-Q3', 1, 1, 1],
      ['2024-Q4', 1, 0, 2],
    ]);
  });

  it("the at-risk partners' gaps and plans", async () => {
    const r = await transition();
    // cirrus: 0 of 300 → 300 short; acme: 60 of 300 (emea) → 240 short. Silver has no other requirement.
    expect(r.at_risk.map((a) => [a.partner, a.threshold, a.points_in_window, a.points_short])).toEqual([
      ['cirrus', 300, 0, 300],
      ['acme', 300, 60, 240],
    ]);
    // acme (Registered now, no accelerator): a deal at its average (20,000 + 20,000) / 2 = 20,000
    // → 200 × 1.5 (saas; region emea has no factor) = 300 beats new_customer 100, webinar 50, cert 40,
    // lead 20 → ceil(240 / 300) = 1 deal.
    const acme = r.at_risk[1]!;
    expect(acme.plan.steps.map((s) => [s.activity, s.occurrences, s.points_per_occurrence, s.basis])).toEqual([
      ['deal_closed', 1, 300, 'a deal of USD 20,000 with product saas'],
    ]);
    // cirrus has no deals: everyone's average, (2 × 20,000 + 3 × 10,000) / 5 = 14,000 → 140 × 1.5 = 210
    // → ceil(300 / 210) = 2 deals, 420 points.
    const cirrus = r.at_risk[0]!;
    expect(cirrus.plan.steps.map((s) => [s.activity, s.occurrences, s.points])).toEqual([['deal_closed', 2, 420]]);
    expect(cirrus.plan.steps[0]?.basis).toBe('a deal of USD 14,000 with product saas');
  });

  it('the cost of both programs', async () => {
    const r = await transition();
    // New (engine): rewards acme 70 + 55 + 12 = 137, bolt 57.6 + 12.8 + 48 + 24 = 142.4 → 279.4;
    // benefits acme 3 × 100 + bolt 2 × 100 = 500; discounts acme 2,000 + bolt 1,000 = 3,000 → 3,779.4.
    // Legacy: acme Silver 1,000 + 5% × 50,500 = 3,525; bolt Registered 0; cirrus Silver 1,000 + 0 → 4,525.
    expect(r.cost.new).toEqual({ rewards: 279.4, benefits: 500, discounts: 3000, total: 3779.4 });
    expect(r.cost.legacy).toEqual({ benefits: 2000, discounts: 2525, total: 4525 });
    // -745.6 / 4,525 = -0.16477…
    expect([r.cost.difference, r.cost.difference_share]).toEqual([-745.6, -0.1648]);
  });

  it('prorates the legacy cost to the days the program covers when it ends mid-quarter', async () => {
    // program.ends 2024-11-30: Q4 (Oct 1 - Dec 31, 92 days) has 61 days inside, so the span
    // 2024-Q1..Q4 is (3 + 61/92) / 4 = 337/368 of a year, and the legacy Silver benefits of
    // acme and cirrus cost 2 × 1,000 × 337/368 = 1,831.52 (not 2,000), over 2024-01-01..2024-11-30.
    const r = await transition('--set', 'program.ends=2024-11-30');
    expect(r.cost.legacy.benefits).toBe(1831.52);
    expect([r.cost.from, r.cost.to]).toEqual(['2024-01-01', '2024-11-30']);
  });
});
