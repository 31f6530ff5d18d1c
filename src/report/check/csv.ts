/**
 * `check --format csv`: a row per problem of the history's evidence, then a row per
 * guardrail, for a spreadsheet or a CI artefact. The check passes exactly when every row's
 * `passed` is `yes` (a design without guardrails, on a history that is evidence enough,
 * is the header alone).
 *
 *   record       `evidence` or `guardrail`
 *   name         the evidence rule (`no-events-in-program`, ...) or the guardrail (`max_cost`, `tier_share.Gold.max`)
 *   kind         money | share | units | ... (guardrails): how to read measured and limit
 *   measured     the value tested (empty when it cannot be measured); shares as 0 to 1
 *   comparison   `<=` for maxima, `>=` for minima
 *   limit        the limit (a yearly max_cost prorated to the worst year, as the text shows it)
 *   passed       yes | no
 *   measured_at  `mean` (the expectation), or the Monte Carlo percentile it was measured at:
 *                `--at p90` measures maxima at p90 and minima at p10
 *   note         why, beyond the numbers (the year, the reward short); the evidence problem's message
 *   line, col    of the limit in the design
 */
import { writeCsv, type CsvCell } from '../sanitize/index.js';
import type { CheckFormatter } from './check-formatter.js';
import type { CheckReport, PositionedGuardrail } from './model.js';

export const CHECK_CSV_HEADER = ['record', 'name', 'kind', 'measured', 'comparison', 'limit', 'passed', 'measured_at', 'note', 'line', 'col'] as const;

/** `mean`, or the percentile a guardrail was measured at: maxima at the upper one, minima at the lower. */
function measuredAt(report: CheckReport, r: PositionedGuardrail): string {
  const { measure } = report.at;
  if (measure === 'mean' || r.comparison === '<=') return measure;
  return `p${100 - Number(measure.slice(1))}`;
}

export function renderCheckCsv(report: CheckReport): string {
  const rows: CsvCell[][] = [];
  for (const f of report.evidence?.findings ?? []) rows.push(['evidence', f.code, null, null, null, null, 'no', null, f.message, null, null]);
  for (const r of report.results) {
    rows.push(['guardrail', r.name, r.kind, r.measured, r.comparison, r.limit, r.passed ? 'yes' : 'no', measuredAt(report, r), r.note, r.line, r.col]);
  }
  return writeCsv(CHECK_CSV_HEADER, rows);
}

export const checkCsvFormat: CheckFormatter = {
  description: 'for a spreadsheet or a CI artefact: a row per evidence problem, then per guardrail',
  mediaType: 'text/csv',
  terminal: false,
  carriesDiagnostics: false,
  render: (report) => renderCheckCsv(report),
};
