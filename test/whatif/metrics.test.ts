import { describe, expect, it } from 'vitest';
import { isUnknownMetric, metricNames, resolveMetric } from '../../src/analysis/metrics.js';
import { program, summary } from './summary-fixture.js';

describe('named metrics', () => {
  const p = program();
  const read = (name: string) => {
    const m = resolveMetric(name, p);
    if (isUnknownMetric(m)) throw new Error(m.message);
    return m.read(summary());
  };

  it('reads the fixed names from the summary', () => {
    expect(read('cost.total')).toBe(2000);
    expect(read('liability')).toBe(700);
    expect(read('cost.liability')).toBe(700);
    expect(read('points.earned')).toBe(20000);
    expect(read('breakage')).toBe(0.1);
    expect(read('budget.used_share')).toBe(0.8);
    // the fixture's one year, 2024: 2000 of its 2500 → 0.8
    expect(read('budget.worst_year_share')).toBe(0.8);
  });

  it('reads tiers and rewards by name', () => {
    expect(read('tiers.Silver.share')).toBe(0.3);
    expect(read('tiers.Gold.partners')).toBe(1);
    expect(read('rewards.mdf.units')).toBe(8);
    expect(read('rewards.mdf.shortfall')).toBe(3);
    expect(read('rewards.support.vendor_cost')).toBe(400);
  });

  it('lists every name the design offers', () => {
    const names = metricNames(p);
    expect(names).toContain('tiers.Gold.share');
    expect(names).toContain('rewards.support.units');
  });

  it('an unknown metric gets a did-you-mean', () => {
    const m = resolveMetric('tiers.Gld.share', p);
    expect(isUnknownMetric(m) && m.message).toBe('unknown metric `tiers.Gld.share`');
    expect(isUnknownMetric(m) && m.hint).toBe('did you mean `tiers.Gold.share`?');
    const c = resolveMetric('cost.totl', p);
    expect(isUnknownMetric(c) && c.hint).toBe('did you mean `cost.total`?');
  });
});
