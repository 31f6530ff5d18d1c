/**
 * Small designs and histories for the engine's rule tests: a quarterly 2024 program with
 * one category and one tier unless the test says otherwise.
 */
import { buildPartners, buildStore, type PlainRow } from '../../src/history/store-builder.js';
import type { EventStore, PartnerTable } from '../../src/history/event-store.js';
import { deepFreeze, type Program } from '../../src/program/program.js';
import { programSchema } from '../../src/program/schema.js';
import type { DetailedLedger, Ledger } from '../../src/engine/ledger.js';
import { replay, type ReplayOptions } from '../../src/engine/replay.js';

export function design(parts: Record<string, unknown>): Program {
  return deepFreeze(
    programSchema.parse({
      pointsmith: 1,
      program: { name: 'Test', starts: '2024-01-01', ends: '2024-12-31' },
      calendar: { period: 'quarter', tier_window: 'trailing_4' },
      categories: { main: {} },
      activities: { x: { category: 'main', points: 1 } },
      tiers: [{ name: 'Base', min_points: 0 }],
      ...parts,
    }),
  );
}

/** A detailed replay of `rows` (the default); with `{ detail: false }` the ledger is lean and only its Ledger fields may be read. */
export function run(
  program: Program,
  rows: readonly PlainRow[],
  partners?: readonly PlainRow[],
  options?: ReplayOptions,
): { ledger: DetailedLedger; store: EventStore; table: PartnerTable | undefined } {
  const store = buildStore(rows);
  const table = partners !== undefined ? buildPartners(partners) : undefined;
  // The cast: a lean replay (detail: false) is asked for only by tests that read the lean fields.
  return { ledger: replay(program, store, table, options) as DetailedLedger, store, table };
}

/** Values of a partner × period array for partner p. */
export function perPeriod(ledger: Ledger, arr: ArrayLike<number>, p = 0): number[] {
  const T = ledger.periods.length;
  return Array.from({ length: T }, (_, t) => arr[p * T + t] ?? Number.NaN);
}

/** Values of a partner × period × activity array for partner p and an activity, per period. */
export function perActivity(ledger: Ledger, arr: ArrayLike<number>, activity: string, p = 0): number[] {
  const T = ledger.periods.length;
  const A = ledger.activityIds.length;
  const a = ledger.activityIds.indexOf(activity);
  return Array.from({ length: T }, (_, t) => arr[(p * T + t) * A + a] ?? Number.NaN);
}

export function row(partner: string, date: string, activity: string, extra: Record<string, string | number> = {}): PlainRow {
  return { partner_id: partner, date, activity, ...extra };
}
