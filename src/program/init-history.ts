/**
 * The ways to earn of `init --history`: one per activity name the history holds, each
 * worth the same points per occurrence, so the starter scores the history as it is and
 * the tier thresholds (found by calibration) say how active a partner must be. The weights
 * are where a designer starts steering; no revenue rule is guessed, because a history
 * without an `amount` column would make `points_per: { amount }` an error.
 */
import type { StarterActivity } from './starter.js';

export const HISTORY_CATEGORY = 'general';
export const HISTORY_POINTS = 10;

export function historyStarterActivities(activityRows: ReadonlyMap<string, number>): StarterActivity[] {
  return [...activityRows.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((id) => ({
      id,
      category: HISTORY_CATEGORY,
      comment: `${activityRows.get(id) ?? 0} row(s) in the history`,
      rule: `points: ${HISTORY_POINTS}`,
    }));
}
