import { describe, expect, it } from 'vitest';
import { buildTornado, DEFAULT_VARY, listWeights, parseBy, parseSweep, planSweep, planTornado } from '../../src/analysis/sensitivity.js';

const data = {
  activities: {
    demo: { category: 'c', points: 30 },
    deal: { category: 'd', points_per: { amount: 1000, points: 10 }, multipliers: { product: { saas: 1.5, perpetual: 0.8 } } },
    cert: { category: 's', steps: [{ at: 1, points: 4 }, { at: 3, points: 10 }] },
  },
  tiers: [{ name: 'Gold', min_points: 3000 }],
};

describe('sensitivity planning', () => {
  it('the default patterns find every points weight and multiplier factor', () => {
    const { weights, problems } = listWeights(data, DEFAULT_VARY, { strict: false });
    expect(problems).toEqual([]);
    expect(weights).toEqual([
      { path: 'activities.demo.points', value: 30 },
      { path: 'activities.deal.points_per.points', value: 10 },
      { path: 'activities.cert.steps.0.points', value: 4 },
      { path: 'activities.cert.steps.1.points', value: 10 },
      { path: 'activities.deal.multipliers.product.saas', value: 1.5 },
      { path: 'activities.deal.multipliers.product.perpetual', value: 0.8 },
    ]);
  });

  it('a --vary pattern that matches nothing is a problem with a did-you-mean', () => {
    const { problems } = listWeights(data, ['activities.dem.points'], { strict: true });
    expect(problems[0]?.message).toBe('--vary `activities.dem.points` matches nothing: there is no `dem` in `activities`');
    expect(problems[0]?.hint).toBe('did you mean `demo`?');
    const text = listWeights(data, ['activities.demo.category'], { strict: true });
    expect(text.problems[0]?.message).toMatch(/no number/);
  });

  it('plans low then high for each weight, ±by', () => {
    const plan = planTornado([{ path: 'a.points', value: 50 }], 0.2);
    // 50 × 0.8 = 40, 50 × 1.2 = 60
    expect(plan.map((p) => [p.side, p.sets])).toEqual([
      ['low', [['a.points', 40]]],
      ['high', [['a.points', 60]]],
    ]);
  });

  it('ranks by impact and computes elasticity over both sides', () => {
    const weights = [
      { path: 'a', value: 10 },
      { path: 'b', value: 2 },
    ];
    const plan = planTornado(weights, 0.2);
    // base 1000. a: low 900, high 1100 → impact 200; elasticity ((−100/1000)/−0.2 + (100/1000)/0.2)/2 = (0.5+0.5)/2 = 0.5
    // b: low 700, high 1500 → impact 800; elasticity ((−300/1000)/−0.2 + (500/1000)/0.2)/2 = (1.5+2.5)/2 = 2
    const report = buildTornado({ name: 'cost.total', kind: 'money' }, 0.2, 1000, weights, plan, [900, 1100, 700, 1500]);
    expect(report.rows.map((r) => [r.path, r.low, r.high, r.impact, r.elasticity])).toEqual([
      ['b', 700, 1500, 800, 2],
      ['a', 900, 1100, 200, 0.5],
    ]);
  });

  it('a weight of 0 gets no replay; its low and high are the base', () => {
    const weights = [
      { path: 'zero', value: 0 },
      { path: 'a', value: 10 },
    ];
    const plan = planTornado(weights, 0.2);
    expect(plan.map((p) => p.weight.path)).toEqual(['a', 'a']);
    const report = buildTornado({ name: 'cost.total', kind: 'money' }, 0.2, 1000, weights, plan, [900, 1100]);
    expect(report.rows.map((r) => [r.path, r.low, r.high, r.impact, r.elasticity])).toEqual([
      ['a', 900, 1100, 200, 0.5],
      ['zero', 1000, 1000, 0, null],
    ]);
  });

  it('parses --by and --sweep', () => {
    expect(parseBy('20%')).toBe(0.2);
    expect(parseBy('20')).toBe(0.2);
    expect(parseBy('0.1')).toBe(0.1);
    expect(parseBy('abc')).toMatchObject({ message: '--by "abc": expected a positive percentage such as 20%' });
    expect(parseSweep('a.points=1,2.5')).toEqual({ path: 'a.points', values: [1, 2.5] });
    expect(parseSweep('a.points')).toMatchObject({ message: '--sweep "a.points": expected path=v1,v2,...' });
  });

  it('two sweeps make a grid, the last varying fastest', () => {
    const plan = planSweep([
      { path: 'x', values: [1, 2] },
      { path: 'y', values: [10, 20, 30] },
    ]);
    expect(plan.map((p) => p.coords)).toEqual([[1, 10], [1, 20], [1, 30], [2, 10], [2, 20], [2, 30]]);
    expect(plan[4]?.sets).toEqual([['x', 2], ['y', 20]]);
  });
});

describe('elasticity (property)', () => {
  it('is 1 for a metric proportional to the weight, and 0 for one that ignores it, whatever the numbers', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 0.9, noNaN: true }),
        (value, base, by) => {
          const weights = [{ path: 'w', value }];
          const plan = planTornado(weights, by);
          // metric = base × weight / value: proportional.
          const proportional = buildTornado({ name: 'm', kind: 'points' }, by, base, weights, plan, [base * (1 - by), base * (1 + by)]);
          expect(proportional.rows[0]?.elasticity).toBeCloseTo(1, 3);
          const flat = buildTornado({ name: 'm', kind: 'points' }, by, base, weights, plan, [base, base]);
          expect(flat.rows[0]?.elasticity).toBe(0);
          expect(flat.rows[0]?.impact).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
