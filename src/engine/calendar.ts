/**
 * The program calendar: evaluation periods aligned to the fiscal year, the tier window
 * of each period, and a day → period lookup table so the scoring loop never searches.
 */
import { daysFromCivil, formatDay, parseDay } from '../history/day.js';
import { dayWindowStart, windowDaysOf } from './day-window.js';
import type { FiscalYear, Period } from './ledger.js';
import type { Program } from '../program/program.js';

const MONTHS: Readonly<Record<string, number>> = { month: 1, quarter: 3, half: 6, year: 12 };

/** A program longer than this many periods is certainly a typo (e.g. `starts: 1024-01-01`). */
const MAX_PERIODS = 2400;

export interface Calendar {
  readonly periods: readonly Period[];
  /** The fiscal years the periods fall in (see FiscalYear). */
  readonly years: readonly FiscalYear[];
  readonly monthsPerPeriod: number;
  readonly periodsPerYear: number;
  /** First and last day replayed (inclusive). Events outside are ignored. */
  readonly firstDay: number;
  readonly lastDay: number;
  /** Period of each day from `firstDay` to `lastDay`: `periodOfDay[day - firstDay]` (-1 past the last period, when the calendar was cut at MAX_PERIODS); never falls as days rise. */
  readonly periodOfDay: Int32Array;
  /** First period of the tier window that ends with period t (inclusive); for a window in days, the first period it overlaps. */
  readonly windowStart: Int32Array;
  /** `tier_window: last_N_days`: N (the window holds the points of the last N days up to each evaluation's day); 0 for a window of whole periods. */
  readonly windowDays: number;
  /**
   * Share of each period's days that the program covers (1 for whole periods; less for a
   * first or last period cut by the program's dates). Yearly amounts spread per period
   * (tier benefits, a yearly reward capacity) are prorated by it, as the budget is.
   */
  readonly coveredShare: Float64Array;
  /**
   * Period n (any n ≥ 0, past the last period too) starts on the day-of-month `day` of
   * month `month0 + n × monthsPerPeriod` of `year` (months rolling into later years, the
   * day clamped to the month): what `periodStartDay` reads, for dates the periods do not
   * reach, such as the end of the period a lot of points expires at.
   */
  readonly anchor: { readonly year: number; readonly month0: number; readonly day: number };
}

export function dayOf(iso: string): number {
  const day = parseDay(iso);
  if (typeof day !== 'number') throw new Error(`not a calendar date: ${iso}`);
  return day;
}

/** Day number of (year, month + k, dom), letting months roll into following years and clamping the day to the month. */
export function monthStart(year: number, month0: number, dom: number): number {
  const y = year + Math.floor(month0 / 12);
  const m = ((month0 % 12) + 12) % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return daysFromCivil(y, m + 1, Math.min(dom, last));
}

/** The first day of period n of the calendar, n ≥ 0 (beyond its last period too). */
export function periodStartDay(calendar: Pick<Calendar, 'anchor' | 'monthsPerPeriod'>, n: number): number {
  const { year, month0, day } = calendar.anchor;
  return monthStart(year, month0 + n * calendar.monthsPerPeriod, day);
}

/**
 * Periods from the one containing `program.starts` to the one containing `program.ends`
 * (or, without `ends`, the last event day of the history; at least one period).
 */
