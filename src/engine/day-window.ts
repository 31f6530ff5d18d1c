/**
 * `tier_window: last_N_days`: the tier window holds the points of the last N days up to
 * each evaluation's day (the period's last day), not of whole periods, so a monthly
 * evaluation tells a row of 10 March from one of 15 March. The walk journals, per partner,
 * each credit with its day: a row's credit on the row's day, a clawback on the reversing
 * row's day (negative), and what a period credited that belongs to no row (steps, targets,
 * gate releases, best_of adjustments) on the period's last day. The window total is the
 * sum of the entries dated inside the window.
 */
/** The first day of a window of `days` days ending on `end` (both included). */
export function dayWindowStart(end: number, days: number): number {
  return end - days + 1;
}

/** N of `tier_window: last_N_days`, else 0 (a window of whole periods). */
export function windowDaysOf(tierWindow: string): number {
  const days = /^last_(\d+)_days$/.exec(tierWindow);
  return days !== null ? Number(days[1]) : 0;
}

export class DayWindow {
  readonly days: number;
  /** Per period, its last day. */
  readonly #periodEnd: Int32Array;
  /** The partner's entries: day and points, in period order; #start[t] is period t's first. */
  readonly #day: Int32Array;
  readonly #points: Float64Array;
  readonly #start: Int32Array;
  #n = 0;

  constructor(days: number, periodEnd: Int32Array, maxPartnerEvents: number) {
    this.days = days;
    this.#periodEnd = periodEnd;
    // Every row credits at most once and is taken back at most once; a period adds one entry more.
    const capacity = 2 * maxPartnerEvents + periodEnd.length + 1;
    this.#day = new Int32Array(capacity);
    this.#points = new Float64Array(capacity);
    this.#start = new Int32Array(periodEnd.length + 1);
  }

  /** Forgets the previous partner's entries. */
  begin(): void {
    this.#n = 0;
  }

  /** Opens period t's entries. */
  open(t: number): void {
    this.#start[t] = this.#n;
  }

  add(day: number, points: number): void {
    if (points === 0) return;
    const n = this.#n++;
    this.#day[n] = day;
    this.#points[n] = points;
  }

  /** Adds period t's credit that belongs to no row, on the period's last day. */
  addPeriodEnd(t: number, points: number): void {
    this.add(this.#periodEnd[t] as number, points);
  }

  /** The points dated in the N days ending with period t's last day; `from` is the first period the window overlaps. */
  sum(t: number, from: number): number {
    const cutoff = dayWindowStart(this.#periodEnd[t] as number, this.days);
    let total = 0;
    for (let j = this.#start[from] as number; j < this.#n; j++) if ((this.#day[j] as number) >= cutoff) total += this.#points[j] as number;
    return total;
  }
}
