/**
 * Every credit kind registered in src/engine/rules/index.ts is reached by every path that
 * reads the design: the schema accepts its key, the semantic rules run its check, the
 * reachability bound asks it, gap-closing prices with it, compile takes a way's weights,
 * and the walk runs its period rule. A new kind must add a sample value below: the test
 * fails for a kind without one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { priceActivities } from '../../src/analysis/gap-closing.js';
import { CREDIT_KINDS, PERIOD_RULES, WAY_KEYS } from '../../src/engine/rules/index.js';
import { checkProgramData } from '../../src/program/load.js';
import { maxPointsPerWindow } from '../../src/program/reachability.js';
import { activity } from '../../src/program/schema.js';
import { design, row, run } from './design.js';

/** A valid value of each kind's key, on an activity `k` of category main. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  points: { points: 5 },
  points_per: { points_per: { amount: 1000, points: 10 } },
  steps: { steps: [{ at: 1, points: 4 }] },
  target: { target: { column: 'quota', basis: 'quantity', points: 7 } },
  distinct: { points: 5, distinct: 'customer_id' },
  staged: { points: 5, staged: [{ share: 1, on: 'signed' }] },
  requires: { points: 5, requires: { activities: { k: 1 } } },
  clawback: { points: 5, clawback: { match: 'deal_id', when: 'deal_cancelled' } },
};

afterEach(() => vi.restoreAllMocks());

describe.each(CREDIT_KINDS.map((k) => [k.key, k] as const))('credit kind `%s`', (key, kind) => {
  const sample = SAMPLES[key];

  it('has a sample value in this test', () => {
    expect(sample).toBeDefined();
  });

  it('is a key of the activity schema, and a way is one of the ways', () => {
    expect(Object.keys(activity.shape)).toContain(key);
    expect(WAY_KEYS.includes(key)).toBe(kind.role === 'way');
  });

  it('is reached by validation, reachability, gap-closing, compile and the walk', () => {
    const k = { category: 'main', ...sample };
    const data = {
      pointsmith: 1,
      program: { name: 'Kinds', starts: '2024-01-01', ends: '2024-12-31' },
      calendar: { period: 'quarter', tier_window: 'trailing_4' },
      categories: { main: {} },
      activities: { k },
      tiers: [{ name: 'Base', min_points: 0 }],
    };
    const check = kind.check !== undefined ? vi.spyOn(kind, 'check') : undefined;
    const { program, diagnostics } = checkProgramData(data, 'kinds.yaml');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (check !== undefined) expect(check).toHaveBeenCalledWith(expect.anything(), 'k', k[key as keyof typeof k]);

    if (kind.bound !== undefined) {
      const bound = vi.spyOn(kind, 'bound');
      maxPointsPerWindow(design({ activities: { k } }));
      expect(bound).toHaveBeenCalled();
    }
    if (kind.price !== undefined) {
      const price = vi.spyOn(kind, 'price');
      priceActivities({
        program: design({ activities: { k } }),
        partnerValue: () => undefined,
        accelerator: 1,
        windowActivityPoints: () => 0,
        windowCategoryPoints: () => 0,
        averageAmount: () => 1000,
      });
      expect(price).toHaveBeenCalled();
    }
    if (kind.weights !== undefined) {
      const weights = vi.spyOn(kind, 'weights');
      run(design({ activities: { k } }), [row('p', '2024-01-10', 'k')]);
      expect(weights).toHaveBeenCalled();
    }
    if (kind.period !== undefined) {
      expect(PERIOD_RULES).toContain(kind.period);
      const create = vi.spyOn(kind.period, 'create');
      run(design({ activities: { k } }), [row('p', '2024-01-10', 'k')], [{ partner_id: 'p', quota: '1' }]);
      expect(create).toHaveBeenCalled();
      // The rule exists for this design (create returned a credit, not null).
      expect(create.mock.results.some((r) => r.value !== null)).toBe(true);
    }
    expect(program).toBeDefined();
  });
});
