/**
 * `sensitivity --format json`: every weight with the metric at its low and high value
 * (ranked by impact), or the sweep grid.
 */
import { jsonText } from '../sanitize/index.js';
import type { SweepReport, TornadoReport } from '../../analysis/sensitivity.js';
import type { Formatter } from '../formatter.js';
import type { SensitivityModel } from './model.js';
import type { WarmUp } from '../../analysis/warm-up.js';

/** The document `sensitivity --format json` prints (by `kind`); schema/sensitivity.schema.json is generated from it. */
export type SensitivityJson = TornadoJson | SweepJson;

interface TornadoJson {
  readonly format_version: 1;
  readonly kind: 'tornado';
  readonly metric: string;
  readonly by: number;
  readonly base: number | null;
  readonly weights: readonly {
    readonly path: string;
    readonly value: number;
    readonly value_low: number;
    readonly value_high: number;
    readonly low: number | null;
    readonly high: number | null;
    readonly impact: number;
    readonly elasticity: number | null;
  }[];
  /** Present when the replay had warm-up periods to report (null: the design states its launch). */
  readonly warm_up?: WarmUp | null;
}

interface SweepJson {
  readonly format_version: 1;
  readonly kind: 'sweep';
  readonly paths: readonly string[];
  readonly metrics: readonly string[];
  /** `set`: each path's value at this grid point; `values`: each metric there (null: not measurable). */
  readonly rows: readonly { readonly set: Record<string, string | number | boolean | null>; readonly values: Record<string, number | null> }[];
  readonly warm_up?: WarmUp | null;
}

function tornadoJson(report: TornadoReport): TornadoJson {
  return {
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
  };
}

function sweepJson(report: SweepReport): SweepJson {
  return {
    format_version: 1,
    kind: 'sweep',
    paths: report.paths,
    metrics: report.metrics.map((m) => m.name),
    rows: report.rows.map((r) => ({
      set: Object.fromEntries(report.paths.map((p, i) => [p, r.coords[i] ?? null])),
      values: Object.fromEntries(report.metrics.map((m, i) => [m.name, r.values[i] ?? null])),
    })),
  };
}

export function renderTornadoJson(report: TornadoReport): string {
  return `${jsonText(tornadoJson(report))}\n`;
}

export function renderSweepJson(report: SweepReport): string {
  return `${jsonText(sweepJson(report))}\n`;
}

/** The document with `warm_up` added last when the model carries one (a key, null with a launch state). */
function sensitivityJson(m: SensitivityModel): SensitivityJson {
  const doc = m.kind === 'tornado' ? tornadoJson(m.report) : sweepJson(m.report);
  return m.warmUp === undefined ? doc : { ...doc, warm_up: m.warmUp };
}

export const sensitivityJsonFormat: Formatter<SensitivityModel> = {
  description: 'for tools (its keys are a contract)',
  mediaType: 'application/json',
  terminal: false,
  render: (m) => `${jsonText(sensitivityJson(m))}\n`,
};
