/**
 * The transition report as CSV: one row per partner, for a spreadsheet. Text cells go
 * through the shared writer, which quotes them and defuses formulas (a name starting
 * with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`). Numbers stay numbers; the
 * tier after each evaluation follows in one column per period.
 */
import type { TransitionReport } from '../../analysis/transition-types.js';
import { writeCsv, type CsvCell } from '../sanitize/index.js';
import { describeGap, describePlan } from './describe.js';
import type { Formatter } from '../formatter.js';
import type { TransitionFormatOptions } from './selection.js';

export function renderTransitionCsv(report: TransitionReport): string {
  const atRisk = new Map(report.at_risk.map((a) => [a.partner, a]));
  const periods = report.by_period.map((p) => p.period);
  const header = [
    'partner_id',
    'name',
    'segment',
    'region',
    'legacy_level',
    'legacy_source',
    'legacy_revenue',
    'legacy_certified',
    'equivalent_tier',
    'new_tier',
    'movement',
    'points_in_window',
    'at_risk',
    'kept_by_grace',
    'target_threshold',
    'points_short',
    'unmet_requirements',
    'closing_plan',
    'legacy_cost',
    'new_cost',
    ...periods.map((p) => `tier_${p}`),
  ];
  const rows: CsvCell[][] = report.partner_rows.map((r) => {
    const risk = atRisk.get(r.partner);
    return [
      r.partner,
      r.name,
      r.segment,
      r.region,
      r.legacy_level,
      r.legacy_source,
      r.legacy_revenue,
      r.legacy_certified,
      r.equivalent_tier,
      r.new_tier,
      r.movement,
      r.points_in_window,
      r.at_risk ? 'yes' : 'no',
      risk?.in_grace === true ? 'yes' : 'no',
      risk?.threshold,
      risk?.points_short,
      risk !== undefined ? risk.gaps.map((g) => describeGap(g, report.labels)).join('; ') : undefined,
      risk !== undefined ? describePlan(risk) : undefined,
      r.legacy_cost,
      r.new_cost,
      ...r.tiers_by_period,
    ];
  });
  return writeCsv(header, rows);
}

export const transitionCsvFormat: Formatter<TransitionReport, TransitionFormatOptions> = {
  description: 'for a spreadsheet: a row per partner, every partner',
  mediaType: 'text/csv',
  terminal: false,
  render: (report) => renderTransitionCsv(report),
};
