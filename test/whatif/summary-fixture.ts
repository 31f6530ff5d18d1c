/**
 * A RunSummary written by hand (no engine), for the analyses that only read summaries:
 * metrics, guardrails, compare. 10 partners: Registered 6, Silver 3, Gold 1.
 */
import { deepFreeze, type Program } from '../../src/program/program.js';
import { programSchema, type ProgramInput } from '../../src/program/schema.js';
import type { RunSummary } from '../../src/analysis/summary-types.js';

export const design: ProgramInput = {
  pointsmith: 1,
  program: { name: 'What-if Points', currency: 'USD', starts: '2024-01-01' },
  categories: { decision: {} },
  activities: { deal: { category: 'decision', points: 100 } },
  tiers: [
    { name: 'Registered', min_points: 0 },
    { name: 'Silver', min_points: 1000 },
    { name: 'Gold', min_points: 3000 },
  ],
  rewards: [
    { id: 'mdf', cost_points: 1000, vendor_cost: 100, capacity: { per: 'period', units: 5 } },
    { id: 'support', cost_points: 500, vendor_cost: 80 },
  ],
  budget: { per: 'year', amount: 10000 },
};

export function program(patch: (d: ProgramInput) => ProgramInput = (d) => d): Program {
  return deepFreeze(programSchema.parse(patch(structuredClone(design))));
}

export function summary(patch: (s: RunSummary) => void = () => undefined): RunSummary {
  const s: RunSummary = {
    format_version: 2,
    program: { name: 'What-if Points', currency: 'USD' },
    partners: 10,
    events: 40,
    periods: [{ label: '2024-Q1', start: '2024-01-01', end: '2024-03-31' }],
    points: { earned: 20000, redeemed: 8000, expired: 2000, clawed_back: 0, outstanding: 10000, debt: 0, breakage: 0.1 },
    cost: { rewards: 1200, benefits: 300, discounts: 500, total: 2000, liability: 700 },
    budget: {
      amount: 2500,
      per: 'year',
      used_share: 0.8,
      by_year: [{ year: '2024', start: '2024-01-01', end: '2024-12-31', covered: 0.25, cost: 2000, amount: 2500, used_share: 0.8 }],
      worst_year: '2024',
      worst_year_share: 0.8,
    },
    tiers: [
      { tier: 'Registered', partners: 6, share: 0.6 },
      { tier: 'Silver', partners: 3, share: 0.3 },
      { tier: 'Gold', partners: 1, share: 0.1 },
    ],
    tier_history: [],
    warm_up: null,
    rewards: [
      {
        reward: 'mdf',
        units: 8,
        expected_units: 8,
        points: 8000,
        vendor_cost: 800,
        capacity_per: 'period',
        capacity: 5,
        shortfall: 3,
        expected_shortfall: 3,
        by_period: [],
        by_window: [
          { window: '2024-Q1', start: '2024-01-01', end: '2024-03-31', capacity: 5, units: 8, expected_units: 8, shortfall: 3, expected_shortfall: 3, exceeded_share: 1 },
        ],
      },
      { reward: 'support', units: 5, expected_units: 5, points: 2500, vendor_cost: 400, capacity_per: null, capacity: null, shortfall: 0, expected_shortfall: 0, by_period: [], by_window: [] },
    ],
  };
  patch(s);
  return s;
}
