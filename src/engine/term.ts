/**
 * Tier terms (`calendar.term`): a tier reached is held until the partner's next enrolment
 * anniversary whatever the score does; at the anniversary the next term's tier is the best
 * tier the partner qualified for at an evaluation inside the renewal window.
 *
 * Evaluations happen at period ends, so a term ends at the first evaluation whose period
 * ends on or after the anniversary; the renewal window holds the evaluations whose period
 * ends on or after `renewal_months` before the anniversary, up to that one. Anniversaries
 * fall every `months` months from the partner's date (the `anniversary` column; blank,
 * not a date, or no column: program.starts), the day clamped to the month.
 */
import { parseDay } from '../history/day.js';
import type { Program } from '../program/program.js';
import { dayOf, monthStart } from './calendar.js';
import type { PartnerIndex } from './partner-index.js';

export interface CompiledTerm {
  readonly months: number;
  readonly renewalMonths: number;
  /** Per partner, the day anniversaries are counted from. */
  readonly from: Int32Array;
}

export function compileTerm(program: Program, partners: PartnerIndex): CompiledTerm | null {
  const term = program.calendar.term;
  if (term === undefined) return null;
  const starts = dayOf(program.program.starts);
  const P = partners.ids.length;
  const from = new Int32Array(P).fill(starts);
  if (term.anniversary !== undefined) {
    const { values, codes } = partners.attributeCodes(term.anniversary);
    const dayOfValue = Int32Array.from(values, (v) => {
      const d = parseDay(v.trim());
      return typeof d === 'number' ? d : starts;
    });
    for (let p = 0; p < P; p++) from[p] = dayOfValue[codes[p] as number] as number;
  }
  return {
    months: term.months,
    renewalMonths: term.renewal_months,
    from,
  };
}

/** The day `n` months after `day` (n may be negative), the day of the month clamped to the month. */
export function addMonths(day: number, n: number): number {
  const date = new Date(day * 86_400_000);
  return monthStart(date.getUTCFullYear(), date.getUTCMonth() + n, date.getUTCDate());
}

/** The first anniversary of partner p's terms (n ≥ 1 terms after its date) that falls after `after`. */
export function nextAnniversary(term: CompiledTerm, p: number, after: number): number {
  const from = term.from[p] as number;
  let n = 1;
  // Jump close first (a date years before the program), then step: a term of m months
  // lasts at most 31 × m days, so at least this many whole terms fit before `after`.
  const whole = Math.floor((after - from) / (31 * term.months));
  if (whole > 1) n = whole;
  let a = addMonths(from, n * term.months);
  while (a <= after) a = addMonths(from, ++n * term.months);
  return a;
}
