/**
 * Which days `generate` writes. Each bound is taken, in this order, from:
 *   1. the flag (`--from`, `--to`), when given;
 *   2. the design given with `--program`: `program.starts`, `program.ends`;
 *   3. the default: from 2024-01-01; to two years after the first day, less one day
 *      (2024-01-01 → 2025-12-31), the span `pointsmith init --yes` writes.
 * So `generate --program X` writes rows exactly inside X's dates, and a history made
 * without flags covers the starter design `init --yes` writes.
 */
import { daysFromCivil, formatDay, parseDay } from '../day.js';

export const DEFAULT_FROM = '2024-01-01';
/** Length of the default span, in years. */
export const DEFAULT_YEARS = 2;

export interface SpanInput {
  /** Flags as given (undefined when absent). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** The design's `program.starts` / `program.ends`, when a design is given. */
  readonly starts?: string | undefined;
  readonly ends?: string | undefined;
}

export type SpanSource = 'flag' | 'design' | 'default';

export interface Span {
  readonly from: string;
  readonly to: string;
  readonly fromSource: SpanSource;
  readonly toSource: SpanSource;
}

/** The last day of `years` years starting on `from` (YYYY-MM-DD): 2024-01-01, 2 → 2025-12-31. */
export function spanEnd(from: string, years: number): string {
  const day = parseDay(from);
  if (typeof day !== 'number') throw new Error(`spanEnd: not a date: ${from}`);
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  // 29 February + whole years lands on 1 March when the year is not a leap year.
  const next = daysFromCivil(y + years, m, d);
  return formatDay(next - 1);
}

export function resolveSpan(input: SpanInput): Span {
  const fromSource: SpanSource = input.from !== undefined ? 'flag' : input.starts !== undefined ? 'design' : 'default';
  const from = input.from ?? input.starts ?? DEFAULT_FROM;
  const toSource: SpanSource = input.to !== undefined ? 'flag' : input.ends !== undefined ? 'design' : 'default';
  const to = input.to ?? input.ends ?? spanEnd(from, DEFAULT_YEARS);
  return { from, to, fromSource, toSource };
}

/**
 * Days the span writes outside the design's dates (rows `run` would ignore): a note per
 * side, empty when the span lies inside `starts..ends`. Dates are YYYY-MM-DD, so they
 * compare as text.
 */
export function outsideDesign(span: Span, starts: string, ends: string | undefined): string[] {
  const notes: string[] = [];
  if (span.from < starts) notes.push(`--from ${span.from} is before the design starts (${starts}): rows before it are ignored by run`);
  if (ends !== undefined && span.to > ends) notes.push(`--to ${span.to} is after the design ends (${ends}): rows after it are ignored by run`);
  return notes;
}
