/** `simulate --format json`. */
import { jsonText } from '../sanitize/index.js';
import type { SimulationReport } from '../../analysis/monte-carlo.js';
import type { Formatter } from '../formatter.js';

export function renderSimulationJson(report: SimulationReport): string {
  return `${jsonText(
    {
      format_version: 1,
      program: report.program,
      runs: report.runs,
      seed: report.seed,
      measures: report.measures,
      risks: report.risks.map((r) => ({ limit: r.name, probability: r.probability, expected_run_exceeds: r.expected })),
      warm_up: report.warmUp,
    },
  )}\n`;
}

export const simulationJsonFormat: Formatter<SimulationReport> = {
  description: 'for tools (its keys are a contract)',
  mediaType: 'application/json',
  terminal: false,
  render: (report) => renderSimulationJson(report),
};
