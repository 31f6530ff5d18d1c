/**
 * The person ledger: the seller programme (seller-program.ts) replayed by the same engine
 * on the person-keyed history (src/history/person-store.ts), beside the firm's ledger.
 * Every seller figure (points, expiry, redemption, reward units, capacity) is therefore
 * the firm's model applied to people, with nothing of its own to drift.
 */
import type { EventStore, PartnerTable } from '../../history/event-store.js';
import { personView, type PersonView } from '../../history/person-store.js';
import type { Program } from '../../program/program.js';
import { compile, type CompiledProgram } from '../compile.js';
import type { Ledger } from '../ledger.js';
import { prepareHistory, type PreparedHistory } from '../prepare.js';
import { replayCompiled, type ReplayOptions } from '../replay.js';
import { sellerProgram } from '../../program/seller-program.js';

export interface SellerLedger {
  /** One "partner" per seller, its id the seller key (`partner/person`). */
  readonly ledger: Ledger;
  readonly view: PersonView;
}

export interface CompiledSellers {
  readonly compiled: CompiledProgram;
  readonly view: PersonView;
}

/**
 * The person views of one history, built on first use per person column and kept by
 * this object (not by the module): a command replaying many designs on one history
 * (compare, sensitivity, simulate) builds the view and prepares it once.
 */
export class PeopleHistory {
  readonly #views = new Map<string, { readonly view: PersonView; readonly prepared: PreparedHistory }>();

  constructor(
    readonly store: EventStore,
    readonly partners?: PartnerTable,
  ) {}

  of(column: string): { readonly view: PersonView; readonly prepared: PreparedHistory } {
    let hit = this.#views.get(column);
    if (hit === undefined) {
      const view = personView(this.store, this.partners, column);
      hit = { view, prepared: prepareHistory(view.store, view.people) };
      this.#views.set(column, hit);
    }
    return hit;
  }
}

/** The seller programme of `program` compiled on the people of `history`; undefined without `individuals:`. */
export function compileSellers(program: Program, history: PeopleHistory): CompiledSellers | undefined {
  const sellers = sellerProgram(program);
  if (sellers === undefined || program.individuals === undefined) return undefined;
  const { view, prepared } = history.of(program.individuals.person_column);
  return { compiled: compile(sellers, prepared), view };
}

/** The person ledger of `program` on `history`; undefined when the design has no `individuals:`. */
export function replaySellers(program: Program, history: PeopleHistory, options?: ReplayOptions): SellerLedger | undefined {
  const c = compileSellers(program, history);
  if (c === undefined) return undefined;
  return { ledger: replayCompiled(c.compiled, options ?? {}), view: c.view };
}
