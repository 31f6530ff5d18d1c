/** Sum of `values[(row × T + s) × width + j]` for s in [from, to]: a partner's figure over a tier window. */
export function windowSum(values: Float64Array, row: number, T: number, width: number, j: number, from: number, to: number): number {
  let sum = 0;
  for (let s = from; s <= to; s++) sum += values[(row * T + s) * width + j] as number;
  return sum;
}
