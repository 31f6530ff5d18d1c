/**
 * Per-activity figures for a few partners of a lean ledger (`detail: false`): the
 * partner × period × activity arrays are about 20 KB per partner (8 GB at 400,000), and a
 * transition report reads them only for the partners at risk. Those are replayed again
 * from their slice of the history, with detail, a batch at a time; each gets the same
 * figures as in a replay of everyone, because a partner's replay reads only its own events
 * and its redemption draws are keyed by its id (see src/history/partner-slice.ts).
 */
import type { Ledger } from '../engine/ledger.js';
import { isDetailed, replay } from '../engine/replay.js';
import type { EventStore, PartnerTable } from '../history/event-store.js';
import { partnersSlice, partnersTableSlice } from '../history/partner-slice.js';
import type { Program } from '../program/program.js';
import type { PartnerDetail } from './at-risk.js';

/**
 * Given partners of the ledger (by index), where each one's per-activity figures are read.
 * Called once per batch; the answer is used before the next call, so it may be dropped then.
 */
export type DetailSource = (ps: readonly number[]) => (p: number) => PartnerDetail;

/** Partners replayed together for their detail: about 20 MB of arrays a batch. */
export const DETAIL_BATCH = 1024;

/** The ledger is detailed itself: every partner's figures are read from it. */
export function detailFromLedger(ledger: Ledger): DetailSource {
  if (!isDetailed(ledger)) throw new Error('detailFromLedger: the ledger was replayed with `detail: false`; use detailFromSlices');
  return () => (p) => ({ ledger, p });
}

/** Each batch of partners is replayed from its slice of `store` (and of the partners file) with detail. */
export function detailFromSlices(program: Program, ledger: Ledger, store: EventStore, partners: PartnerTable | undefined): DetailSource {
  return (ps) => {
    const ids = ps.map((p) => ledger.partners[p]?.id ?? '');
    const slice = partnersSlice(store, ids);
    const batch = replay(program, slice, partnersTableSlice(partners, ids), { detail: true });
    const index = new Map(batch.partners.map((x, i) => [x.id, i]));
    return (p) => {
      const id = ledger.partners[p]?.id ?? '';
      const at = index.get(id);
      if (at === undefined) throw new Error(`detailFromSlices: partner ${id} missing from its own slice`);
      return { ledger: batch, p: at };
    };
  };
}