export function buildCalendar(program: Program, historyLastDay: number): Calendar {
  const months = MONTHS[program.calendar.period] ?? 3;
  const [fm, fd] = program.calendar.fiscal_year_start.split('-').map(Number) as [number, number];
  const firstDay = dayOf(program.program.starts);
  const endsIso = program.program.ends;
  const lastDay = endsIso !== undefined ? dayOf(endsIso) : Math.max(firstDay, historyLastDay);

  // Anchor on the fiscal year start at or before `starts`, then step by whole periods.
  const startIso = formatDay(firstDay);
  let fy = Number(startIso.slice(0, 4));
  if (monthStart(fy, fm - 1, fd) > firstDay) fy -= 1;
  let k = 0;
  while (monthStart(fy, fm - 1 + (k + 1) * months, fd) <= firstDay) k++;
  const first = k;

  const calendarYear = fm === 1 && fd === 1;
  const periods: Period[] = [];
  const fiscalOf: number[] = [];
  const years: FiscalYear[] = [];
  for (;;) {
    const start = monthStart(fy, fm - 1 + k * months, fd);
    if (start > lastDay || periods.length >= MAX_PERIODS) break;
    const end = monthStart(fy, fm - 1 + (k + 1) * months, fd) - 1;
    const monthsIntoYear = (k * months) % 12;
    const fiscalYear = fy + Math.floor((k * months) / 12);
    // A fiscal year that does not start on 1 January is named by the calendar year it ends in.
    const fyName = calendarYear ? fiscalYear : fiscalYear + 1;
    const startDate = formatDay(start);
    let label: string;
    if (months === 1) label = startDate.slice(0, 7);
    else if (months === 12) label = `FY${fyName}`;
    else {
      const letter = months === 3 ? 'Q' : 'H';
      const n = monthsIntoYear / months + 1;
      label = calendarYear ? `${fyName}-${letter}${n}` : `FY${fyName}-${letter}${n}`;
    }
    const index = periods.length;
    periods.push(Object.freeze({ index, label, start, end, startDate, endDate: formatDay(end) }));
    const year = years[years.length - 1];
    if (year === undefined || fiscalOf[index - 1] !== fiscalYear) {
      const yearStart = monthStart(fiscalYear, fm - 1, fd);
      const yearEnd = monthStart(fiscalYear + 1, fm - 1, fd) - 1;
      const yearLabel = calendarYear ? String(fyName) : `FY${fyName}`;
      years.push({ label: yearLabel, start: yearStart, end: yearEnd, startDate: formatDay(yearStart), endDate: formatDay(yearEnd), firstPeriod: index, lastPeriod: index });
    } else years[years.length - 1] = { ...year, lastPeriod: index };
    fiscalOf.push(fiscalYear);
    k++;
  }

  const span = Math.max(0, lastDay - firstDay + 1);
  // -1 for the days past the last period when MAX_PERIODS cut the calendar short: their
  // events are ignored like those past the program's end (and periods never fall with days).
  const periodOfDay = new Int32Array(span).fill(-1);
  for (const p of periods) {
    const from = Math.max(p.start, firstDay) - firstDay;
    const to = Math.min(p.end, lastDay) - firstDay;
    for (let d = from; d <= to; d++) periodOfDay[d] = p.index;
  }

  const windowStart = new Int32Array(periods.length);
  const window = program.calendar.tier_window;
  const windowDays = windowDaysOf(window);
  for (let t = 0; t < periods.length; t++) {
    if (window === 'lifetime') windowStart[t] = 0;
    else if (window === 'fiscal_year') {
      let s = t;
      while (s > 0 && fiscalOf[s - 1] === fiscalOf[t]) s--;
      windowStart[t] = s;
    } else if (windowDays > 0) {
      // The first period overlapping the N days that end with period t's last day.
      const from = dayWindowStart((periods[t] as Period).end, windowDays);
      let s = t;
      while (s > 0 && (periods[s - 1] as Period).end >= from) s--;
      windowStart[t] = s;
    } else {
      const n = Number(window.slice('trailing_'.length));
      windowStart[t] = Math.max(0, t - n + 1);
    }
  }

  const coveredShare = Float64Array.from(periods, (p) => Math.max(0, Math.min(p.end, lastDay) - Math.max(p.start, firstDay) + 1) / (p.end - p.start + 1));

  const anchor = Object.freeze({ year: fy, month0: fm - 1 + first * months, day: fd });
  return { periods, years: years.map((y) => Object.freeze(y)), monthsPerPeriod: months, periodsPerYear: 12 / months, firstDay, lastDay, periodOfDay, windowStart, windowDays, coveredShare, anchor };
}
