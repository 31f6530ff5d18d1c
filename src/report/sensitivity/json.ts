/**
 * `sensitivity --format json`: every weight with the metric at its low and high value
 * (ranked by impact), or the sweep grid.
 */
import { jsonText } from '../sanitize/index.js';
import type { SweepReport, TornadoReport } from '../../analysis/sensitivity.js';
import type { Formatter } from '../formatter.js';
import type { SensitivityModel } from './model.js';
import type { WarmUp } from '../../analysis/warm-up.js';

export function renderTornadoJson(report: TornadoReport): string {
  return `${jsonText(
    {
      format_version: 1,
      kind: 'tornado',
      metric: report.metric,
      by: report.by,
      base: report.base,
      weights: report.rows.map((r) => ({
        path: r.path,
        value: r.weight,
        value_low: r.weightLow,
        value_high: r.weightHigh,
        low: r.low,
        high: r.high,
        impact: r.impact,
        elasticity: r.elasticity,
      })),
    },
  )}\n`;
}

export function renderSweepJson(report: SweepReport): string {
  return `${jsonText(
    {
      format_version: 1,
      kind: 'sweep',
      paths: report.paths,
      metrics: report.metrics.map((m) => m.name),
      rows: report.rows.map((r) => ({
        set: Object.fromEntries(report.paths.map((p, i) => [p, r.coords[i] ?? null])),
        values: Object.fromEntries(report.metrics.map((m, i) => [m.name, r.values[i] ?? null])),
      })),
    },
  )}\n`;
}

/** The document with `warm_up` added last when the model carries one (a key, null with a launch state). */
function withWarmUp(text: string, warm: WarmUp | null | undefined): string {
  if (warm === undefined) return text;
  return `${jsonText({ ...(JSON.parse(text) as Record<string, unknown>), warm_up: warm })}\n`;
}

export const sensitivityJsonFormat: Formatter<SensitivityModel> = {
  description: 'for tools (its keys are a contract)',
  mediaType: 'application/json',
  terminal: false,
  render: (m) => withWarmUp(m.kind === 'tornado' ? renderTornadoJson(m.report) : renderSweepJson(m.report), m.warmUp),
};
