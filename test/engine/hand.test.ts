/**
 * The hand fixture (fixtures/hand/): every number below is derived by hand from
 * program.yaml, history.csv and partners.csv, with the arithmetic in the comment.
 *
 * Calendar: quarters of 2024 (Q1..Q4 = periods 0..3), window trailing_2.
 * Partners, sorted by id: acme (reseller, emea, rate 0.5), bolt (msp, apac, rate 0.8),
 * cirrus (consultant, emea, no events).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/replay.js';
import type { DetailedLedger } from '../../src/engine/ledger.js';
import { readHistory } from '../../src/history/read-history.js';
import { readPartners } from '../../src/history/read-partners.js';
import { loadProgram } from '../../src/program/load.js';

const dir = new URL('../../fixtures/hand/', import.meta.url);
let L: DetailedLedger;

beforeAll(async () => {
  const { program, diagnostics } = loadProgram(readFileSync(new URL('program.yaml', dir)), 'program.yaml');
  if (program === undefined) throw new Error(JSON.stringify(diagnostics));
  const history = await readHistory(readFileSync(new URL('history.csv', dir)), { file: 'history.csv' });
  expect(history.badRows).toBe(0);
  const partners = await readPartners(readFileSync(new URL('partners.csv', dir)), { file: 'partners.csv' });
  L = replay(program, history.store, partners);
});

const T = 4;
const ACME = 0;
const BOLT = 1;
const CIRRUS = 2;
const series = (arr: ArrayLike<number>, p: number): number[] => Array.from({ length: T }, (_, t) => arr[p * T + t] ?? Number.NaN);
const act = (name: string): number => L.activityIds.indexOf(name);
const cat = (name: string): number => L.categoryIds.indexOf(name);
const byAct = (arr: Float64Array, p: number, t: number, name: string): number => arr[(p * T + t) * L.activityIds.length + act(name)] ?? Number.NaN;
const byCat = (p: number, t: number, name: string): number => L.pointsByCategory[(p * T + t) * L.categoryIds.length + cat(name)] ?? Number.NaN;
const close = (actual: number[], expected: number[]): void => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? Number.NaN, 9));
};

describe('hand fixture: calendar and partners', () => {
  it('has four quarters, three partners (cirrus from the partners file only) and two ignored rows', () => {
    expect(L.periods.map((p) => p.label)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(L.partners.map((p) => p.id)).toEqual(['acme', 'bolt', 'cirrus']);
    // 20 rows; acme 2023-12-31 is before starts, bolt 2025-01-05 after ends.
    expect(L.ignoredEvents).toBe(2);
    expect(L.events).toBe(18);
  });
});

describe('hand fixture: acme', () => {
  it('Q1: the webinar cap binds, staged credit, distinct and where', () => {
    // webinars: 50 + 50, the third (50) clipped by cap 100 per period → 100 credited, 50 capped.
    expect(byAct(L.pointsByActivity, ACME, 0, 'webinar_hosted')).toBeCloseTo(100, 9);
    expect(byAct(L.cappedPointsByActivity, ACME, 0, 'webinar_hosted')).toBeCloseTo(50, 9);
    // deal signed: 20000 / 1000 × 10 = 200, share 0.5 → 100 base, saas × 1.5 → 150 (region emea: ×1).
    expect(byAct(L.basePointsByActivity, ACME, 0, 'deal_closed')).toBeCloseTo(100, 9);
    expect(byAct(L.multiplierPointsByActivity, ACME, 0, 'deal_closed')).toBeCloseTo(50, 9);
    expect(byAct(L.pointsByActivity, ACME, 0, 'deal_closed')).toBeCloseTo(150, 9);
    // new_customer: K1 (5000) scores 100; K1 again is not distinct; K2 (500) fails where amount ≥ 1000.
    expect(byAct(L.pointsByActivity, ACME, 0, 'new_customer')).toBeCloseTo(100, 9);
    expect(byAct(L.countByActivity, ACME, 0, 'new_customer')).toBe(1);
    // awareness 100 (below the category cap 150), decision 150 + 100 = 250.
    expect(byCat(ACME, 0, 'awareness')).toBeCloseTo(100, 9);
    expect(byCat(ACME, 0, 'decision')).toBeCloseTo(250, 9);
  });

  it('Q2: promotion, accelerator and the category cap', () => {
    // Silver from the Q1 evaluation → earn_multiplier 1.5 in Q2.
    // lead 1: 20 × promo 2 × 1.5 = 60; awareness room in the window Q1..Q2 = 150 − 100 = 50 → 50 credited, 10 capped.
    // lead 2 (quantity 2): 40 × 2 × 1.5 = 120 → room 0 → 120 capped.
    expect(byAct(L.basePointsByActivity, ACME, 1, 'lead_generated')).toBeCloseTo(60, 9); // 20 + 40
    expect(byAct(L.promotionPointsByActivity, ACME, 1, 'lead_generated')).toBeCloseTo(60, 9); // 60 × (2 − 1)
    expect(byAct(L.acceleratorPointsByActivity, ACME, 1, 'lead_generated')).toBeCloseTo(60, 9); // 120 × 0.5
    expect(byAct(L.cappedPointsByActivity, ACME, 1, 'lead_generated')).toBeCloseTo(130, 9);
    expect(byAct(L.pointsByActivity, ACME, 1, 'lead_generated')).toBeCloseTo(50, 9);
    // deal activated: 100 base × 1.5 saas = 150 × 1.5 accelerator = 225.
    expect(byAct(L.acceleratorPointsByActivity, ACME, 1, 'deal_closed')).toBeCloseTo(75, 9);
    expect(byAct(L.pointsByActivity, ACME, 1, 'deal_closed')).toBeCloseTo(225, 9);
  });

  it('earned, window points, tiers and the grace period', () => {
    // Q1 100 + 150 + 100 = 350; Q2 50 + 225 = 275; Q3 nothing; Q4 cert 40 × 1.5 (still Silver at the start) = 60.
    close(series(L.earned, ACME), [350, 275, 0, 60]);
    // trailing_2: 350; 350 + 275 = 625; 275 + 0 = 275; 0 + 60 = 60.
    close(series(L.windowPoints, ACME), [350, 625, 275, 60]);
    // Silver (300) at Q1 and Q2; 275 < 300 at Q3 but grace_periods 1 keeps Silver; Q4 60 → Registered.
    expect(series(L.tier, ACME)).toEqual([1, 1, 1, 0]);
    expect(series(L.inGrace, ACME)).toEqual([0, 0, 1, 0]);
    expect(series(L.startTier, ACME)).toEqual([0, 1, 1, 1]);
  });

  it('redemption and FIFO expiry', () => {
    // rate 0.5 of each quarter's earnings: 175, 137.5, 0, 30.
    close(series(L.redeemed, ACME), [175, 137.5, 0, 30]);
    // lots: Q1 350 − 175 = 175; Q2: spend 137.5 from Q1 → Q1 37.5, Q2 275;
    // end of Q3: Q1's lot expires (6 months = 2 quarters after Q1) → 37.5;
    // Q4: earn 60, spend 30 from Q2 (275 → 245), Q2's lot expires → 245.
    close(series(L.expired, ACME), [0, 0, 37.5, 245]);
    close(series(L.balance, ACME), [175, 312.5, 275, 60]);
    // asks in vouchers (8 points): 175 / 8 = 21.875, 137.5 / 8 = 17.1875, 0, 30 / 8 = 3.75.
    // Whole units only: Q1 22 vouchers in 14 of the 16 stratified draws (0.875 × 16), 21 in 2;
    // Q2 18 in 3 draws, 17 in 13; Q4 4 in 12, 3 in 4. The balance always covers the ask
    // (Q1: 22 × 8 = 176 ≤ 350), so the means are the asks, and the redeemed points above
    // are their means (Q1: (14 × 176 + 2 × 168) / 16 = 175); the Q1 lot keeps 30..46
    // points in every draw, so its expiry is linear too: 350 − 175 − 137.5 = 37.5.
    close(series(L.redeemedUnits, ACME), [21.875, 17.1875, 0, 3.75]);
    // vendor cost 3.2 a voucher: 70, 55, 0, 12.
    close(series(L.rewardCost, ACME), [70, 55, 0, 12]);
    // conservation: 685 = 342.5 + 282.5 + 60.
  });

  it('benefits and discounts follow the tier in force during the period', () => {
    // Silver in force in Q2, Q3, Q4: 400 / 4 = 100 each; discount 10% of the amount: Q2 20000 → 2000.
    close(series(L.benefitCost, ACME), [0, 100, 100, 100]);
    close(series(L.discountCost, ACME), [0, 2000, 0, 0]);
    close(series(L.amount, ACME), [30500, 20000, 0, 0]); // Q1: 20000 + 5000 + 5000 + 500
  });
});

describe('hand fixture: bolt', () => {
  it('regional threshold, staged rows out of stage, partner-attribute multiplier, grace then recovery', () => {
    // Q1: deal signed 10000 → 100 × 0.5 = 50 × apac 2 (region from partners.csv) = 100; the `quoted` row scores 0;
    //     two certs 80 → 180. Registered (apac threshold 200).
    // Q2: lead 20 × 2 (promotion) = 40 → window 220 ≥ 200 → Silver (it would need 300 in emea).
    // Q3: deal activated 50 × 2 × 1.5 (Silver) = 150 → window 40 + 150 = 190 < 200 → grace keeps Silver.
    // Q4: webinar 50 × 1.5 = 75 → window 150 + 75 = 225 → Silver again, grace reset.
    close(series(L.earned, BOLT), [180, 40, 150, 75]);
    expect(byAct(L.countByActivity, BOLT, 0, 'deal_closed')).toBeCloseTo(0.5, 9); // the signed half only
    close(series(L.windowPoints, BOLT), [180, 220, 190, 225]);
    expect(series(L.tier, BOLT)).toEqual([0, 1, 1, 1]);
    expect(series(L.inGrace, BOLT)).toEqual([0, 0, 1, 0]);
  });

  it('redeems at its segment rate (msp 0.8) with nothing expiring', () => {
    // 0.8 × (180, 40, 150, 75) = 144, 32, 120, 60 → vouchers / 8 = 18, 4, 15, 7.5: whole
    // asks in Q1..Q3 (every draw alike); Q4 8 vouchers in 8 draws, 7 in the other 8.
    close(series(L.redeemed, BOLT), [144, 32, 120, 60]);
    close(series(L.redeemedUnits, BOLT), [18, 4, 15, 7.5]);
    // lots: Q1 36; Q2 spend 32 from Q1 → 4 + 40 = 44; Q3 spend 120: Q1 4, Q2 40, Q3 76 → 74 left;
    // Q1's lot (empty) expires at Q3, Q2's (empty) at Q4; Q4 spend 64 or 56 from Q3 → 10 or 18,
    // mean 14, + 75 = 89.
    close(series(L.expired, BOLT), [0, 0, 0, 0]);
    close(series(L.balance, BOLT), [36, 44, 74, 89]);
  });

  it('costs', () => {
    // Silver in force in Q3 and Q4 → 100 each; discount 10% of Q3's 10000 = 1000.
    close(series(L.benefitCost, BOLT), [0, 0, 100, 100]);
    close(series(L.discountCost, BOLT), [0, 0, 1000, 0]);
    close(series(L.rewardCost, BOLT), [57.6, 12.8, 48, 24]); // units × 3.2
  });
});

describe('hand fixture: cirrus and totals', () => {
  it('a partner without events holds the lowest tier with zero points', () => {
    close(series(L.earned, CIRRUS), [0, 0, 0, 0]);
    expect(series(L.tier, CIRRUS)).toEqual([0, 0, 0, 0]);
    expect(L.partners[CIRRUS]?.segment).toBe('consultant');
  });

  it('reward demand against capacity (20 vouchers a quarter), shortfall draw by draw', () => {
    // Q1 21.875 + 18 = 39.875; Q2 17.1875 + 4 = 21.1875; Q3 15; Q4 3.75 + 7.5 = 11.25.
    close(Array.from(L.rewardUnits), [39.875, 21.1875, 15, 11.25]);
    // Per draw, Q1 demand is 39 or 40 and Q2's 21 or 22: over 20 in every draw, so the
    // expected shortfall is linear: 19.875 and 1.1875. Q4 demand is 10..12: never over.
    expect(L.capacity.map((w) => [w.label, w.capacity])).toEqual([
      ['2024-Q1', 20],
      ['2024-Q2', 20],
      ['2024-Q3', 20],
      ['2024-Q4', 20],
    ]);
    close(L.capacity.map((w) => w.units), [39.875, 21.1875, 15, 11.25]);
    close(L.capacity.map((w) => w.shortfall), [19.875, 1.1875, 0, 0]);
    close(L.capacity.map((w) => w.exceeded), [1, 1, 0, 0]);
  });

  it('conserves points per partner: earned = redeemed + expired + balance', () => {
    // acme 685 = 342.5 + 282.5 + 60; bolt 445 = 356 + 0 + 89.
    const sum = (a: number[]): number => a.reduce((x, y) => x + y, 0);
    expect(sum(series(L.earned, ACME))).toBeCloseTo(685, 9);
    expect(sum(series(L.redeemed, ACME)) + sum(series(L.expired, ACME)) + (L.balance[ACME * T + 3] ?? 0)).toBeCloseTo(685, 9);
    expect(sum(series(L.earned, BOLT))).toBeCloseTo(445, 9);
    expect(sum(series(L.redeemed, BOLT)) + (L.balance[BOLT * T + 3] ?? 0)).toBeCloseTo(445, 9);
  });
});
