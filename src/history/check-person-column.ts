/**
 * A design with a seller programme (`individuals:`) needs the history's person column.
 * Without it no row names a seller, the seller ledger is empty and `run` would report a
 * seller cost of 0 with exit 0, as a missing `amount` column once did for deals; so a
 * missing column is an error naming the column, the seller activities the file holds and
 * the columns it has.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Program } from '../program/program.js';
import { checkAmountColumn } from './check-amount-column.js';
import type { EventStore } from './event-store.js';

export function checkPersonColumn(store: EventStore, program: Program, file: string): Diagnostic[] {
  const people = program.individuals;
  // A store built by hand (no header known) cannot say; the CSV reader and the cache always set it.
  if (people === undefined || store.columns === undefined || store.columns[people.person_column] !== undefined) return [];
  // Only when this file holds rows the seller programme scores (one of several history files may hold none).
  const held = new Set(store.activityIds);
  const scored = Object.keys(people.activities).filter((id) => held.has(id));
  const first = scored[0];
  if (first === undefined) return [];
  const present = Object.entries(store.columns)
    .sort(([, a], [, b]) => a - b)
    .map(([name]) => name);
  const others = scored.length > 1 ? ` (and ${scored.length - 1} more)` : '';
  return [
    {
      severity: 'error',
      code: 'csv-missing-person-column',
      message: `the seller programme (\`individuals:\`) credits \`${first}\`${others} to the person in \`${people.person_column}\`, but the history has no such column; its columns: ${present.join(', ')}`,
      file,
      line: 1,
      col: 1,
      hint: `add a ${people.person_column} column, name yours with --column ${people.person_column}="Header", or set individuals.person_column`,
    },
  ];
}

/** Every column the design reads that the history lacks (amount, the seller programme's person column): what each command and `validate --history` check. */
export function missingDesignColumns(store: EventStore, program: Program, file: string): Diagnostic[] {
  return [...checkAmountColumn(store, program, file), ...checkPersonColumn(store, program, file)];
}
