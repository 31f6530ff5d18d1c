/**
 * The launch fixture (fixtures/launch/): every number derived by hand from program.yaml,
 * history.csv and partners.csv. Quarters of 2024 (Q1..Q4 = periods 0..3), trailing_4.
 * Tiers: Registered 0, Silver 100, Gold 300 (× 2, 400 a year), Platinum 600 (× 2).
 * Partners by id: anvil (Premier), birch (premier: matched ignoring case), cedar (no
 * level), dune (Basic, no events). Premier → Gold until 2024-06-30, 520 opening points.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DetailedLedger } from '../../src/engine/ledger.js';
import { deepFreeze, type Program } from '../../src/program/program.js';
import { loadFixtureProgram, replayFixture } from './fixture-replay.js';

const dir = new URL('../../fixtures/launch/', import.meta.url);
const T = 4;
const [ANVIL, BIRCH, CEDAR, DUNE] = [0, 1, 2, 3];
let L: DetailedLedger;
let without: DetailedLedger;
const series = (ledger: DetailedLedger, arr: ArrayLike<number>, p: number): number[] => Array.from({ length: T }, (_, t) => arr[p * T + t] ?? Number.NaN);
const close = (actual: number[], expected: number[]): void => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? Number.NaN, 9));
};

beforeAll(async () => {
  L = await replayFixture(dir, { program: 'program.yaml', history: 'history.csv', partners: 'partners.csv' });
  const program = loadFixtureProgram(dir, 'program.yaml');
  const { launch: _launch, ...rest } = program;
  without = await replayFixture(dir, { program: deepFreeze(rest) as Program, history: 'history.csv', partners: 'partners.csv' });
});

describe('launch: grandfathered tiers', () => {
  it('anvil holds Gold from the first period through the last evaluation before `until`, then falls', () => {
    // Gold in force from Q1 (its × 2 applies): 40 × 2 = 80 in Q1; window 80 < Silver's 100 → qualifies Registered.
    close(series(L, L.earned, ANVIL), [80, 0, 0, 0]);
    expect(series(L, L.qualifiedTier, ANVIL)).toEqual([0, 0, 0, 0]);
    // Q1 (ends 03-31) and Q2 (06-30) end on or before 2024-06-30: Gold kept; Q3 (09-30) is past it → Registered (no grace after `until`).
    expect(series(L, L.tier, ANVIL)).toEqual([2, 2, 0, 0]);
    expect(series(L, L.startTier, ANVIL)).toEqual([2, 2, 2, 0]);
    expect(series(L, L.grandfathered, ANVIL)).toEqual([1, 1, 0, 0]);
    expect(series(L, L.inGrace, ANVIL)).toEqual([0, 0, 0, 0]);
    // Gold's 400 a year, a quarter at a time, while Gold is in force (Q1, Q2, Q3).
    close(series(L, L.benefitCost, ANVIL), [100, 100, 100, 0]);
  });

  it('birch qualifies above its grandfathered tier at once', () => {
    // 340 × 2 (Gold in force) = 680 ≥ 600 → Platinum at Q1, and the trailing_4 window keeps 680 all year.
    close(series(L, L.earned, BIRCH), [680, 0, 0, 0]);
    expect(series(L, L.tier, BIRCH)).toEqual([3, 3, 3, 3]);
    expect(series(L, L.startTier, BIRCH)).toEqual([2, 3, 3, 3]);
    expect(series(L, L.grandfathered, BIRCH)).toEqual([0, 0, 0, 0]);
  });

  it('partners without a mapped level above the lowest start as new partners', () => {
    // cedar: no legacy level: 40 × 1 = 40 → Registered; dune: Basic → Registered, the tier it would hold anyway.
    close(series(L, L.earned, CEDAR), [40, 0, 0, 0]);
    expect(series(L, L.tier, CEDAR)).toEqual([0, 0, 0, 0]);
    expect(series(L, L.grandfathered, DUNE)).toEqual([0, 0, 0, 0]);
  });

  it('without `launch` the same history starts everyone at Registered', () => {
    // anvil: 40 × 1 = 40 in Q1 → Registered all year; birch: 340 → Gold (300) at Q1 only from Q2 on.
    close(series(without, without.earned, ANVIL), [40, 0, 0, 0]);
    expect(series(without, without.tier, ANVIL)).toEqual([0, 0, 0, 0]);
    expect(series(without, without.tier, BIRCH)).toEqual([2, 2, 2, 2]);
    expect(Array.from(without.openingPoints)).toEqual([0, 0, 0, 0]);
  });
});

describe('launch: opening balances', () => {
  it('join the lot of period 0: spent and expired with it, never counted in the tier window', () => {
    expect(Array.from(L.openingPoints)).toEqual([520, 520, 0, 0]);
    // anvil: lot Q1 = 80 + 520 = 600; rate 0.5 → 300 = 3 vouchers exactly in every draw; balance 300.
    // Expiry 6 months = 2 quarters: the rest of lot Q1 (300) expires at the end of Q3.
    close(series(L, L.redeemed, ANVIL), [300, 0, 0, 0]);
    close(series(L, L.expired, ANVIL), [0, 0, 300, 0]);
    close(series(L, L.balance, ANVIL), [300, 300, 0, 0]);
    // birch: 680 + 520 = 1200 → 600 spent (6 vouchers); 600 expire at the end of Q3.
    close(series(L, L.redeemed, BIRCH), [600, 0, 0, 0]);
    close(series(L, L.expired, BIRCH), [0, 0, 600, 0]);
    // The window counts earned points only: anvil's 80, not 600.
    close(series(L, L.windowPoints, ANVIL), [80, 80, 80, 80]);
  });

  it('conserve points per partner: opening + earned = redeemed + expired + outstanding', () => {
    // anvil 520 + 80 = 300 + 300 + 0; birch 520 + 680 = 600 + 600 + 0; cedar 0 + 40 = its spend + expiry + balance.
    for (let p = 0; p < L.partners.length; p++) {
      const sum = (arr: Float64Array): number => series(L, arr, p).reduce((a, b) => a + b, 0);
      expect((L.openingPoints[p] ?? 0) + sum(L.earned)).toBeCloseTo(sum(L.redeemed) + sum(L.expired) + (L.balance[p * T + T - 1] ?? 0), 9);
    }
  });
});
