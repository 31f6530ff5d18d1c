/**
 * Periods cut by the program's dates: yearly amounts spread per period (tier benefits, a
 * yearly reward capacity) count only for the days the program covers, as the budget does.
 */
import { describe, expect, it } from 'vitest';
import { design, perPeriod, row, run } from './design.js';

// Calendar quarters of 2024; the program runs 2024-02-01..2024-06-30.
// Q1 = Jan 1..Mar 31 = 91 days (2024 is a leap year), covered Feb 1..Mar 31 = 29 + 31 = 60 days → share 60/91.
// Q2 = Apr 1..Jun 30 = 91 days, all covered → share 1.
const program = design({
  program: { name: 'Cut', starts: '2024-02-01', ends: '2024-06-30' },
  tiers: [{ name: 'Base', min_points: 0, benefits: { annual_cost: 910 } }],
  rewards: [{ id: 'seat', cost_points: 10, vendor_cost: 1, capacity: { per: 'year', units: 364 } }],
  redemption: { default: { rate: 1, mix: { seat: 1 } } },
});

describe('a period cut by the program dates', () => {
  const { ledger } = run(program, [row('p', '2024-02-10', 'x', { quantity: 10 })]);

  it('prorates tier benefits by the days covered', () => {
    // 910 a year / 4 quarters = 227.5 a whole quarter; Q1: 227.5 × 60/91 = 150; Q2: 227.5.
    const benefits = perPeriod(ledger, ledger.benefitCost);
    expect(benefits).toHaveLength(2);
    expect(benefits[0]).toBeCloseTo(150, 9);
    expect(benefits[1]).toBeCloseTo(227.5, 9);
  });

  it('prorates a yearly reward capacity the same way, pooled over the fiscal year', () => {
    // 364 a year / 4 = 91 a whole quarter; Q1: 91 × 60/91 = 60; Q2: 91; one window, the year: 151.
    expect(ledger.capacity).toHaveLength(1);
    expect(ledger.capacity[0]?.capacity).toBeCloseTo(151, 9);
  });
});
