/**
 * Small Ledgers built by hand, so the summary and the renderers are tested on numbers a
 * person can check, independently of the engine.
 *
 * `fixtureLedger()` is 3 partners × 2 quarters of a tiny design. Its per-cell values were
 * chosen to be consistent with the design (earned = redeemed + expired + balance per
 * partner; redeemed points split by the segment's mix into reward units; Silver's
 * benefit is 400/year = 100 per quarter and its discount 5% of the amount). The
 * expected totals are derived in test/run/summary.test.ts.
 */
import type { CapacityWindow, DetailedLedger, FiscalYear, LedgerPartner, Period } from '../../src/engine/ledger.js';
import { deepFreeze, type Program } from '../../src/program/program.js';
import { programSchema, type ProgramInput } from '../../src/program/schema.js';

export const fixtureDesign: ProgramInput = {
  pointsmith: 1,
  program: { name: 'Fixture Points', currency: 'USD', starts: '2024-01-01' },
  calendar: { period: 'quarter' },
  categories: { decision: {}, consideration: {} },
  activities: {
    deal: { category: 'decision', points: 100 },
    demo: { category: 'consideration', points: 30 },
  },
  tiers: [
    { name: 'Registered', min_points: 0 },
    { name: 'Silver', min_points: 1000, benefits: { annual_cost: 400, discount_pct: 5 } },
    { name: 'Gold', min_points: 3000 },
  ],
  rewards: [
    { id: 'mdf', cost_points: 1000, vendor_cost: 100, capacity: { per: 'period', units: 0.5 } },
    { id: 'support', cost_points: 500, vendor_cost: 80 },
  ],
  redemption: {
    default: { rate: 0.5, mix: { mdf: 0.5, support: 0.5 } },
    by_segment: { msp: { rate: 0.8, mix: { support: 1 } } },
  },
  budget: { per: 'year', amount: 10000 },
};

export function fixtureProgram(patch: (design: ProgramInput) => ProgramInput = (d) => d): Program {
  return deepFreeze(programSchema.parse(patch(structuredClone(fixtureDesign))));
}

/** One partner-period's facts; anything left out is 0. */
export interface Cell {
  earned?: number;
  redeemed?: number;
  expired?: number;
  balance?: number;
  tier?: number;
  amount?: number;
  benefitCost?: number;
  discountCost?: number;
  /** Occurrences per activity, in `activityIds` order. */
  counts?: number[];
  /** Reward units redeemed, in `rewardIds` order. */
  units?: number[];
}

export interface LedgerSpec {
  program: Program;
  periods: Period[];
  partners: LedgerPartner[];
  /** cells[p][t] */
  cells: Cell[][];
  events: number;
}

export function quarters(labels: string[]): Period[] {
  const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const spans: Record<string, [string, string]> = {
    '2024-Q1': ['2024-01-01', '2024-03-31'],
    '2024-Q2': ['2024-04-01', '2024-06-30'],
    '2024-Q3': ['2024-07-01', '2024-09-30'],
    '2024-Q4': ['2024-10-01', '2024-12-31'],
  };
  return labels.map((label, index) => {
    const [startDate, endDate] = spans[label] ?? ['2024-01-01', '2024-03-31'];
    return { index, label, start: day(startDate), end: day(endDate), startDate, endDate };
  });
}

