/**
 * Several history files as one store (`--history A --history B`, or a manifest's list):
 * ids and dimension values are re-interned, and row numbers are offset by the rows of the
 * files before, so the events sort exactly as they would in the files written end to end.
 * Row and line numbers are for messages, which each file's checks gave before this step.
 */
import type { DimensionColumn, EventStore } from './event-store.js';
import { StoreAccumulator } from './store-accumulator.js';

/** `rows[i]` is the data-row count of file i (events plus rows left out), for the offsets. */
export function concatStores(stores: readonly EventStore[], rows: readonly number[]): EventStore {
  if (stores.length === 1) return stores[0] as EventStore;
  const dimensionNames = [...new Set(stores.flatMap((s) => Object.keys(s.dimensions)))];
  const acc = new StoreAccumulator(dimensionNames);
  let offset = 0;
  stores.forEach((store, f) => {
    copyEvents(acc, dimensionNames, store, offset, partnerKey(store.partnerIds, store), false);
    offset += rows[f] ?? store.size;
  });
  return acc.finish({});
}

/** The key of each event by its partner code: `ids[code]` (the partner id, or a renamed one). */
export function partnerKey(ids: readonly string[], store: EventStore): (event: number) => string {
  return (event) => ids[store.partner[event] as number] as string;
}

/**
 * Adds every event of `store` to `acc` (whose dimensions are `dimensionNames`), rows offset
 * by `offset`, keyed `keyOf(event)` (null: left out): by concatStores, by the name join
 * (partner-names.ts), which renames partners and keeps the file's lines (`keepLines`), and
 * by the person view (person-store.ts), which keys each event by its seller.
 */
export function copyEvents(acc: StoreAccumulator, dimensionNames: readonly string[], store: EventStore, offset: number, keyOf: (event: number) => string | null, keepLines: boolean): void {
  const values = new Array<string>(dimensionNames.length);
  const dims: (DimensionColumn | undefined)[] = dimensionNames.map((name) => store.dimensions[name]);
  for (let i = 0; i < store.size; i++) {
    const key = keyOf(i);
    if (key === null) continue;
    for (let d = 0; d < dims.length; d++) {
      const column = dims[d];
      values[d] = column === undefined ? '' : (column.values[column.codes[i] as number] as string);
    }
    const row = offset + (store.row[i] as number);
    const line = keepLines ? (store.line?.[i] ?? row + 1) : row + 1;
    acc.add(key, store.day[i] as number, store.activityIds[store.activity[i] as number] as string, store.quantity[i] as number, store.amount[i] as number, row, line, values);
  }
}
