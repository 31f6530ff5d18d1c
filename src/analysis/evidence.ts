/**
 * "No evidence, no pass": whether a replay rests on enough of the history to mean
 * anything. Every guardrail holds on an empty replay (no cost is under any budget), so a
 * CI gate must know when the history gave it nothing to measure. Three rules, each a
 * finding with the counts that broke it:
 *
 * - `no-events-in-program`: the replay scored no event inside the program's dates
 *   (every row skipped as bad, or the whole history dated before or after the program);
 * - `too-many-skipped-rows`: more rows were skipped as bad than the limit allows
 *   (`--max-skipped`, 1% of the rows read unless told);
 * - `short-history`: the history's events inside the program span fewer than half of
 *   the program's calendar months (see `coverage` below for the exact count).
 *
 * `check` fails on any finding; the other replaying commands print them as warnings.
 * Pure: the caller passes the counts (reader, ledger) and the span of the history's days.
 */
import type { Ledger } from '../engine/ledger.js';
import { formatCount, formatCounted, formatPercent } from '../format/number.js';
import type { DatedSpan } from '../history/dated-span.js';
import { formatDay, parseDay } from '../history/day.js';
import type { Program } from '../program/program.js';

/** How many skipped rows are tolerated: a share of the rows read (in percent, 0-100), or a number of rows. */
export type SkippedLimit = { readonly kind: 'percent'; readonly percent: number } | { readonly kind: 'rows'; readonly rows: number };

/**
 * One bad row in a hundred: an export with a stray line or two passes; a history whose
 * dates were misread (every row skipped) or a wrong column mapping does not.
 */
export const DEFAULT_MAX_SKIPPED: SkippedLimit = { kind: 'percent', percent: 1 };

export type EvidenceCode = 'no-events-in-program' | 'too-many-skipped-rows' | 'short-history';

export interface EvidenceFinding {
  readonly code: EvidenceCode;
  /** One line, with the counts; the CLI prints it as it is (check: `FAIL  evidence: …`; other commands: `warning: …`). */
  readonly message: string;
}

/** A run of calendar months, both ends included. */
export interface MonthSpan {
  /** ISO dates of the first and last day of the span. */
  readonly from: string;
  readonly to: string;
  /** Calendar months from `from`'s month to `to`'s month, both included (a partial month counts whole). */
  readonly months: number;
}

export interface Evidence {
  /** No finding. */
  readonly passed: boolean;
  /** Data rows of the history file: the rows kept and the rows skipped. */
  readonly rows: number;
  readonly skippedRows: number;
  /** The limit on skipped rows, in rows (a share is applied to `rows`: 1% of 250 rows is 2.5). */
  readonly maxSkippedRows: number;
  /** Events the replay scored inside the program's dates (`Ledger.events`). */
  readonly events: number;
  /** Events dated before `program.starts` or after `program.ends` (`Ledger.ignoredEvents`). */
  readonly outsideEvents: number;
  /** The program's span: `starts` to `ends`, or to the history's last event day when the design has no `ends` (as the replay's calendar). */
  readonly program: MonthSpan;
  /** The history's first to last event dated inside the program; null when none is. */
  readonly covered: MonthSpan | null;
  readonly findings: readonly EvidenceFinding[];
}

export interface EvidenceFacts {
  /** The program's dates (`program.starts`, `program.ends`). */
  readonly program: Pick<Program['program'], 'starts' | 'ends'>;
  /** What the reader counted: data rows read (kept + skipped) and rows skipped as bad. */
  readonly reading: { readonly rows: number; readonly skippedRows: number };
  /** The replay's counts. */
  readonly ledger: Pick<Ledger, 'events' | 'ignoredEvents'>;
  /** The history's days against the program's dates (`datedSpan`). */
  readonly span: DatedSpan;
}

export interface EvidenceOptions {
  readonly maxSkipped?: SkippedLimit;
}

