/**
 * A design that scores an activity by amount (`points_per: { amount: … }`) needs the
 * history's `amount` column. Without it every amount reads as 0 and the activity silently
 * earns nothing (a renamed header once cut earned points by more than half with exit 0),
 * so a missing column is an error that names the activity and the columns the file has.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Program } from '../program/program.js';
import type { EventStore } from './event-store.js';

export function checkAmountColumn(store: EventStore, program: Program, file: string): Diagnostic[] {
  // A store built by hand (no header known) cannot say; the CSV reader and the cache always set it.
  if (store.columns === undefined || store.columns['amount'] !== undefined) return [];
  // Only the activities this file holds: one of several history files (an activity list
  // beside a deals report) needs no amount column when none of its rows is scored by one.
  const held = new Set(store.activityIds);
  // The seller programme's activities too (`individuals:`): a seller paid by amount earns nothing without it either.
  const activities = [...Object.entries(program.activities), ...Object.entries(program.individuals?.activities ?? {})];
  const byAmount = [...new Set(activities.filter(([id, a]) => a.points_per?.amount !== undefined && held.has(id)).map(([id]) => id))];
  const first = byAmount[0];
  if (first === undefined) return [];
  const present = Object.entries(store.columns)
    .sort(([, a], [, b]) => a - b)
    .map(([name]) => name);
  const others = byAmount.length > 1 ? ` (and ${byAmount.length - 1} more activit${byAmount.length === 2 ? 'y' : 'ies'})` : '';
  return [
    {
      severity: 'error',
      code: 'csv-missing-amount-column',
      message: `activity \`${first}\`${others} scores by amount, but the history has no \`amount\` column; its columns: ${present.join(', ')}`,
      file,
      line: 1,
      col: 1,
      hint: 'add an amount column, or name yours with --column amount="Header"',
    },
  ];
}
