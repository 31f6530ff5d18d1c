/**
 * The history activities a design reads: those it scores, and those only a clawback's
 * `when` names (a lapse, a cancellation: their rows score nothing but take credit back).
 * The reader keeps these rows and reports the others as unscored.
 */
import type { Program } from './program.js';

export function historyActivities(program: Program): string[] {
  return [...Object.keys(program.activities), ...reversingActivities(program)];
}

/** The history activities only a clawback's `when` reads (not themselves in the design), in design order, each once. */
export function reversingActivities(program: Program): string[] {
  const ids = new Set(Object.keys(program.activities));
  const out = new Set<string>();
  for (const activity of Object.values(program.activities)) {
    const when = activity.clawback?.when;
    if (when !== undefined && !ids.has(when)) out.add(when);
  }
  return [...out];
}
