import { describe, expect, it } from 'vitest';
import { evaluateGuardrails } from '../../src/analysis/guardrails.js';
import { summarize } from '../../src/analysis/summary.js';
import { BELOW_LOWEST_TIER } from '../../src/analysis/tier-counts.js';
import { roundMoney, roundPoints, roundShare } from '../../src/analysis/summary-types.js';
import { buildLedger, fixtureLedger, fixtureProgram, quarters } from './ledger-fixture.js';

describe('summarize on the hand-built 3 partners × 2 quarters ledger', () => {
  const s = summarize(fixtureLedger());

  it('counts and periods', () => {
    expect(s.format_version).toBe(2);
    expect(s.program).toEqual({ name: 'Fixture Points', currency: 'USD' });
    expect(s.partners).toBe(3);
    expect(s.events).toBe(10);
    expect(s.periods).toEqual([
      { label: '2024-Q1', start: '2024-01-01', end: '2024-03-31' },
      { label: '2024-Q2', start: '2024-04-01', end: '2024-06-30' },
    ]);
  });

  it('points, rounded to 2 decimals', () => {
    // earned 1200 + 2000 + 800 + 400 + 0 + 333.333… = 4733.333… → 4733.33
    // redeemed 600 + 1000 + 640 + 320 + 166.666… = 2726.666… → 2726.67
    // expired 100; outstanding (last balances) 1600 + 140 + 166.666… = 1906.666… → 1906.67
    // breakage 100 / 4733.333… = 0.021126… → 0.0211
    expect(s.points).toEqual({ earned: 4733.33, redeemed: 2726.67, expired: 100, clawed_back: 0, outstanding: 1906.67, debt: 0, breakage: 0.0211 });
    // Conservation holds up to the rounding of three numbers: 2726.67 + 100 + 1906.67 = 4733.34.
    expect(Math.abs(s.points.earned - (s.points.redeemed + s.points.expired + s.points.outstanding))).toBeLessThanOrEqual(0.0101);
  });

  it('cost, liability and budget, to cents', () => {
    // rewards: mdf units 0.3 + 0.5 + 1/12 = 0.8833… × $100 = 88.333…
    //          support 0.6 + 1.0 + 1.28 + 0.64 + 1/6 = 3.6866… × $80 = 294.933…  → 383.2666… → 383.27
    // benefits 100 + 100 + 100 = 300; discounts 500 + 1000 + 150 = 1650
    // total 383.2666… + 300 + 1650 = 2333.2666… → 2333.27
    // liability: reseller 0.5 × (0.5 × 100/1000 + 0.5 × 80/500) = 0.065 per point; msp 0.8 × (1 × 80/500) = 0.128
    //   A 1600 × 0.065 = 104; B 140 × 0.128 = 17.92; C 166.666… × 0.065 = 10.8333… → 132.7533… → 132.75
    expect(s.cost).toEqual({ rewards: 383.27, benefits: 300, discounts: 1650, total: 2333.27, liability: 132.75 });
    // budget 10000 per year over 2 quarters = half a year → 5000; used 2333.2666… / 5000 = 0.46665… → 0.4667
    // one year (calendar 2024), half of it replayed: the same 5000 and 0.4667, its worst year
    expect(s.budget).toEqual({
      amount: 5000,
      per: 'year',
      used_share: 0.4667,
      by_year: [{ year: '2024', start: '2024-01-01', end: '2024-12-31', covered: 0.5, cost: 2333.27, amount: 5000, used_share: 0.4667 }],
      worst_year: '2024',
      worst_year_share: 0.4667,
    });
  });

  it('tiers at the last evaluation and per period, every tier listed, shares summing to 1', () => {
    // Q2: A Silver, B Silver, C Registered
    expect(s.tiers).toEqual([
      { tier: 'Registered', partners: 1, share: 0.3333 },
      { tier: 'Silver', partners: 2, share: 0.6667 },
      { tier: 'Gold', partners: 0, share: 0 },
    ]);
    // Q1: A Silver, B and C Registered
    expect(s.tier_history[0]).toEqual({
      period: '2024-Q1',
      tiers: [
        { tier: 'Registered', partners: 2, share: 0.6667 },
        { tier: 'Silver', partners: 1, share: 0.3333 },
        { tier: 'Gold', partners: 0, share: 0 },
      ],
    });
    expect(s.tier_history[1]?.tiers).toEqual(s.tiers);
    for (const list of [s.tiers, ...s.tier_history.map((h) => h.tiers)]) {
      expect(list.reduce((sum, t) => sum + t.share, 0)).toBeCloseTo(1, 3);
      expect(list.reduce((sum, t) => sum + t.partners, 0)).toBe(3);
    }
  });

  it('reward demand against capacity, per period: whole units beside the expectations', () => {
    // mdf: 0.3 + 0.5 + 1/12 = 0.8833… expected units → 0.88, read whole: 1; points 883.33;
    //   vendor cost 88.33; capacity 0.5 × 2 = 1; Q1 0.3 ≤ 0.5; Q2 0.5 + 1/12 = 0.5833… →
    //   expected shortfall 0.0833… → 0.08, read whole: 0
    // support: 3.6866… → 3.69 expected units, 4 whole; points × 500 = 1843.33; $294.93; unlimited
    expect(s.rewards).toEqual([
      {
        reward: 'mdf',
        units: 1,
        expected_units: 0.88,
        points: 883.33,
        vendor_cost: 88.33,
        capacity_per: 'period',
        capacity: 1,
        shortfall: 0,
        expected_shortfall: 0.08,
        by_period: [
          { period: '2024-Q1', units: 0, expected_units: 0.3 },
          { period: '2024-Q2', units: 1, expected_units: 0.58 },
        ],
        by_window: [
          { window: '2024-Q1', start: '2024-01-01', end: '2024-03-31', capacity: 0.5, units: 0, expected_units: 0.3, shortfall: 0, expected_shortfall: 0, exceeded_share: 0 },
          { window: '2024-Q2', start: '2024-04-01', end: '2024-06-30', capacity: 0.5, units: 1, expected_units: 0.58, shortfall: 0, expected_shortfall: 0.08, exceeded_share: 1 },
        ],
      },
      {
        reward: 'support',
        units: 4,
        expected_units: 3.69,
        points: 1843.33,
        vendor_cost: 294.93,
        capacity_per: null,
        capacity: null,
        shortfall: 0,
        expected_shortfall: 0,
        by_period: [
          // Q1 0.6 + 1.28 = 1.88 → 2; Q2 1.0 + 0.64 + 1/6 = 1.8066… → 1.81 → 2
          { period: '2024-Q1', units: 2, expected_units: 1.88 },
          { period: '2024-Q2', units: 2, expected_units: 1.81 },
        ],
        by_window: [],
      },
    ]);
    expect(s.by).toBeUndefined();
  });
});

