/**
 * The history activities a design reads: those it scores, and those only a clawback's
 * `when` names (a lapse, a cancellation: their rows score nothing but take credit back).
 * The reader keeps these rows and reports the others as unscored. With `individuals:`, the
 * seller programme's activities as well.
 */
import type { Program } from './program.js';
import { sellerProgram } from './seller-program.js';

export function historyActivities(program: Program): string[] {
  const firm = [...Object.keys(program.activities), ...reversingActivities(program)];
  // The seller programme reads the same history: its rows are scored rows too.
  const sellers = sellerProgram(program);
  return sellers === undefined ? firm : [...new Set([...firm, ...historyActivities(sellers)])];
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
