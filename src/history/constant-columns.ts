/**
 * Constant dimension columns (`constant: { region: EMEA }`): a file exported per region
 * or per product line says so once, not on every row. Added to the built store as a
 * dimension whose every code is the one value, so the reader's per-row work is unchanged.
 */
import type { DimensionColumn, EventStore } from './event-store.js';

export function addConstantColumns(store: EventStore, constants: Readonly<Record<string, string>>): EventStore {
  const entries = Object.entries(constants);
  if (entries.length === 0) return store;
  const dimensions: Record<string, DimensionColumn> = { ...store.dimensions };
  // Code 0 of a dimension is the blank value; code 1 is the constant.
  for (const [column, value] of entries) dimensions[column] = { values: ['', value], codes: new Uint32Array(store.size).fill(1) };
  return { ...store, dimensions };
}
