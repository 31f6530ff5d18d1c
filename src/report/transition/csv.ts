/**
 * The transition report as CSV: one row per partner, for a spreadsheet. Text cells go
 * through the shared writer, which quotes them and defuses formulas (a name starting
 * with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`). Numbers stay numbers; the
 * tier after each evaluation follows in one column per period.
 *
 * Made in pieces, a batch of partners at a time, so that 400,000 rows never become one
 * string. Each piece goes through the same writer: what it writes for the header alone is
 * cut from the front of every batch after the first (a record's text does not depend on
 * the records around it).
 */
import type { TransitionReport } from '../../analysis/transition-types.js';
import { writeCsv, type CsvCell } from '../sanitize/index.js';
import { describeGap, describePlan } from './describe.js';
import { chunkedText, ROWS_PER_CHUNK } from './chunked.js';

export function* transitionCsvChunks(report: TransitionReport): Generator<string> {
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
  const rowCells = (r: TransitionReport['partner_rows'][number]): CsvCell[] => {
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
  };
  const headerText = writeCsv(header, []);
  yield headerText;
  const rows = report.partner_rows;
  for (let from = 0; from < rows.length; from += ROWS_PER_CHUNK) {
    yield writeCsv(header, rows.slice(from, from + ROWS_PER_CHUNK).map(rowCells)).slice(headerText.length);
  }
}

export function renderTransitionCsv(report: TransitionReport): string {
  return [...transitionCsvChunks(report)].join('');
}

export const transitionCsvFormat = chunkedText('for a spreadsheet: a row per partner, every partner', 'text/csv', transitionCsvChunks);
