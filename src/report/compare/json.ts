/**
 * `compare --format json`: the comparison rows and tier changes, plus every column's
 * full run summary (the same object `run --format json` prints for it).
 */
import { jsonText } from '../sanitize/index.js';
import type { CompareReport } from '../../analysis/compare.js';
import type { RunSummary } from '../../analysis/summary-types.js';
import type { Formatter } from '../formatter.js';
import type { CompareModel } from './model.js';

/** The document `compare --format json` prints; schema/compare.schema.json is generated from it. */
export interface CompareJson {
  readonly format_version: 1;
  readonly columns: readonly string[];
  readonly currency: string;
  readonly partners: number;
  readonly events: number;
  readonly rows: readonly {
    readonly section: string;
    readonly key: string;
    readonly values: readonly (number | null)[];
    readonly delta: readonly (number | null)[];
    readonly delta_share: readonly (number | null)[];
  }[];
  readonly tier_changes: readonly {
    readonly from: string;
    readonly to: string;
    readonly from_tiers: readonly string[];
    readonly to_tiers: readonly string[];
    readonly counts: readonly (readonly number[])[];
    readonly changed: number;
    readonly top: readonly {
      readonly partner: string;
      readonly name: string;
      readonly from: string;
      readonly to: string;
      /** Points in the tier window at the last evaluation under the first column: what its thresholds were compared with. */
      readonly points_from: number;
      /** The same under this column. */
      readonly points_to: number;
      /** points_to − points_from. */
      readonly points_delta: number;
    }[];
  }[];
  /** Each column's run summary, the document `run --format json` prints for it. */
  readonly runs: readonly { readonly column: string; readonly summary: RunSummary | null }[];
}

export function renderCompareJson(report: CompareReport, summaries: readonly RunSummary[]): string {
  const doc: CompareJson = {
    format_version: 1,
    columns: report.columns,
    currency: report.currency,
    partners: report.partners,
    events: report.events,
    rows: report.rows.map((r) => ({ section: r.section, key: r.key, values: r.values, delta: r.delta, delta_share: r.deltaShare })),
    tier_changes: report.tierChanges.map((c) => ({
      from: c.from,
      to: c.to,
      from_tiers: c.fromTiers,
      to_tiers: c.toTiers,
      counts: c.counts,
      changed: c.changed,
      top: c.top.map((m) => ({
        partner: m.partner,
        name: m.name,
        from: m.from,
        to: m.to,
        points_from: m.pointsFrom,
        points_to: m.pointsTo,
        points_delta: m.pointsDelta,
      })),
    })),
    runs: report.columns.map((column, i) => ({ column, summary: summaries[i] ?? null })),
  };
  return `${jsonText(doc)}\n`;
}

export const compareJsonFormat: Formatter<CompareModel> = {
  description: 'for tools: the rows, the tier changes and every column\'s run summary',
  mediaType: 'application/json',
  terminal: false,
  render: (model) => renderCompareJson(model.report, model.summaries),
};
