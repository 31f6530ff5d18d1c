/**
 * Dated changes (`changes:`): the design as written is version 0, in force before the
 * first change; version i is the design with changes 1..i applied in order (as `--set`
 * applies them). The engine compiles each version against the same history and scores
 * every row with the version in force on its day, every period's evaluation with the
 * version in force on the period's last day (src/engine/compile.ts, score.ts).
 */
import { applySets } from './paths.js';
import { deepFreeze, type Program } from './program.js';
import { programSchema, type Change, type ProgramData } from './schema.js';

/**
 * What a change may set: what the scoring reads per row (an activity's points, rate,
 * multipliers, filter, cap), per period (a category's cap, a tier's threshold,
 * requirements, accelerator, benefits), per redemption (a reward's price in points and
 * vendor cost, read for the period's version), and the promotions. Not what carries state
 * across the change date (steps, targets, gates, best_of, clawbacks, `distinct`, grace,
 * terms, the calendar, expiry, rounding, a reward's capacity, pooled over years), nor a
 * name, id, category or label (the versions' ledgers are one ledger, indexed by position).
 */
const ALLOWED: readonly (readonly string[])[] = [
  ['activities', '*', 'points'],
  ['activities', '*', 'points_per'],
  ['activities', '*', 'multipliers'],
  ['activities', '*', 'where'],
  ['activities', '*', 'cap'],
  ['categories', '*', 'max_points'],
  ['promotions'],
  ['tiers', '*', 'min_points'],
  ['tiers', '*', 'min_points_by'],
  ['tiers', '*', 'requires'],
  ['tiers', '*', 'earn_multiplier'],
  ['tiers', '*', 'benefits'],
  ['rewards', '*', 'cost_points'],
  ['rewards', '*', 'vendor_cost'],
];

/** The kinds of path a change may set, as docs and hints name them. */
export const CHANGE_PATHS = ALLOWED.map((p) => p.join('.'));

/** True when a change may set `path` (see ALLOWED). */
export function changeSetAllows(path: string): boolean {
  const segments = path.split('.');
  const last = segments[segments.length - 1];
  if (last === 'name' || last === 'id') return false;
  return ALLOWED.some((prefix) => prefix.length <= segments.length && prefix.every((s, i) => s === '*' || s === segments[i]));
}

/** The design's changes, in the order they take effect (the semantic rules require the written order to be it). */
export function changesOf(program: Program | ProgramData): readonly Change[] {
  return program.changes ?? [];
}

/**
 * Version `index` (0: the design as written) as a design without `changes`: the changes
 * up to it applied in order. The semantic rules (semantic/changes.ts) have checked that
 * they apply and give a valid design; a failure here is a bug, thrown.
 */
export function versionData(program: Program, index: number): ProgramData {
  const { changes = [], ...rest } = program as ProgramData;
  let data = rest as ProgramData;
  for (const change of changes.slice(0, index)) {
    const applied = applySets(data, Object.entries(change.set), 'changes');
    if (applied.diagnostics.length > 0) throw new Error(`change of ${change.effective}: ${applied.diagnostics[0]?.message ?? ''}`);
    data = applied.data;
  }
  return data;
}

/** Every version as a program of its own, version 0 first; one version when the design has no changes. */
export function versionPrograms(program: Program): readonly Program[] {
  const count = changesOf(program).length + 1;
  return Array.from({ length: count }, (_, i) => deepFreeze(programSchema.parse(versionData(program, i))));
}

/** The design with only the changes in force on `day` (YYYY-MM-DD) or before: `compare --as-of`'s "as is". */
export function asOf(program: Program, day: string): Program {
  const changes = changesOf(program).filter((c) => c.effective <= day);
  const { changes: _all, ...rest } = program as ProgramData;
  return deepFreeze(programSchema.parse(changes.length > 0 ? { ...rest, changes } : rest));
}