/** Fills the Ledger's flat arrays from per-cell facts, deriving the period × reward columns. */
export function buildLedger(spec: LedgerSpec): DetailedLedger {
  const { program, periods, partners, cells } = spec;
  const P = partners.length;
  const T = periods.length;
  const activityIds = Object.keys(program.activities);
  const categoryIds = Object.keys(program.categories);
  const rewardIds = program.rewards.map((r) => r.id);
  const A = activityIds.length;
  const C = categoryIds.length;
  const R = rewardIds.length;
  const f = (n: number): Float64Array => new Float64Array(n);
  const rewardCost = f(P * T);
  const ledger = {
    program,
    periodVersion: new Int32Array(T),
    versionPrograms: [program],
    periods,
    partners,
    activityIds,
    categoryIds,
    tierNames: program.tiers.map((t) => t.name),
    rewardIds,
    events: spec.events,
    ignoredEvents: 0,
    unknownActivityEvents: 0,
    detailed: true,
    periodsPerYear: 4,
    pointsByActivity: f(P * T * A),
    countByActivity: f(P * T * A),
    basePointsByActivity: f(P * T * A),
    multiplierPointsByActivity: f(P * T * A),
    promotionPointsByActivity: f(P * T * A),
    acceleratorPointsByActivity: f(P * T * A),
    cappedPointsByActivity: f(P * T * A),
    roundingPointsByActivity: f(P * T * A),
    releasedPointsByActivity: f(P * T * A),
    clawedBackPointsByActivity: f(P * T * A),
    pointsByCategory: f(P * T * C),
    earned: f(P * T),
    redeemed: f(P * T),
    expired: f(P * T),
    balance: f(P * T),
    windowPoints: f(P * T),
    tier: new Int16Array(P * T),
    startTier: new Int16Array(P * T),
    inGrace: new Uint8Array(P * T),
    grandfathered: new Uint8Array(P * T),
    termHeld: new Uint8Array(P * T),
    termEnd: new Int32Array(P * T),
    openingPoints: f(P),
    active: new Uint8Array(P * T),
    amount: f(P * T),
    benefitCost: f(P * T),
    discountCost: f(P * T),
    rewardCost,
    clawedBack: f(P * T),
    clawbacks: Array.from({ length: P }, () => []),
    redeemedUnits: f(P * T * R),
    rewardUnits: f(T * R),
    years: yearsOf(periods, program.calendar.fiscal_year_start),
    capacity: [],
    draws: 1,
    // Through unknown, not `satisfies`: the Ledger contract grows while the engine is
    // written, and this fixture must type-check against the version on either side of a change.
  } as unknown as DetailedLedger;
  for (let p = 0; p < P; p++) {
    for (let t = 0; t < T; t++) {
      const cell = cells[p]?.[t] ?? {};
      const i = p * T + t;
      ledger.earned[i] = cell.earned ?? 0;
      ledger.redeemed[i] = cell.redeemed ?? 0;
      ledger.expired[i] = cell.expired ?? 0;
      ledger.balance[i] = cell.balance ?? 0;
      ledger.windowPoints[i] = cell.earned ?? 0;
      ledger.tier[i] = cell.tier ?? 0;
      ledger.amount[i] = cell.amount ?? 0;
      ledger.benefitCost[i] = cell.benefitCost ?? 0;
      ledger.discountCost[i] = cell.discountCost ?? 0;
      (cell.counts ?? []).forEach((n, a) => (ledger.countByActivity[i * A + a] = n));
      // Active as the engine sets it: the period's counts sum above zero.
      if ((cell.counts ?? []).reduce((sum, n) => sum + n, 0) > 0) ledger.active[i] = 1;
      (cell.units ?? []).forEach((u, r) => {
        ledger.redeemedUnits[i * R + r] = u;
        rewardCost[i] = (rewardCost[i] ?? 0) + u * (program.rewards[r]?.vendor_cost ?? 0);
        ledger.rewardUnits[t * R + r] = (ledger.rewardUnits[t * R + r] ?? 0) + u;
      });
    }
  }
  // Per-period capacities, one window a period; the hand cells' units are read as every
  // draw's, so the shortfall is the units above capacity.
  const capacity: CapacityWindow[] = [];
  program.rewards.forEach((reward, r) => {
    if (reward.capacity === undefined) return;
    for (let t = 0; t < T; t++) {
      const units = ledger.rewardUnits[t * R + r] ?? 0;
      const shortfall = Math.max(0, units - reward.capacity.units);
      capacity.push({ reward: r, label: periods[t]?.label ?? '', firstPeriod: t, lastPeriod: t, capacity: reward.capacity.units, units, shortfall, exceeded: shortfall > 0 ? 1 : 0 });
    }
  });
  return { ...ledger, capacity };
}

