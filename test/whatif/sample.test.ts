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
    // A yearly limit, so measured on the fiscal year with the most cost against its prorated
    // limit: FY2024 has 31/368 of a year in the program (limit $0.08), FY2026 337/368 (limit
    // $0.92); the worst is whichever spends more per day of program time.
    expect(r.out).toMatch(/^FAIL {2}max_cost: measured \$[\d,]+\.\d\d, limit ≤ \$0\.(08|92|100) \(worst of 3 years: FY20\d\d/m);
    expect(r.out).toMatch(/: 1 of \d+ guardrails crossed at the expectation \(as run prints it\)$/m);
  }, 30_000);
});
