/**
 * The history activities a design reads: those it scores, and those only a clawback's
 * `when` names (a lapse, a cancellation: their rows score nothing but take credit back).
 * The reader keeps these rows and reports the others as unscored.
 */
import type { Program } from './program.js';

export function historyActivities(program: Program): string[] {
  const ids = Object.keys(program.activities);
  const known = new Set(ids);
  for (const id of ids) {
    const when = program.activities[id]?.clawback?.when;
    if (when !== undefined && !known.has(when)) {
      known.add(when);
      ids.push(when);
    }
  }
  return ids;
}
