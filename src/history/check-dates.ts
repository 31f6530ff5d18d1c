/**
 * Rows dated outside the program's dates: the engine ignores them, so a history that
 * holds many of them is probably the wrong extract (or the design's dates are wrong).
 * Warnings, not errors: a longer extract than the program is common and harmless.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EventStore } from './event-store.js';
import { parseDay } from './day.js';

function isoOf(store: EventStore, event: number): string {
  const day = store.day[event] as number;
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function checkProgramDates(store: EventStore, starts: string, ends: string | undefined, file: string): Diagnostic[] {
  const first = parseDay(starts);
  const last = ends === undefined ? Infinity : parseDay(ends);
  if (typeof first !== 'number' || typeof last !== 'number') return [];
  const sides = [
    { test: (d: number) => d < first, where: `before the program starts (${starts})`, code: 'csv-row-before-program' },
    { test: (d: number) => d > last, where: `after the program ends (${ends ?? ''})`, code: 'csv-row-after-program' },
  ];
  const diagnostics: Diagnostic[] = [];
  for (const side of sides) {
    let count = 0;
    let earliestRow = -1;
    for (let i = 0; i < store.size; i++) {
      if (!side.test(store.day[i] as number)) continue;
      count++;
      if (earliestRow < 0 || (store.row[i] as number) < (store.row[earliestRow] as number)) earliestRow = i;
    }
    if (count === 0) continue;
    const row = store.row[earliestRow] as number;
    diagnostics.push({
      severity: 'warning',
      code: side.code,
      message: `${count} row(s) dated ${side.where} are ignored by the replay; the first is row ${row} (${isoOf(store, earliestRow)})`,
      file,
      line: store.line?.[earliestRow] ?? row + 1,
      col: store.columns?.['date'] ?? 0,
      hint: 'check the extract\'s date range, or the design\'s `program.starts` / `program.ends`',
    });
  }
  return diagnostics;
}
