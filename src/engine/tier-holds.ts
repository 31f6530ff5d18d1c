/**
 * What holds a tier above the one qualification and grace give (heldTier): the launch
 * state's grandfathered tier (launch.ts) and tier terms (term.ts). The scorer calls
 * `begin` for the tier in force in a partner's first period and `evaluate` after each
 * evaluation's grace; both only ever raise the tier. They record why in the ledger
 * (`grandfathered`, `termHeld`, `termEnd`), so that statements never re-derive it.
 */
import type { CompiledProgram } from './compile.js';
import type { CompiledLaunch } from './launch.js';
import type { LedgerArrays } from './ledger-arrays.js';
import { addMonths, nextAnniversary, type CompiledTerm } from './term.js';

export class TierHolds {
  readonly #launch: CompiledLaunch | null;
  readonly #term: CompiledTerm | null;
  readonly #T: number;
  readonly #periodEnd: Int32Array;
  /** The program's first day: a partner's first anniversary is the first one after it. */
  readonly #firstDay: number;
  readonly #qualified: Int16Array;
  readonly #grandfathered: Uint8Array;
  readonly #termHeld: Uint8Array;
  readonly #termEnd: Int32Array;
  /** The current partner's term: the tier it holds until the anniversary, and the anniversary's day. */
  #termTier = -1;
  #anniversary = 0;

  /** The holds of a replay of `c`, or null when the design has neither `launch` nor `calendar.term`. */
  static create(c: CompiledProgram, L: LedgerArrays): TierHolds | null {
    return c.launch === null && c.term === null ? null : new TierHolds(c, L);
  }

  private constructor(c: CompiledProgram, L: LedgerArrays) {
    this.#launch = c.launch;
    this.#term = c.term;
    this.#T = L.T;
    this.#periodEnd = c.tiers.periodEnd;
    this.#firstDay = c.calendar.firstDay;
    this.#qualified = L.qualifiedTier;
    this.#grandfathered = L.grandfathered;
    this.#termHeld = L.termHeld;
    this.#termEnd = L.termEnd;
  }

  /** The tier in force in partner p's first period, given the one its zero points qualify for; opens its first term. */
  begin(p: number, start: number): number {
    const launchTier = this.#launch !== null ? (this.#launch.tier[p] as number) : -1;
    const held = launchTier > start ? launchTier : start;
    if (this.#term !== null) {
      this.#termTier = held;
      this.#anniversary = nextAnniversary(this.#term, p, this.#firstDay);
    }
    return held;
  }

  /** The tier partner p holds after evaluation t, given `base` (qualification and grace). */
  evaluate(p: number, t: number, base: number): number {
    const pt = p * this.#T + t;
    const end = this.#periodEnd[t] as number;
    let held = base;
    const launch = this.#launch;
    if (launch !== null && end <= launch.untilDay && (launch.tier[p] as number) > held) {
      held = launch.tier[p] as number;
      this.#grandfathered[pt] = 1;
    }
    const term = this.#term;
    if (term === null) return held;
    let kept = this.#termTier;
    if (end >= this.#anniversary) {
      // Renewal: the best tier qualified for at the evaluations of the renewal window.
      const opens = addMonths(this.#anniversary, -term.renewalMonths);
      kept = -1;
      for (let s = t; s >= 0 && (this.#periodEnd[s] as number) >= opens; s--) {
        const q = this.#qualified[p * this.#T + s] as number;
        if (q > kept) kept = q;
      }
      this.#anniversary = nextAnniversary(term, p, end);
    }
    if (kept > held) {
      held = kept;
      this.#termHeld[pt] = 1;
    }
    this.#termEnd[pt] = this.#anniversary;
    // An upgrade (or the renewal) opens nothing new: the tier is held to the same anniversary.
    this.#termTier = held;
    return held;
  }
}
