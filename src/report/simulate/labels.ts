import type { SimulationReport } from '../../analysis/monte-carlo.js';

/**
 * A sentence when the expected-value replay falls outside the simulated P10–P90 of some
 * measure, so nobody reads the two as contradicting each other by accident.
 */
export function outsideNote(report: SimulationReport): string | undefined {
  const outside = report.measures.filter((m) => m.expected < m.p10 || m.expected > m.p90).map((m) => m.name);
  if (outside.length === 0) return undefined;
  return (
    `The expected-value replay lies outside P10–P90 for ${outside.join(', ')}: a draw redeems whole units, and only those ` +
    "the partner's balance covers (the others wait until it does), while the expected-value replay also redeems fractions of units " +
    'that a partner never holds enough points to redeem whole; so dear rewards are redeemed less in the draws, and more points stay outstanding.'
  );
}

/** `rewards.mdf_1000.capacity` → `mdf_1000 capacity`; `budget` → `budget (per period)`. */
export function riskLabel(name: string): string {
  if (name === 'budget') return 'budget (per period)';
  const parts = name.split('.');
  return `${parts.slice(1, -1).join('.')} capacity`;
}
