/**
 * The level each partner holds in the levels program being replaced (`legacy:`).
 *
 * A partners file with a `legacy_level` cell wins: it is what the partner was actually
 * told. Otherwise the level is computed the way levels programs assess partners:
 *   - revenue: the sum of `amount` over the legacy fiscal year, which is the fiscal year
 *     (from `calendar.fiscal_year_start`) that contains the history's last event day
 *     (or the program's end, when rows run past it);
 *   - certified people: distinct `person_id` values on the certified activity
 *     (`legacy.certified_activity`, default `cert_earned`) anywhere in the history,
 *     because a certification does not lapse with the fiscal year;
 *   - the level is the highest one (in the order the design lists them, low to high)
 *     whose revenue and certified minimums are both met; `(none)` when none is.
 */
import type { EventStore } from '../history/event-store.js';
import { daysFromCivil, formatDay, parseDay } from '../history/day.js';
import type { Program } from '../program/program.js';
import { NONE, type LegacySource } from './transition-types.js';

export const DEFAULT_CERTIFIED_ACTIVITY = 'cert_earned';

export interface LegacyAssessment {
  level: string;
  source: LegacySource;
  revenue: number;
  certified: number;
}

export interface LegacyLevels {
  byPartner: Map<string, LegacyAssessment>;
  /** Legacy fiscal year, ISO dates inclusive. */
  revenueFrom: string;
  revenueTo: string;
  certifiedActivity: string;
  warnings: string[];
}

export interface LegacyPartnerInput {
  readonly id: string;
  /** From the partners file; blank when absent. */
  readonly legacyLevel: string;
}

type LegacyDesign = NonNullable<Program['legacy']>;

/** The fiscal year (first and last day, inclusive) that contains `day`. */
export function fiscalYearContaining(fiscalYearStart: string, day: number): { from: number; to: number } {
  const month = Number(fiscalYearStart.slice(0, 2));
  const dom = Number(fiscalYearStart.slice(3, 5));
  const year = Number(formatDay(day).slice(0, 4));
  let from = daysFromCivil(year, month, dom);
  if (from > day) from = daysFromCivil(year - 1, month, dom);
  const fromYear = Number(formatDay(from).slice(0, 4));
  return { from, to: daysFromCivil(fromYear + 1, month, dom) - 1 };
}

/** The highest level whose minimums are met, or `(none)`. */
export function levelFor(legacy: LegacyDesign, revenue: number, certified: number): string {
  let level = NONE;
  for (const l of legacy.levels) if (revenue >= l.revenue && certified >= l.certified) level = l.name;
  return level;
}

export function assessLegacyLevels(
  program: Program,
  store: EventStore,
  partners: readonly LegacyPartnerInput[],
): LegacyLevels {
  const legacy = program.legacy;
  if (legacy === undefined) throw new Error('assessLegacyLevels: the design has no `legacy:` section');
  const certifiedActivity = legacy.certified_activity ?? DEFAULT_CERTIFIED_ACTIVITY;
  const warnings: string[] = [];
  // The history's last day, but never past the program's end: rows after it are not replayed.
  const ends = program.program.ends !== undefined ? parseDay(program.program.ends) : undefined;
  const fallback = daysFromCivil(Number(program.program.starts.slice(0, 4)), 12, 31);
  const lastDay = Math.min(store.size > 0 ? store.lastDay : fallback, typeof ends === 'number' ? ends : Infinity);
  const year = fiscalYearContaining(program.calendar.fiscal_year_start, lastDay);

  const certCode = store.activityIds.indexOf(certifiedActivity);
  const person = store.dimensions['person_id'];
  const storeIndex = new Map<string, number>();
  store.partnerIds.forEach((id, p) => storeIndex.set(id, p));
  const names = new Map(legacy.levels.map((l) => [l.name.toLowerCase(), l.name]));

  const byPartner = new Map<string, LegacyAssessment>();
  const unknown = new Set<string>();
  for (const partner of partners) {
    const p = storeIndex.get(partner.id);
    let revenue = 0;
    let certified = 0;
    if (p !== undefined) {
      const people = new Set<number>();
      const end = store.partnerStart[p + 1] ?? store.partnerStart[p] ?? 0;
      for (let e = store.partnerStart[p] ?? 0; e < end; e++) {
        const day = store.day[e] ?? 0;
        if (day >= year.from && day <= year.to) revenue += store.amount[e] ?? 0;
        if (store.activity[e] === certCode) {
          if (person === undefined) certified += store.quantity[e] ?? 0;
          else {
            const code = person.codes[e] ?? 0;
            if (code !== 0) people.add(code);
          }
        }
      }
      if (person !== undefined) certified = people.size;
    }
    const given = partner.legacyLevel.trim();
    if (given !== '') {
      const known = names.get(given.toLowerCase());
      if (known === undefined) unknown.add(given);
      byPartner.set(partner.id, { level: known ?? given, source: 'partners_file', revenue, certified });
    } else {
      byPartner.set(partner.id, { level: levelFor(legacy, revenue, certified), source: 'computed', revenue, certified });
    }
  }
  const computed = [...byPartner.values()].some((a) => a.source === 'computed');
  if (computed && certCode >= 0 && person === undefined) {
    warnings.push(`the history has no person_id column: certified people are counted as ${certifiedActivity} occurrences`);
  }
  for (const level of [...unknown].sort()) {
    warnings.push(`legacy level \`${level}\` in the partners file is not one of legacy.levels (${legacy.levels.map((l) => l.name).join(', ')})`);
  }
  return { byPartner, revenueFrom: formatDay(year.from), revenueTo: formatDay(year.to), certifiedActivity, warnings };
}
