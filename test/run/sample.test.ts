/**
 * The "done when" on the bundled sample (fixtures/sample/, ~2,000 partners and
 * ~100,000 rows over programs/lifecycle.yaml): the JSON carries every DESIGN §6 key and
 * conserves points. No figure is pinned here: the sample is generated, and its numbers
 * are checked by the engine's own tests; this test checks that the report holds together.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { RUN_JSON_KEYS, keyPaths } from './json-keys.js';

describe('run on fixtures/sample (npm start)', () => {
  it('json: every §6 key, conservation, parts that add up', async () => {
    const io = memoryIo();
    const code = await main(
      ['run', 'programs/lifecycle.yaml', '--history', 'fixtures/sample/history.csv', '--partners', 'fixtures/sample/partners.csv', '--no-cache', '--format', 'json'],
      io,
    );
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const s = JSON.parse(io.out()) as RunSummary;
    expect(keyPaths(s)).toEqual(RUN_JSON_KEYS);
    expect(s.partners).toBe(2000);
    expect(s.events).toBeGreaterThan(90_000);
    expect(Math.abs(s.points.earned - s.points.redeemed - s.points.expired - s.points.outstanding)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(s.cost.total - s.cost.rewards - s.cost.benefits - s.cost.discounts)).toBeLessThanOrEqual(0.015);
    expect(s.tiers.reduce((x, t) => x + t.partners, 0)).toBe(2000);
    expect(s.tiers.map((t) => t.tier)).toEqual(['Registered', 'Silver', 'Gold', 'Platinum']);
    expect(s.budget.per).toBe('year');
    expect(s.budget.used_share).toBeCloseTo(s.cost.total / (s.budget.amount ?? Number.NaN), 4);
  }, 30_000);
});