/**
 * The fiscal years of the periods, named as their labels name them (`2024-Q1` → 2024,
 * `FY2025-Q1` → FY2025, a fiscal year named by the calendar year it ends in).
 */
function yearsOf(periods: readonly Period[], fiscalYearStart: string): FiscalYear[] {
  const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const years: FiscalYear[] = [];
  periods.forEach((period, t) => {
    const label = period.label.replace(/-(Q|H)\d$/, '');
    const last = years[years.length - 1];
    if (last !== undefined && last.label === label) {
      years[years.length - 1] = { ...last, lastPeriod: t };
      return;
    }
    const endYear = Number(label.replace('FY', ''));
    const startYear = label.startsWith('FY') ? endYear - 1 : endYear;
    const startDate = `${startYear}-${fiscalYearStart}`;
    const end = day(`${startYear + 1}-${fiscalYearStart}`) - 1;
    years.push({ label, start: day(startDate), end, startDate, endDate: new Date(end * 86_400_000).toISOString().slice(0, 10), firstPeriod: t, lastPeriod: t });
  });
  return years;
}

/**
 * 3 partners × 2 quarters (tiers: 0 Registered, 1 Silver, 2 Gold; rewards: mdf 1000 pts /
 * $100, capacity 0.5 per quarter; support 500 pts / $80, unlimited).
 *   A reseller/emea: Q1 earned 1200, redeemed 600 (mix 50/50: 300 pts → 0.3 mdf, 300 → 0.6 support),
 *                    balance 600, Silver (benefit 100, discount 5% × 10000 = 500);
 *                    Q2 earned 2000, redeemed 1000 (0.5 mdf, 1.0 support), balance 1600,
 *                    Silver (benefit 100, discount 5% × 20000 = 1000).
 *   B msp/apac:      Q1 earned 800, redeemed 640 (all support: 1.28 units), balance 160, Registered;
 *                    Q2 earned 400, redeemed 320 (0.64 support), expired 100, balance 140,
 *                    Silver (benefit 100, discount 5% × 3000 = 150).
 *   C reseller/'':   Q1 nothing, Registered; Q2 earned 1000/3, redeemed 500/3 (250/3 pts →
 *                    1/12 mdf, 250/3 → 1/6 support), balance 500/3, Registered.
 */
export function fixtureLedger(program: Program = fixtureProgram()): DetailedLedger {
  return buildLedger({
    program,
    periods: quarters(['2024-Q1', '2024-Q2']),
    partners: [
      { id: 'A', name: 'Alpha', segment: 'reseller', region: 'emea', legacyLevel: 'Silver' },
      { id: 'B', name: 'Beta', segment: 'msp', region: 'apac', legacyLevel: '' },
      { id: 'C', name: 'Gamma', segment: 'reseller', region: '', legacyLevel: '' },
    ],
    events: 10,
    cells: [
      [
        { earned: 1200, redeemed: 600, balance: 600, tier: 1, amount: 10000, benefitCost: 100, discountCost: 500, counts: [1, 2], units: [0.3, 0.6] },
        { earned: 2000, redeemed: 1000, balance: 1600, tier: 1, amount: 20000, benefitCost: 100, discountCost: 1000, counts: [2, 0], units: [0.5, 1.0] },
      ],
      [
        { earned: 800, redeemed: 640, balance: 160, tier: 0, counts: [0, 3], units: [0, 1.28] },
        { earned: 400, redeemed: 320, expired: 100, balance: 140, tier: 1, amount: 3000, benefitCost: 100, discountCost: 150, counts: [0, 1], units: [0, 0.64] },
      ],
      [
        { tier: 0 },
        { earned: 1000 / 3, redeemed: 500 / 3, balance: 500 / 3, tier: 0, counts: [1, 0], units: [1 / 12, 1 / 6] },
      ],
    ],
  });
}
