/**
 * Clawbacks (fixtures/clawback/): every number below is worked out by hand from
 * program.yaml, history.csv and partners.csv, with the arithmetic in the comment.
 *
 * Calendar: quarters from 2024-Q1 to 2025-Q2 (periods 0..5), window trailing_2.
 * Silver (500) earns ×1.5; deal_closed is capped at 500 a period. Partners sorted by id:
 * ada (reseller: rate 0.5 into mdf at 100 points), bo and cy (msp: rate 0).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/replay.js';
import type { DetailedLedger, Ledger } from '../../src/engine/ledger.js';
import { readHistory } from '../../src/history/read-history.js';
import { readPartners } from '../../src/history/read-partners.js';
import { loadProgram } from '../../src/program/load.js';
import { historyActivities } from '../../src/program/history-activities.js';
import type { Program } from '../../src/program/program.js';
import type { EventStore, PartnerTable } from '../../src/history/event-store.js';

const dir = new URL('../../fixtures/clawback/', import.meta.url);
let L: DetailedLedger;
let lean: Ledger;
let program: Program;
let store: EventStore;
let partners: PartnerTable;

beforeAll(async () => {
  const loaded = loadProgram(readFileSync(new URL('program.yaml', dir)), 'program.yaml');
  if (loaded.program === undefined) throw new Error(JSON.stringify(loaded.diagnostics));
  program = loaded.program;
  expect(loaded.diagnostics).toEqual([]);
  const history = await readHistory(readFileSync(new URL('history.csv', dir)), { file: 'history.csv', activities: historyActivities(program), unknownActivities: 'unscored' });
  expect(history.badRows).toBe(0);
  // subscription_lapsed and cert_expired are read by the clawbacks: kept, no unscored warning.
  expect(history.warnings).toEqual([]);
  store = history.store;
  partners = await readPartners(readFileSync(new URL('partners.csv', dir)), { file: 'partners.csv' });
  L = replay(program, store, partners);
  lean = replay(program, store, partners, { detail: false });
});

const T = 6;
const ADA = 0;
const BO = 1;
const CY = 2;
const series = (arr: ArrayLike<number>, p: number): number[] => Array.from({ length: T }, (_, t) => arr[p * T + t] ?? Number.NaN);
const close = (actual: number[], expected: number[]): void => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v, `index ${i}`).toBeCloseTo(expected[i] ?? Number.NaN, 9));
};

describe('a lapse takes back a sale (ada)', () => {
  it('earned, clawed back, window points and tiers', () => {
    // Q1: S-1 and S-2 sold, 400 each (Registered at the start: ×1) = 800. Q3: S-3 = 400 (Registered again).
    close(series(L.earned, ADA), [800, 0, 400, 0, 0, 0]);
    // Q2: S-1 lapses → its 400 back. Q4: S-2 lapses → 400 back; S-9 was never sold → nothing.
    close(series(L.clawedBack, ADA), [0, 400, 0, 400, 0, 0]);
    // trailing_2 of earned − clawed back: 800; 800 − 400 = 400; −400 + 400 = 0; 400 − 400 = 0;
    // −400 + 0 = −400 → 0 (a window never counts below zero); 0.
    close(series(L.windowPoints, ADA), [800, 400, 0, 0, 0, 0]);
    // 800 ≥ 500 → Silver at Q1; 400 < 500 → Registered from Q2.
    expect(series(L.tier, ADA)).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('the balance gives the points back, and goes into debt when it cannot', () => {
    // Q1: spend 0.5 × 800 = 400 = 4 units of 100 (whole in every draw) → balance 400.
    // Q2: the lapse takes 400 → 0. Q3: earn 400, spend 200 (2 units) → 200.
    // Q4: the lapse takes 400 of a 200 balance → −200, a debt later earnings would repay.
    close(series(L.redeemed, ADA), [400, 0, 200, 0, 0, 0]);
    close(series(L.balance, ADA), [400, 0, 200, -200, -200, -200]);
    // earned − clawed back = redeemed + expired + balance: 1,200 − 800 = 600 + 0 − 200.
  });

  it('records each reversal for the statement', () => {
    const a = L.activityIds.indexOf('subscription_sold');
    expect(L.clawbacks[ADA]).toEqual([
      { t: 1, activity: a, by: 'subscription_lapsed', value: 'S-1', points: 400 },
      { t: 3, activity: a, by: 'subscription_lapsed', value: 'S-2', points: 400 },
    ]);
  });
});

describe('refunds take back their share of what was credited (bo)', () => {
  it('the capped credit, the accelerator, a partial refund', () => {
    // Q1: D-1 $60,000 → 600 points, capped at 500 a period → 500 (100 capped). 500 → Silver.
    // Q2 (Silver ×1.5): D-2 $20,000 → 200 × 1.5 = 300. The refunds score nothing themselves.
    close(series(L.earned, BO), [500, 300, 0, 0, 0, 0]);
    // Q2: D-2 refunded $5,000 of $20,000 → a quarter of its 300 = 75; D-1 refunded whole → the 500
    // it was credited (not the 600 it would have been without the cap): 575.
    close(series(L.clawedBack, BO), [0, 575, 0, 0, 0, 0]);
    // 500; 500 + 300 − 575 = 225; −275 + 0 → 0; then 0.
    close(series(L.windowPoints, BO), [500, 225, 0, 0, 0, 0]);
    expect(series(L.tier, BO)).toEqual([1, 0, 0, 0, 0, 0]);
    // Rate 0: the balance is earned − clawed back: 500, then 800 − 575 = 225.
    close(series(L.balance, BO), [500, 225, 225, 225, 225, 225]);
    const d = L.activityIds.indexOf('deal_closed');
    const A = L.activityIds.length;
    // The refund rows are not occurrences: Q2 counts D-2 only.
    expect(L.countByActivity[(BO * T + 1) * A + d]).toBe(1);
    expect(L.clawedBackPointsByActivity[(BO * T + 1) * A + d]).toBeCloseTo(575, 9);
    expect(L.clawbacks[BO]?.map((c) => [c.value, c.points])).toEqual([
      ['D-2', 75],
      ['D-1', 500],
    ]);
  });
});

describe('within_months (cy)', () => {
  it('a reversal in the same period, and one too late to take anything back', () => {
    // Q1: C-1 and C-2 earned (200); C-1 expires on 1 March → 100 back in Q1. Q2: C-3 earned (100).
    close(series(L.earned, CY), [200, 100, 0, 0, 0, 0]);
    // 2025-03-01: C-2 (earned 2024-02-01) is more than 12 months older (the cut is 2024-03-01): kept.
    // 2025-03-15: C-3 (earned 2024-04-01, after the cut 2024-03-15) → 100 back in 2025-Q1.
    close(series(L.clawedBack, CY), [100, 0, 0, 0, 100, 0]);
    close(series(L.balance, CY), [100, 200, 200, 200, 100, 100]);
  });
});

describe('the lean ledger agrees', () => {
  it('clawed back, balances, windows and tiers are the same without detail', () => {
    for (const key of ['earned', 'clawedBack', 'redeemed', 'expired', 'balance', 'windowPoints', 'tier'] as const) {
      expect(Array.from(lean[key]), key).toEqual(Array.from(L[key]));
    }
  });

  it('conservation per partner: earned − clawed back = redeemed + expired + outstanding', () => {
    for (let p = 0; p < 3; p++) {
      const sum = (arr: ArrayLike<number>) => series(arr, p).reduce((a, b) => a + b, 0);
      expect(sum(L.earned) - sum(L.clawedBack)).toBeCloseTo(sum(L.redeemed) + sum(L.expired) + (L.balance[p * T + T - 1] ?? 0), 9);
    }
  });
});

describe('a clawback the data cannot act on is said, not silent', () => {
  it('warns at the key for a `when` no row has (did you mean) and a `match` column the history lacks', async () => {
    const { pointsmith } = await import('../support/bin.js');
    const r = await pointsmith('run', 'fixtures/clawback/misnamed.yaml', '--history', 'fixtures/clawback/history.csv', '--partners', 'fixtures/clawback/partners.csv', '--format', 'json');
    expect(r.code).toBe(0);
    // Line 22 `    clawback: { match: subscription_id, when: subscription_lapse }`: the value at column 47.
    expect(r.err).toContain(
      'warning: fixtures/clawback/misnamed.yaml:22:47: design-value-not-in-data: no row has activity `subscription_lapse`, so activities.subscription_sold.clawback never takes anything back (did you mean `subscription_lapsed`?)',
    );
    // Line 27 `    clawback: { match: deal_ref }`: the value at column 24.
    expect(r.err).toContain('fixtures/clawback/misnamed.yaml:27:24: design-value-not-in-data: the history has no `deal_ref` column');
  });
});

describe('a clawback that crosses a threshold inside a tier term', () => {
  it('keeps the tier to the anniversary; without a term the tier drops at the next evaluation', async () => {
    const { design, run, perPeriod, row } = await import('./design.js');
    const parts = (term: boolean) =>
      design({
        calendar: { period: 'quarter', tier_window: 'trailing_1', ...(term ? { term: { months: 12 } } : {}) },
        activities: { sold: { category: 'main', points: 100, clawback: { match: 'ref', when: 'lapsed' } } },
        tiers: [
          { name: 'Registered', min_points: 0 },
          { name: 'Gold', min_points: 150 },
        ],
      });
    const rows = [row('p', '2024-02-01', 'sold', { ref: 'S1' }), row('p', '2024-02-02', 'sold', { ref: 'S2' }), row('p', '2024-05-01', 'lapsed', { ref: 'S1' })];
    // Q1: 200 → Gold. Q2: S1 lapses: the window (Q2 alone) is −100 → 0 → qualifies Registered.
    const held = run(parts(true), rows).ledger;
    const dropped = run(parts(false), rows).ledger;
    expect(perPeriod(held, held.qualifiedTier)).toEqual([1, 0, 0, 0]);
    expect(perPeriod(dropped, dropped.tier)).toEqual([1, 0, 0, 0]);
    // Term of 12 months from program.starts (2024-01-01): the anniversary 2025-01-01 lies after
    // every 2024 evaluation, so Gold is held all year whatever the clawback did to the score.
    expect(perPeriod(held, held.tier)).toEqual([1, 1, 1, 1]);
    expect(perPeriod(held, held.clawedBack)).toEqual([0, 100, 0, 0]);
  });
});
