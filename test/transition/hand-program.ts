/**
 * The small design the transition and statement tests replay by hand (see
 * fixtures/transition/program.yaml for the same design as a file).
 */
import { programSchema } from '../../src/program/schema.js';
import type { Program } from '../../src/program/program.js';

export const handProgram: Program = programSchema.parse({
  pointsmith: 1,
  program: { name: 'Hand Points', currency: 'USD', starts: '2024-01-01', ends: '2024-12-31' },
  calendar: { period: 'quarter', fiscal_year_start: '01-01', tier_window: 'trailing_4' },
  categories: { decision: {}, skilling: {}, awareness: {}, advocacy: { max_points: 1000 } },
  activities: {
    deal_closed: {
      category: 'decision',
      label: 'Closed-won deal',
      points_per: { amount: 1000, points: 10 },
      multipliers: { product: { saas: 1.5, perpetual: 0.8 } },
    },
    cert_earned: { category: 'skilling', label: 'Certification', points: 100, distinct: 'person_id' },
    webinar_hosted: { category: 'awareness', points: 60, cap: { per: 'period', points: 120 } },
    case_study: { category: 'advocacy', points: 500 },
  },
  tiers: [
    { name: 'Registered', min_points: 0 },
    { name: 'Silver', min_points: 1000, benefits: { annual_cost: 400 } },
    {
      name: 'Gold',
      min_points: 3000,
      min_points_by: { region: { apac: 2500 } },
      requires: { categories: { decision: 1000 }, activities: { cert_earned: 2 } },
      earn_multiplier: 1.1,
      benefits: { annual_cost: 2000 },
    },
  ],
  rewards: [{ id: 'mdf', cost_points: 1000, vendor_cost: 100 }],
  legacy: {
    levels: [
      { name: 'Silver', revenue: 100000, certified: 1, benefits: { annual_cost: 1000, discount_pct: 5 } },
      { name: 'Gold', revenue: 500000, certified: 2, benefits: { annual_cost: 5000, discount_pct: 10 } },
    ],
    equivalent: { Silver: 'Silver', Gold: 'Gold' },
  },
});
