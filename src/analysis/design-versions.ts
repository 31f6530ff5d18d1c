/**
 * The dated changes of a replayed design (`changes:`, src/program/versions.ts) as every
 * report lists them: each change's dates, notice and what it sets, and the periods whose
 * evaluation its version read (the ledger's `periodVersion`). One helper, so run,
 * transition, compare and explain say the same thing.
 */
import type { Ledger } from '../engine/ledger.js';
import { daysBetween } from '../history/day.js';

export interface DesignChange {
  /** 1 for the first change (version 0 is the design as written). */
  version: number;
  effective: string;
  announced: string | null;
  /** Days between announced and effective; null without `announced`. */
  notice_days: number | null;
  /** True when `program.notice_days` is set and this notice is shorter (or missing). */
  short_notice: boolean;
  description: string | null;
  /** Path → value, in the design's order. */
  set: Record<string, string | number | boolean | null>;
  /** Labels of the periods evaluated under this version (its first period may hold rows of the version before). */
  periods: string[];
}

export function designChanges(ledger: Pick<Ledger, 'program' | 'periods' | 'periodVersion'>): DesignChange[] | null {
  const changes = ledger.program.changes ?? [];
  if (changes.length === 0) return null;
  const promised = ledger.program.program.notice_days;
  return changes.map((change, i) => {
    const notice = change.announced !== undefined ? (daysBetween(change.announced, change.effective) ?? null) : null;
    return {
      version: i + 1,
      effective: change.effective,
      announced: change.announced ?? null,
      notice_days: notice,
      short_notice: promised !== undefined && (notice === null || notice < promised),
      description: change.description ?? null,
      set: { ...change.set },
      periods: ledger.periods.filter((_, t) => ledger.periodVersion[t] === i + 1).map((p) => p.label),
    };
  });
}

/** `a = 1, b = 2`: what a change sets, as one line. */
export function setText(set: DesignChange['set']): string {
  return Object.entries(set)
    .map(([path, value]) => `${path} = ${String(value)}`)
    .join(', ');
}

/** One line per change for text reports: "From 2025-08-15 (announced 2025-05-01, 106 days' notice): deals earn more — activities.deal_closed.points = 300; evaluates 2025-Q3, 2025-Q4". */
export function changeLines(changes: readonly DesignChange[] | null | undefined): string[] {
  return (changes ?? []).map((c) => {
    const notice =
      c.announced === null ? 'not announced' : `announced ${c.announced}, ${c.notice_days} days' notice${c.short_notice ? ', shorter than promised' : ''}`;
    const periods = c.periods.length > 0 ? `; evaluates ${c.periods.join(', ')}` : '; evaluates no period';
    return `From ${c.effective} (${notice}): ${c.description !== null ? `${c.description} — ` : ''}${setText(c.set)}${periods}`;
  });
}
