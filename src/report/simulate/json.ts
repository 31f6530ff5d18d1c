/** `simulate --format json`. */
import { jsonText } from '../sanitize/index.js';
import type { SimulatedMeasure, SimulationReport } from '../../analysis/monte-carlo.js';
import type { WarmUp } from '../../analysis/warm-up.js';
import type { Formatter } from '../formatter.js';

/** The document `simulate --format json` prints; schema/simulate.schema.json is generated from it. */
export interface SimulateJson {
  readonly format_version: 1;
  readonly program: string;
  readonly runs: number;
  readonly seed: number;
  readonly measures: readonly SimulatedMeasure[];
  readonly risks: readonly { readonly limit: string; readonly probability: number; readonly expected_run_exceeds: boolean }[];
  readonly warm_up: WarmUp | null;
}

export function renderSimulationJson(report: SimulationReport): string {
  const doc: SimulateJson = {
      format_version: 1,
      program: report.program,
      runs: report.runs,
      seed: report.seed,
      measures: report.measures,
      risks: report.risks.map((r) => ({ limit: r.name, probability: r.probability, expected_run_exceeds: r.expected })),
      warm_up: report.warmUp,
  };
  return `${jsonText(doc)}\n`;
}

export const simulationJsonFormat: Formatter<SimulationReport> = {
  description: 'for tools (its keys are a contract)',
  mediaType: 'application/json',
  terminal: false,
  render: (report) => renderSimulationJson(report),
};
