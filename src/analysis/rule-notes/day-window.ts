/** `tier_window: last_N_days`: the days each evaluation's window held (the periods alone do not say). */
import { dayWindowStart, windowDaysOf } from '../../engine/day-window.js';
import { formatDay } from '../../history/day.js';
import type { RuleNote, RuleNoteSource } from './rule-note.js';

export const dayWindowNotes: RuleNoteSource = (ledger, p) => {
  const days = windowDaysOf(ledger.program.calendar.tier_window);
  if (days === 0) return [];
  const T = ledger.periods.length;
  return ledger.periods.map((period, t): RuleNote => {
    const from = Math.max(dayWindowStart(period.end, days), ledger.periods[0]?.start ?? period.start);
    const points = ledger.windowPoints[p * T + t] ?? 0;
    return { t, rule: 'calendar.tier_window', text: `window ${formatDay(from)} to ${period.endDate} (the last ${days} days): ${Number(points.toFixed(2))} points`, points: null };
  });
};
