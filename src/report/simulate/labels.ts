import type { SimulationReport } from '../../analysis/monte-carlo.js';

/**
 * A sentence when `run`'s figure falls outside the simulated P10–P90 of some measure.
 * Both come from one model (`run` averages 16 draws of seed 1), so this only happens with
 * few runs or a distribution with most of its mass on one value; it says so rather than
 * let anyone read the two as contradicting each other.
 */
export function outsideNote(report: SimulationReport): string | undefined {
  const outside = report.measures.filter((m) => m.expected < m.p10 || m.expected > m.p90).map((m) => m.name);
  if (outside.length === 0) return undefined;
  return (
    `run's expected figure lies outside this simulation's P10–P90 for ${outside.join(', ')}: it is the mean of 16 draws of seed 1 ` +
    `of the same model, so with ${report.runs} runs the band itself is uncertain, or most runs give one value and the mean lies beside it.`
  );
}

/** `rewards.mdf_1000.capacity` → `mdf_1000 capacity`; `budget` → `budget (any fiscal year)`. */
export function riskLabel(name: string): string {
  if (name === 'budget') return 'budget (any fiscal year, prorated)';
  const parts = name.split('.');
  return `${parts.slice(1, -1).join('.')} capacity`;
}

/** What `run` says of a limit: its expected shortfall, or the worst year over budget. */
export function expectedRiskText(expected: boolean): string {
  return expected ? 'over (expected)' : 'within';
}
