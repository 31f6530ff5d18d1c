/**
 * `compare --format json`: the comparison rows and tier changes, plus every column's
 * full run summary (the same object `run --format json` prints for it).
 */
import { jsonText } from '../sanitize/index.js';
import type { CompareReport } from '../../analysis/compare.js';
import type { RunSummary } from '../../analysis/summary-types.js';
import type { Formatter } from '../formatter.js';
import type { CompareModel } from './model.js';

export function renderCompareJson(report: CompareReport, summaries: readonly RunSummary[]): string {
  const doc = {
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
