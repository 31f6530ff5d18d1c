import { describe, expect, it } from 'vitest';
import { evaluateGuardrails } from '../../src/analysis/guardrails.js';
import { program, summary } from './summary-fixture.js';

describe('guardrails', () => {
  it('tests every limit, inclusive, with the measured value', () => {
    const p = program((d) => ({
      ...d,
      guardrails: {
        max_cost: 8000, // a yearly limit: 2024 is a quarter in the program (covered 0.25) → 8000 × 0.25 = 2000 = its cost 2000: equal passes
        max_liability: 699.99, // liability 700 > 699.99: fails
        max_budget_share: 0.9, // 0.8 passes
        tier_share: { Gold: { max: 0.05 }, Registered: { min: 0.5 } }, // Gold 0.1 > 0.05 fails; 0.6 ≥ 0.5 passes
        breakage: { min: 0.1, max: 0.5 }, // 0.1: both pass
        capacity_shortfall: { max_units: 2 }, // mdf short by 3 > 2 fails
      },
    }));
    const results = evaluateGuardrails(p, summary());
    expect(results.map((r) => [r.name, r.measured, r.limit, r.passed])).toEqual([
      ['max_cost', 2000, 2000, true],
      ['max_liability', 700, 699.99, false],
      ['max_budget_share', 0.8, 0.9, true],
      ['tier_share.Gold.max', 0.1, 0.05, false],
      ['tier_share.Registered.min', 0.6, 0.5, true],
      ['breakage.min', 0.1, 0.1, true],
      ['breakage.max', 0.1, 0.5, true],
      ['capacity_shortfall.max_units', 3, 2, false],
    ]);
    expect(results.find((r) => r.name === 'capacity_shortfall.max_units')?.note).toBe('mdf is short by 3 units in 2024-Q1');
    expect(results.find((r) => r.name === 'max_cost')?.note).toBe('year 2024, 25.0% of it in the program, the yearly limit prorated');
    expect(results[3]?.dataPath).toEqual(['guardrails', 'tier_share', 'Gold', 'max']);
  });

  it('the capacity guardrail names every reward over its limit', () => {
    const p = program((d) => ({ ...d, guardrails: { capacity_shortfall: { max_units: 1 } } }));
    // mdf short by 3 (fixture) and support by 2 in 2025 (set here): both over 1; the measure is the largest.
    const s = summary((x) => {
      const support = x.rewards[1];
      if (support === undefined) throw new Error('fixture');
      x.rewards[1] = {
        ...support,
        capacity_per: 'year',
        capacity: 3,
        shortfall: 2,
        expected_shortfall: 2,
        by_window: [{ window: '2025', start: '2025-01-01', end: '2025-12-31', capacity: 3, units: 5, expected_units: 5, shortfall: 2, expected_shortfall: 2, exceeded_share: 1 }],
      };
    });
    const [r] = evaluateGuardrails(p, s);
    expect(r).toMatchObject({ measured: 3, limit: 1, passed: false, note: 'mdf is short by 3 units in 2024-Q1; support is short by 2 units in 2025' });
  });

  it('a budget share without a budget fails, saying why', () => {
    const p = program((d) => ({ ...d, guardrails: { max_budget_share: 1 } }));
    const [r] = evaluateGuardrails(
      p,
      summary((s) => (s.budget = { amount: null, per: null, used_share: null, by_year: [], worst_year: null, worst_year_share: null })),
    );
    expect(r?.passed).toBe(false);
    expect(r?.measured).toBeNull();
    expect(r?.note).toMatch(/no \(or a zero\) budget/);
  });

  it('max_budget_share on one year names it; a per-program budget is measured over the whole program', () => {
    const p = program((d) => ({ ...d, guardrails: { max_budget_share: 0.9 } }));
    // the fixture's one year 2024, a quarter of it replayed (covered 0.25 → "25.0%"), used 0.8
    const [year] = evaluateGuardrails(p, summary());
    expect(year).toMatchObject({ measured: 0.8, passed: true, note: 'year 2024, 25.0% of it in the program, its budget prorated' });
    const [whole] = evaluateGuardrails(p, summary((s) => (s.budget = { ...s.budget, per: 'program', used_share: 0.95, worst_year_share: 0.5 })));
    // per program: 0.95 over the program > 0.9, whatever a year's share
    expect(whole).toMatchObject({ measured: 0.95, passed: false, note: 'over the whole program' });
  });

  it('no guardrails, no results', () => {
    expect(evaluateGuardrails(program(), summary())).toEqual([]);
  });
});