describe('summarize --by', () => {
  it('segment: groups sorted by key, cost split per partner', () => {
    const by = summarize(fixtureLedger(), { by: 'segment' }).by;
    // msp (B): earned 1200; cost 1.92 support × 80 = 153.6 + benefit 100 + discount 150 = 403.6; Silver at Q2
    // reseller (A, C): earned 3200 + 333.33 = 3533.33;
    //   A: (0.3 + 0.5) × 100 + (0.6 + 1.0) × 80 = 208 + benefits 200 + discounts 1500 = 1908
    //   C: 100/12 + 80/6 = 21.666… → 1929.666… → 1929.67; A Silver, C Registered
    expect(by).toEqual({
      dimension: 'segment',
      groups: [
        {
          key: 'msp',
          partners: 1,
          points_earned: 1200,
          cost_total: 403.6,
          tiers: [
            { tier: 'Registered', partners: 0, share: 0 },
            { tier: 'Silver', partners: 1, share: 1 },
            { tier: 'Gold', partners: 0, share: 0 },
          ],
        },
        {
          key: 'reseller',
          partners: 2,
          points_earned: 3533.33,
          cost_total: 1929.67,
          tiers: [
            { tier: 'Registered', partners: 1, share: 0.5 },
            { tier: 'Silver', partners: 1, share: 0.5 },
            { tier: 'Gold', partners: 0, share: 0 },
          ],
        },
      ],
    });
  });

  it('region: a blank region is grouped as (none), sorted first by code unit', () => {
    const by = summarize(fixtureLedger(), { by: 'region' }).by;
    expect(by?.groups.map((g) => [g.key, g.partners])).toEqual([
      ['(none)', 1],
      ['apac', 1],
      ['emea', 1],
    ]);
  });

  it('period: active partners, the period’s points and cost, that evaluation’s tiers', () => {
    const by = summarize(fixtureLedger(), { by: 'period' }).by;
    // Q1: A and B active; earned 2000; cost A 30 + 48 + 100 + 500 = 678, B 1.28 × 80 = 102.4 → 780.4
    // Q2: all three active; earned 2733.33; cost 2333.2666… − 780.4 = 1552.8666… → 1552.87
    expect(by?.groups.map((g) => [g.key, g.partners, g.points_earned, g.cost_total])).toEqual([
      ['2024-Q1', 2, 2000, 780.4],
      ['2024-Q2', 3, 2733.33, 1552.87],
    ]);
    expect(by?.groups[0]?.tiers.map((t) => t.partners)).toEqual([2, 1, 0]);
  });
});