export function assessEvidence(facts: EvidenceFacts, options: EvidenceOptions = {}): Evidence {
  const { program, reading, ledger, span } = facts;
  const limit = options.maxSkipped ?? DEFAULT_MAX_SKIPPED;
  const findings: EvidenceFinding[] = [];
  const dates = programDates(program);

  if (ledger.events === 0 || span.first === undefined || span.last === undefined) {
    findings.push({
      code: 'no-events-in-program',
      message:
        `no event of the history falls inside the program (${dates}): ` +
        `${formatCounted(reading.rows, 'history row')} read, ${formatCount(reading.skippedRows)} skipped as bad rows, ` +
        `${formatCount(ledger.ignoredEvents)} dated outside the program`,
    });
  }

  const maxSkippedRows = limit.kind === 'percent' ? (limit.percent * reading.rows) / 100 : limit.rows;
  if (reading.rows > 0 && exceeds(reading.skippedRows, reading.rows, limit)) {
    findings.push({
      code: 'too-many-skipped-rows',
      message:
        `${formatCount(reading.skippedRows)} of ${formatCounted(reading.rows, 'history row')} ` +
        `(${formatPercent(reading.skippedRows / reading.rows)}) were skipped as bad rows; at most ${describeSkippedLimit(limit)} may be (--max-skipped)`,
    });
  }

  const starts = dayOf(program.starts);
  const end = program.ends !== undefined ? dayOf(program.ends) : Math.max(starts, span.historyLast ?? starts);
  const programSpan = monthSpan(starts, end);
  const covered = span.first !== undefined && span.last !== undefined ? monthSpan(span.first, span.last) : null;
  // Only with events inside: with none, the first rule has already said all there is.
  if (covered !== null && ledger.events > 0 && 2 * covered.months < programSpan.months) {
    const endNote = program.ends === undefined ? ' (the history\'s last event: the design has no `ends`)' : '';
    findings.push({
      code: 'short-history',
      message:
        `the history covers ${covered.months} of the program's ${formatCounted(programSpan.months, 'month')}, less than half: ` +
        `its events inside the program run from ${covered.from} to ${covered.to}, the program from ${programSpan.from} to ${programSpan.to}${endNote}`,
    });
  }

  return {
    passed: findings.length === 0,
    rows: reading.rows,
    skippedRows: reading.skippedRows,
    maxSkippedRows,
    events: ledger.events,
    outsideEvents: ledger.ignoredEvents,
    program: programSpan,
    covered,
    findings,
  };
}

/** `1%`, `0.5%`, `20 rows`, `1 row`. */
export function describeSkippedLimit(limit: SkippedLimit): string {
  return limit.kind === 'percent' ? `${limit.percent}%` : formatCounted(limit.rows, 'row');
}

/**
 * `--max-skipped`: `N%` (a share of the rows read, 0% to 100%; `100%` turns the rule
 * off) or a plain whole number of rows. A problem comes back as a message.
 */
export function parseSkippedLimit(text: string): SkippedLimit | { readonly problem: string } {
  const value = text.trim();
  const expected = 'expected a share of the rows like 1% (0% to 100%) or a whole number of rows like 20';
  if (value.endsWith('%')) {
    const digits = value.slice(0, -1).trim();
    const percent = /^\d+(\.\d+)?$/.test(digits) ? Number(digits) : NaN;
    if (!Number.isFinite(percent) || percent > 100) return { problem: expected };
    return { kind: 'percent', percent };
  }
  if (!/^\d+$/.test(value)) return { problem: expected };
  const rows = Number(value);
  if (!Number.isSafeInteger(rows)) return { problem: expected };
  return { kind: 'rows', rows };
}

export function isSkippedLimit(value: SkippedLimit | { readonly problem: string }): value is SkippedLimit {
  return !('problem' in value);
}

/** skipped > percent% of rows, in whole numbers: 0.29 × 100 is 28.999…96 in floating point, 29 × 100 is 2900. */
function exceeds(skipped: number, rows: number, limit: SkippedLimit): boolean {
  return limit.kind === 'percent' ? skipped * 100 > limit.percent * rows : skipped > limit.rows;
}

function programDates(program: Pick<Program['program'], 'starts' | 'ends'>): string {
  return program.ends === undefined ? `from ${program.starts}, no end` : `${program.starts} to ${program.ends}`;
}

function dayOf(iso: string): number {
  const day = parseDay(iso);
  // A design that loaded has valid dates (the loader rejects the rest).
  return typeof day === 'number' ? day : 0;
}

/** Calendar-month index of a day: year × 12 + month (0-11). */
function monthIndex(day: number): number {
  const iso = formatDay(day);
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

function monthSpan(from: number, to: number): MonthSpan {
  return { from: formatDay(from), to: formatDay(to), months: monthIndex(to) - monthIndex(from) + 1 };
}
