/**
 * `explain --format csv`: the partner's statement as rows, for a spreadsheet. For each
 * period, a `period` row (tiers, points earned, redeemed, expired, balance) and then an
 * `activity` row per activity the partner scored in it, with how its points were made;
 * then an `activity` row per activity over the whole replay (its `period` empty). Ids, not
 * labels (as in the JSON); every row names the partner, so statements can be stacked.
 *
 *   record, partner, period, start, end
 *   tier_during, tier, in_grace, points_in_window, earned, redeemed, expired, balance, amount   (period rows)
 *   activity, count, base, multipliers, promotions, accelerator, rounding, released, capped, points   (activity rows)
 *   warm_up rows last: record warm_up, the partner and a warm-up period, nothing else
 *   clawed_back   (both: points taken back by clawbacks in the period, or over the replay for the activity)
 *
 * points = base + multipliers + promotions + accelerator + rounding + released − capped.
 * Numbers stay numbers (points to 2 decimals, money to cents); a column that does not
 * apply to the record is empty.
 */
import type { ActivityLine, Statement } from '../../analysis/statement-types.js';
import type { Formatter } from '../formatter.js';
import { writeCsv, type CsvCell } from '../sanitize/index.js';

export const STATEMENT_CSV_HEADER = [
  'record',
  'partner',
  'period',
  'start',
  'end',
  'tier_during',
  'tier',
  'in_grace',
  'points_in_window',
  'earned',
  'redeemed',
  'expired',
  'balance',
  'amount',
  'activity',
  'count',
  'base',
  'multipliers',
  'promotions',
  'accelerator',
  'rounding',
  'released',
  'capped',
  'points',
  'clawed_back',
] as const;

const NO_PERIOD_FIGURES: CsvCell[] = [null, null, null, null, null, null, null, null, null, null, null];

function activityRows(partner: string, period: string, lines: Record<string, ActivityLine>): CsvCell[][] {
  return Object.entries(lines).map(([activity, l]) => [
    'activity',
    partner,
    period,
    ...NO_PERIOD_FIGURES,
    activity,
    l.count,
    l.base,
    l.multipliers,
    l.promotions,
    l.accelerator,
    l.rounding,
    l.released,
    l.capped,
    l.points,
    l.clawed_back,
  ]);
}

export function renderStatementCsv(s: Statement): string {
  const rows: CsvCell[][] = [];
  for (const p of s.periods) {
    rows.push([
      'period',
      s.partner,
      p.period,
      p.start,
      p.end,
      p.tier_during,
      p.tier,
      p.in_grace ? 'yes' : 'no',
      p.points_in_window,
      p.earned,
      p.redeemed,
      p.expired,
      p.balance,
      p.amount,
      ...new Array<CsvCell>(10).fill(null),
      p.clawed_back,
    ]);
    rows.push(...activityRows(s.partner, p.period, p.by_activity));
  }
  rows.push(...activityRows(s.partner, '', s.by_activity));
  // The warm-up periods of a replay without `launch:` (src/analysis/warm-up.ts): a row each, the other columns empty.
  for (const period of s.warm_up?.periods ?? []) rows.push(['warm_up', s.partner, period, ...new Array<CsvCell>(STATEMENT_CSV_HEADER.length - 3).fill(null)]);
  return writeCsv(STATEMENT_CSV_HEADER, rows);
}

export const statementCsvFormat: Formatter<Statement> = {
  description: 'for a spreadsheet: a row per period, and per activity in each period and over the replay',
  mediaType: 'text/csv',
  terminal: false,
  render: (statement) => renderStatementCsv(statement),
};