describe('summarize edge cases', () => {
  it('no budget, no redemption: budget nulls and zero liability', () => {
    const program = fixtureProgram((d) => ({ ...d, budget: undefined, redemption: undefined }));
    const s = summarize(fixtureLedger(program));
    // The year's cost is still shown (the ledger's units and benefits: 2333.27), with no budget to compare.
    expect(s.budget).toEqual({
      amount: null,
      per: null,
      used_share: null,
      by_year: [{ year: '2024', start: '2024-01-01', end: '2024-12-31', covered: 0.5, cost: 2333.27, amount: null, used_share: null }],
      worst_year: null,
      worst_year_share: null,
    });
    expect(s.cost.liability).toBe(0);
  });

  it('budget per period is multiplied by the periods; per program is taken whole', () => {
    const perPeriod = summarize(fixtureLedger(fixtureProgram((d) => ({ ...d, budget: { per: 'period', amount: 1000 } }))));
    // 1000 × 2 quarters = 2000; 2333.2666… / 2000 = 1.16663… → 1.1666
    expect(perPeriod.budget).toMatchObject({ amount: 2000, per: 'period', used_share: 1.1666, worst_year: '2024', worst_year_share: 1.1666 });
    // the one year holds both quarters: 1000 × 2 = 2000
    expect(perPeriod.budget.by_year.map((y) => y.amount)).toEqual([2000]);
    const whole = summarize(fixtureLedger(fixtureProgram((d) => ({ ...d, budget: { per: 'program', amount: 4000 } }))));
    // 2333.2666… / 4000 = 0.58331… → 0.5833
    expect(whole.budget).toMatchObject({ amount: 4000, per: 'program', used_share: 0.5833, worst_year_share: 0.5833 });
    // all of the program's time is in 2024: the year gets the whole 4000
    expect(whole.budget.by_year.map((y) => y.amount)).toEqual([4000]);
  });

  it('monthly periods prorate a yearly budget by twelfths', () => {
    const program = fixtureProgram((d) => ({ ...d, calendar: { period: 'month' } }));
    const s = summarize(fixtureLedger(program));
    // 10000 × 2 months / 12 = 1666.666… → 1666.67
    expect(s.budget.amount).toBe(1666.67);
  });

  it('a period cut by the program dates counts for its share of days', () => {
    const program = fixtureProgram((d) => ({ ...d, program: { ...d.program, ends: '2024-05-15' } }));
    const s = summarize(fixtureLedger(program));
    // Q1 whole; Q2 (91 days, Apr 1 - Jun 30) has Apr 1 - May 15 = 30 + 15 = 45 days inside:
    // 1 + 45/91 = 1.4945… quarters = 0.37363… years × 10000 = 3736.26; used 2333.2666… / 3736.2637… = 0.62449… → 0.6245
    expect(s.budget).toMatchObject({ amount: 3736.26, per: 'year', used_share: 0.6245, worst_year_share: 0.6245 });
    // the year 2024: 1.4945… quarters / 4 = 0.37363… of it in the program → 0.3736
    expect(s.budget.by_year.map((y) => [y.year, y.covered, y.amount])).toEqual([['2024', 0.3736, 3736.26]]);
    const late = summarize(fixtureLedger(fixtureProgram((d) => ({ ...d, program: { ...d.program, starts: '2024-02-01' } }))));
    // Q1 (91 days) from Feb 1: 29 + 31 = 60 days; 60/91 + 1 = 1.6593… quarters × 2500 = 4148.35
    expect(late.budget.amount).toBe(4148.35);
    // 1.6593… / 4 = 0.41483… → 0.4148
    expect(late.budget.by_year[0]?.covered).toBe(0.4148);
  });

  it('lists partners below the lowest tier first, only when there are some', () => {
    const ledger = buildLedger({
      program: fixtureProgram(),
      periods: quarters(['2024-Q1']),
      partners: [
        { id: 'A', name: 'A', segment: 's', region: 'r', legacyLevel: '' },
        { id: 'B', name: 'B', segment: 's', region: 'r', legacyLevel: '' },
      ],
      events: 0,
      cells: [[{ tier: -1 }], [{ tier: 2 }]],
    });
    expect(summarize(ledger).tiers).toEqual([
      { tier: BELOW_LOWEST_TIER, partners: 1, share: 0.5 },
      { tier: 'Registered', partners: 0, share: 0 },
      { tier: 'Silver', partners: 0, share: 0 },
      { tier: 'Gold', partners: 1, share: 0.5 },
    ]);
  });

  it('an empty ledger gives zeros, never NaN', () => {
    const ledger = buildLedger({ program: fixtureProgram(), periods: [], partners: [], events: 0, cells: [] });
    const s = summarize(ledger, { by: 'segment' });
    expect(s.points).toEqual({ earned: 0, redeemed: 0, expired: 0, clawed_back: 0, outstanding: 0, debt: 0, breakage: 0 });
    expect(s.budget).toEqual({ amount: 0, per: 'year', used_share: null, by_year: [], worst_year: null, worst_year_share: null });
    expect(s.tiers.every((t) => t.partners === 0 && t.share === 0)).toBe(true);
    expect(s.by?.groups).toEqual([]);
    expect(JSON.stringify(s)).not.toMatch(/NaN|Infinity/);
  });
});

