/**
 * Best of tracks at the score level (`tracks.mode: best` with a track's `set`):
 * hand-worked figures in the comments, and fast-check invariants. Calendar: quarters of
 * 2024, trailing_1 unless stated (each quarter's evaluation reads that quarter only).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlainRow } from '../../src/history/store-builder.js';
import type { Ledger } from '../../src/engine/ledger.js';
import { replay } from '../../src/engine/replay.js';
import { buildStore } from '../../src/history/store-builder.js';
import { trackProgram } from '../../src/program/track-program.js';
import { design, perPeriod, row, run } from './design.js';

const TWO_TRACKS = {
  calendar: { period: 'quarter', tier_window: 'trailing_1' },
  activities: { deal: { category: 'main', points: 100 }, webinar: { category: 'main', points: 10 } },
  tiers: [{ name: 'Base', min_points: 0 }, { name: 'Gold', min_points: 400 }],
  tracks: {
    mode: 'best',
    list: {
      // sell: a deal is worth 300, Gold at 1000.  market: a webinar is worth 60, Gold at 300.
      sell: { set: { 'activities.deal.points': 300 }, min_points: { Gold: 1000 } },
      market: { set: { 'activities.webinar.points': 60 }, min_points: { Gold: 300 } },
    },
  },
};

const deals = (n: number, date: string): PlainRow[] => Array.from({ length: n }, () => row('p', date, 'deal'));
const webinars = (n: number, date: string): PlainRow[] => Array.from({ length: n }, () => row('p', date, 'webinar'));

describe('tracks.mode: best with set: every track scored, the best kept per evaluation', () => {
  // Q1: 1 deal, 2 webinars → sell 300 + 20 = 320 (Base), market 100 + 120 = 220 (Base): same tier, sell's total is higher → sell.
  // Q2: 2 deals, 2 webinars → sell 600 + 20 = 620 (Base, < 1000), market 200 + 120 = 320 (Gold, ≥ 300): the higher tier wins → market,
  //     although sell's total is higher.
  // Q3: 4 deals → sell 1200 (Gold), market 400 (Gold): same tier, sell's total → sell.
  // Q4: nothing → both 0 (Base): a tie keeps the first listed → sell.
  const rows = [...deals(1, '2024-02-01'), ...webinars(2, '2024-02-02'), ...deals(2, '2024-05-01'), ...webinars(2, '2024-05-02'), ...deals(4, '2024-08-01')];

  it('keeps the higher tier, then the higher total, then the first listed; the period\'s figures are the kept track\'s', () => {
    const { ledger } = run(design(TWO_TRACKS), rows);
    expect(ledger.trackNames).toEqual(['sell', 'market']);
    expect(perPeriod(ledger, ledger.trackKept)).toEqual([0, 1, 0, 0]);
    expect(perPeriod(ledger, ledger.tier)).toEqual([0, 1, 1, 0]);
    expect(perPeriod(ledger, ledger.windowPoints)).toEqual([320, 320, 1200, 0]);
    expect(perPeriod(ledger, ledger.earned)).toEqual([320, 320, 1200, 0]);
    // Each track's window total and tier, per period (N = 2: sell, market).
    expect(Array.from(ledger.trackWindowPoints.subarray(0, 8))).toEqual([320, 220, 620, 320, 1200, 400, 0, 0]);
    expect(Array.from(ledger.trackTiers.subarray(0, 8))).toEqual([0, 0, 0, 1, 1, 1, 0, 0]);
    // Q2's per-activity points are market's: 2 deals × 100 = 200, 2 webinars × 60 = 120.
    const A = ledger.activityIds.length;
    expect(ledger.pointsByActivity[1 * A + 0]).toBe(200);
    expect(ledger.pointsByActivity[1 * A + 1]).toBe(120);
  });

  it('one balance: redemption runs once over the kept tracks\' earned, and earned = redeemed + expired + balance', () => {
    // A reward of 100 points, every point spent (rate 1): Q1 320 → 3 units (300), 20 left; Q2 +320 = 340 → 3 units, 40 left;
    // Q3 +1200 = 1240 → 12 units, 40 left; Q4 40 → 0 units. Redeemed 300 + 300 + 1200 = 1800 = 1840 earned − 40 held.
    const program = design({
      ...TWO_TRACKS,
      rewards: [{ id: 'r', cost_points: 100, vendor_cost: 1 }],
      redemption: { default: { rate: 1, mix: { r: 1 } } },
    });
    for (const detail of [true, false]) {
      const { ledger } = run(program, rows, undefined, { detail });
      expect(perPeriod(ledger, ledger.redeemed)).toEqual([300, 300, 1200, 0]);
      expect(perPeriod(ledger, ledger.balance)).toEqual([20, 40, 40, 40]);
    }
  });
});

const rowArb = fc
  .record({
    partner: fc.constantFrom('p', 'q'),
    offset: fc.integer({ min: 0, max: 365 }),
    activity: fc.constantFrom('deal', 'webinar'),
    quantity: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ partner, offset, activity, quantity }): PlainRow => ({
    partner_id: partner,
    date: new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10),
    activity,
    quantity,
  }));

/** A design with caps, an accelerator and grace, so a track's tier history feeds its points. */
const RICHER = {
  calendar: { period: 'quarter', tier_window: 'trailing_2' },
  activities: { deal: { category: 'main', points: 100, cap: { per: 'period', points: 500 } }, webinar: { category: 'main', points: 10 } },
  tiers: [{ name: 'Base', min_points: 0 }, { name: 'Silver', min_points: 300, grace_periods: 1 }, { name: 'Gold', min_points: 700, earn_multiplier: 1.5 }],
};

