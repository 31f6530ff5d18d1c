import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summary.js';
import { BELOW_LOWEST_TIER } from '../../src/analysis/tier-counts.js';
import { roundMoney, roundPoints, roundShare } from '../../src/analysis/summary-types.js';
import { buildLedger, fixtureLedger, fixtureProgram, quarters } from './ledger-fixture.js';

describe('summarize on the hand-built 3 partners × 2 quarters ledger', () => {
  const s = summarize(fixtureLedger());

  it('counts and periods', () => {
    expect(s.format_version).toBe(1);
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
    expect(s.points).toEqual({ earned: 4733.33, redeemed: 2726.67, expired: 100, outstanding: 1906.67, breakage: 0.0211 });
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
    expect(s.budget).toEqual({ amount: 5000, per: 'year', used_share: 0.4667 });
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

  it('reward demand against capacity, per period', () => {
    // mdf: 0.8833… units → 0.88; points 883.33; vendor cost 88.33; capacity 0.5 × 2 = 1;
    //   Q1 0.3 ≤ 0.5; Q2 0.5 + 1/12 = 0.5833… → shortfall 0.0833… → 0.08
    // support: 3.6866… → 3.69 units; points × 500 = 1843.33; $294.93; unlimited
    expect(s.rewards).toEqual([
      {
        reward: 'mdf',
        units: 0.88,
        points: 883.33,
        vendor_cost: 88.33,
        capacity: 1,
        shortfall: 0.08,
        by_period: [
          { period: '2024-Q1', units: 0.3, capacity: 0.5, shortfall: 0 },
          { period: '2024-Q2', units: 0.58, capacity: 0.5, shortfall: 0.08 },
        ],
      },
      {
        reward: 'support',
        units: 3.69,
        points: 1843.33,
        vendor_cost: 294.93,
        capacity: null,
        shortfall: 0,
        by_period: [
          // Q1 0.6 + 1.28 = 1.88; Q2 1.0 + 0.64 + 1/6 = 1.8066… → 1.81
          { period: '2024-Q1', units: 1.88, capacity: null, shortfall: 0 },
          { period: '2024-Q2', units: 1.81, capacity: null, shortfall: 0 },
        ],
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
    expect(s.budget).toEqual({ amount: null, per: null, used_share: null });
    expect(s.cost.liability).toBe(0);
  });

  it('budget per period is multiplied by the periods; per program is taken whole', () => {
    const perPeriod = summarize(fixtureLedger(fixtureProgram((d) => ({ ...d, budget: { per: 'period', amount: 1000 } }))));
    // 1000 × 2 quarters = 2000; 2333.2666… / 2000 = 1.16663… → 1.1666
    expect(perPeriod.budget).toEqual({ amount: 2000, per: 'period', used_share: 1.1666 });
    const whole = summarize(fixtureLedger(fixtureProgram((d) => ({ ...d, budget: { per: 'program', amount: 4000 } }))));
    // 2333.2666… / 4000 = 0.58331… → 0.5833
    expect(whole.budget).toEqual({ amount: 4000, per: 'program', used_share: 0.5833 });
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
    expect(s.budget).toEqual({ amount: 3736.26, per: 'year', used_share: 0.6245 });
    const late = summarize(fixtureLedger(fixtureProgram((d) => ({ ...d, program: { ...d.program, starts: '2024-02-01' } }))));
    // Q1 (91 days) from Feb 1: 29 + 31 = 60 days; 60/91 + 1 = 1.6593… quarters × 2500 = 4148.35
    expect(late.budget.amount).toBe(4148.35);
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
    expect(s.points).toEqual({ earned: 0, redeemed: 0, expired: 0, outstanding: 0, breakage: 0 });
    expect(s.budget).toEqual({ amount: 0, per: 'year', used_share: null });
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