describe('contract rounding', () => {
  it('rounds half away from zero on the decimal value and never returns -0', () => {
    expect(roundMoney(1.005)).toBe(1.01);
    expect(roundMoney(2.675)).toBe(2.68);
    expect(roundPoints(-1.005)).toBe(-1.01);
    expect(Object.is(roundPoints(-0.001), 0)).toBe(true);
    expect(roundShare(2 / 3)).toBe(0.6667);
  });
});

/**
 * Budget year by year, over a fiscal calendar: fiscal years start 1 February, the program
 * runs 2024-01-01 to 2024-12-31 in fiscal quarters Nov-Jan, Feb-Apr, May-Jul, Aug-Oct, Nov-Jan:
 *   t0 FY2024-Q4 2023-11-01..2024-01-31 (92 days; the program has Jan 1-31 = 31 days of it)
 *   t1-t3 FY2025-Q1..Q3, whole
 *   t4 FY2025-Q4 2024-11-01..2025-01-31 (92 days; the program has Nov 1 - Dec 31 = 61 of them)
 * Years of program time: FY2024 31/92 × 1/4 = 31/368 = 0.08424…; FY2025 (3 + 61/92)/4 = 337/368 = 0.91576…
 * (together 368/368 = 1 year, the program's length in quarters).
 * One partner's cost per period: benefits 100, 2000, 2500, 3000, 3000, and 10 mdf units in t4 (× $100 = 1000).
 *   FY2024 cost 100; FY2025 cost 2000 + 2500 + 3000 + 3000 + 1000 = 11500; total 11600.
 */