const SCORED: readonly (keyof Ledger)[] = ['earned', 'windowPoints', 'tier', 'startTier', 'qualifiedTier', 'inGrace', 'active', 'amount', 'balance', 'redeemed'];

describe('tracks.mode: best with set: invariants', () => {
  it('one track with an empty set and no thresholds scores as no tracks at all', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
        const plain = run(design(RICHER), rows).ledger;
        const tracked = run(design({ ...RICHER, tracks: { mode: 'best', list: { only: { set: {} } } } }), rows).ledger;
        expect(tracked.trackNames).toEqual(['only']);
        for (const key of SCORED) expect(Array.from(tracked[key] as ArrayLike<number>), key).toEqual(Array.from(plain[key] as ArrayLike<number>));
        expect(Array.from(tracked.pointsByActivity)).toEqual(Array.from(plain.pointsByActivity));
        expect(tracked.trackKept.every((k) => k === 0)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('the kept track has the highest tier and, among tracks at that tier, the highest window total; its figures are its own replay\'s', () => {
    const program = design({
      ...RICHER,
      tracks: {
        mode: 'best',
        list: {
          sell: { set: { 'activities.deal.points': 250 }, min_points: { Gold: 900 } },
          market: { set: { 'activities.webinar.points': 80, 'activities.deal.cap.points': 200 }, min_points: { Silver: 200 } },
        },
      },
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
        const { ledger } = run(program, rows);
        const store = buildStore(rows);
        const own = ledger.trackNames.map((name) => replay(trackProgram(program, name), store));
        const N = ledger.trackNames.length;
        for (let i = 0; i < ledger.earned.length; i++) {
          const k = ledger.trackKept[i] ?? -1;
          const tier = (j: number): number => ledger.trackTiers[i * N + j] ?? NaN;
          const total = (j: number): number => ledger.trackWindowPoints[i * N + j] ?? NaN;
          for (let j = 0; j < N; j++) {
            expect(tier(k)).toBeGreaterThanOrEqual(tier(j));
            if (tier(j) === tier(k)) expect(total(k)).toBeGreaterThanOrEqual(total(j));
          }
          expect(ledger.earned[i]).toBe(own[k]?.earned[i]);
          expect(ledger.windowPoints[i]).toBe(own[k]?.windowPoints[i]);
          expect(ledger.tier[i]).toBe(own[k]?.tier[i]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
