/**
 * Whole percentages that add up to exactly 100 (largest remainder), so that the keep /
 * up / down / no-equivalent shares a reader adds in their head never come to 101%.
 */

/** Each count's share of their sum in whole percent, summing to 100 (all 0 when the sum is 0); ties go to the earlier entry. */
export function wholePercents(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((n) => (n * 100) / total);
  const out = exact.map((x) => Math.floor(x));
  let left = 100 - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

/** "37%", or "<1%" for a non-zero count whose whole share is 0. */
export function percentText(percent: number, count: number, small = '<1%'): string {
  return count > 0 && percent === 0 ? small : `${percent}%`;
}

/** A row (or column) of counts as percentage texts that add up to 100%: "73%", "27%", "<1%", "0%". */
export function percentTexts(counts: readonly number[], small = '<1%'): string[] {
  return wholePercents(counts).map((p, i) => percentText(p, counts[i] ?? 0, small));
}

/**
 * Money of a breakdown (per segment, per region) in whole units that add up to the whole
 * units of its total, largest remainder first: rounded one by one, six segments could
 * read USD 1,498,558 under a total of USD 1,498,557. `total` is rounded first; when the
 * parts round to less (or more) than it, the parts closest to the next unit move.
 */
export function wholeUnits(values: readonly number[], total: number): number[] {
  const target = Math.round(total);
  const out = values.map((v) => Math.floor(v));
  let left = target - out.reduce((a, b) => a + b, 0);
  const order = values.map((v, i) => ({ i, rest: v - Math.floor(v) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k++, left--) {
    const i = order[k % order.length]?.i ?? 0;
    out[i] = (out[i] ?? 0) + 1;
  }
  for (let k = order.length - 1; left < 0 && order.length > 0; k--, left++) {
    const i = order[((k % order.length) + order.length) % order.length]?.i ?? 0;
    out[i] = (out[i] ?? 0) - 1;
  }
  return out;
}