describe('budget by year', () => {
  const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const spans: [string, string, string][] = [
    ['FY2024-Q4', '2023-11-01', '2024-01-31'],
    ['FY2025-Q1', '2024-02-01', '2024-04-30'],
    ['FY2025-Q2', '2024-05-01', '2024-07-31'],
    ['FY2025-Q3', '2024-08-01', '2024-10-31'],
    ['FY2025-Q4', '2024-11-01', '2025-01-31'],
  ];
  const periods = spans.map(([label, startDate, endDate], index) => ({ index, label, start: day(startDate), end: day(endDate), startDate, endDate }));
  const ledger = (budget: { per: 'year' | 'period' | 'program'; amount: number }) =>
    buildLedger({
      program: fixtureProgram((d) => ({
        ...d,
        program: { ...d.program, starts: '2024-01-01', ends: '2024-12-31' },
        calendar: { period: 'quarter', fiscal_year_start: '02-01' },
        budget,
      })),
      periods,
      partners: [{ id: 'A', name: 'A', segment: 'reseller', region: 'emea', legacyLevel: '' }],
      events: 0,
      cells: [[{ benefitCost: 100 }, { benefitCost: 2000 }, { benefitCost: 2500 }, { benefitCost: 3000 }, { benefitCost: 3000, units: [10, 0] }]],
    });

  it('per year: each fiscal year against its prorated budget; the worst year is not the average', () => {
    const b = summarize(ledger({ per: 'year', amount: 10000 })).budget;
    // FY2024 budget 10000 × 31/368 = 842.3913… → 842.39, used 100 / 842.39… = 0.118709… → 0.1187
    // FY2025 budget 10000 × 337/368 = 9157.6086… → 9157.61, used 11500 / 9157.6086… = 11500 × 368 / 3,370,000 = 1.255786… → 1.2558
    // whole span: budget 10000 × 1 year = 10000, used 11600 / 10000 = 1.16
    expect(b).toEqual({
      amount: 10000,
      per: 'year',
      used_share: 1.16,
      by_year: [
        { year: 'FY2024', start: '2023-02-01', end: '2024-01-31', covered: 0.0842, cost: 100, amount: 842.39, used_share: 0.1187 },
        { year: 'FY2025', start: '2024-02-01', end: '2025-01-31', covered: 0.9158, cost: 11500, amount: 9157.61, used_share: 1.2558 },
      ],
      worst_year: 'FY2025',
      worst_year_share: 1.2558,
    });
  });

  it('per period: each year gets the budget × the periods it holds, partial ones by their days', () => {
    const b = summarize(ledger({ per: 'period', amount: 1000 })).budget;
    // FY2024 1000 × 31/92 = 336.9565… → 336.96; FY2025 1000 × (3 + 61/92) = 3663.0434… → 3663.04
    // used 100 / 336.9565… = 0.296774… → 0.2968; 11500 / 3663.0434… = 3.139465… → 3.1395
    expect(b.by_year.map((y) => [y.year, y.amount, y.used_share])).toEqual([
      ['FY2024', 336.96, 0.2968],
      ['FY2025', 3663.04, 3.1395],
    ]);
    expect(b.worst_year_share).toBe(3.1395);
  });

  it('per program: the budget spread over the program time in each year', () => {
    const b = summarize(ledger({ per: 'program', amount: 5000 })).budget;
    // FY2024 5000 × 31/368 = 421.1956… → 421.2; FY2025 5000 × 337/368 = 4578.8043… → 4578.8
    expect(b.by_year.map((y) => y.amount)).toEqual([421.2, 4578.8]);
    // whole program 11600 / 5000 = 2.32
    expect(b.used_share).toBe(2.32);
  });

  it('max_budget_share measures the worst year and names it, even when the average passes', () => {
    const program = fixtureProgram((d) => ({
      ...d,
      program: { ...d.program, starts: '2024-01-01', ends: '2024-12-31' },
      calendar: { period: 'quarter', fiscal_year_start: '02-01' },
      guardrails: { max_budget_share: 1.2 },
    }));
    const s = summarize(ledger({ per: 'year', amount: 10000 }));
    // average 1.16 ≤ 1.2 would pass; FY2025's 1.2558 > 1.2 fails
    expect(evaluateGuardrails(program, s)).toEqual([
      {
        name: 'max_budget_share',
        dataPath: ['guardrails', 'max_budget_share'],
        kind: 'share',
        measured: 1.2558,
        limit: 1.2,
        comparison: '<=',
        passed: false,
        // 0.9158 → 91.6%; 1.16 → 116.0%
        note: 'worst of 2 years: FY2025, 91.6% of it in the program, its budget prorated; 116.0% over the whole span',
      },
    ]);
  });
});
