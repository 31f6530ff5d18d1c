/**
 * The acceptance line on the bundled sample (programs/lifecycle.yaml over
 * fixtures/sample/, 2,000 partners, ~100,000 rows): one test, because each reads the file.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';

describe('check on the sample', () => {
  it('--set guardrails.max_cost=1 exits 1 naming max_cost and its measured value', async () => {
    const r = await cli(
      'check',
      'programs/lifecycle.yaml',
      '--history',
      'fixtures/sample/history.csv',
      '--partners',
      'fixtures/sample/partners.csv',
      '--set',
      'guardrails.max_cost=1',
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL {2}max_cost: measured \$[\d,]+\.\d\d, limit ≤ \$1\.00$/m);
    // Not `1 of N`: since max_budget_share measures the worst year, the design's own limit is
    // crossed on the sample too (FY2026 spends 109% of its prorated budget; see test/run/sample.test.ts).
    expect(r.out).toMatch(/: \d+ of \d+ guardrails crossed$/m);
  }, 30_000);
});
