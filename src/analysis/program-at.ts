/**
 * The version of the design in force at period t (dated changes, src/program/versions.ts):
 * what a report that explains period t (a tier's accelerator, the gap to the next tier at
 * the last evaluation, the price of closing it) must read, so that it states the rules the
 * engine applied, not the design as first written. The design itself without changes.
 */
import type { Ledger } from '../engine/ledger.js';
import type { Program } from '../program/program.js';

export function programAt(ledger: Pick<Ledger, 'program' | 'versionPrograms' | 'periodVersion'>, t: number): Program {
  return ledger.versionPrograms[ledger.periodVersion[t] ?? 0] ?? ledger.program;
}
