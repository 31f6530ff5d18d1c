/**
 * The people who sell for each synthetic partner, for a design with a seller programme
 * (`individuals:`): a roster whose size follows the partner's expected activity (a few
 * people at the smallest partner, dozens at the largest), and a long-tailed (Zipf) draw of
 * who did a row, so a partner's top seller does far more than its median one, as in real
 * channels.
 *
 * A roster is a number, not a list: seller k of partner P00042 is `P00042-S07` (k = 7,
 * two digits at least), S01 the most active. Its size needs no draw (it comes from the
 * partner's size and its segment's pace), and who did a row is one draw of the shared
 * seeded generator, so the same seed gives the same people.
 */
import { cumulative, type Random } from './random.js';

/** People per unit of expected activity (the partner's size × its segment's pace, mean about 1). */
export const SELLERS_PER_ACTIVITY = 4;
/** Every partner has at least this many sellers. */
export const MIN_SELLERS = 2;
/** No partner has more (three digits in the id). */
export const MAX_SELLERS = 999;
/** Zipf exponent: seller k's weight is 1 / k^s. */
export const ZIPF_EXPONENT = 1;

/** How many people sell for a partner of this size (mean-one log-normal) and segment pace. */
export function rosterSize(size: number, pace: number): number {
  return Math.min(MAX_SELLERS, MIN_SELLERS + Math.floor(SELLERS_PER_ACTIVITY * size * pace));
}

/** The Zipf weights of a roster of n, seller 1 first: 1, 1/2^s, ..., 1/n^s. */
export function zipfWeights(n: number): number[] {
  return Array.from({ length: n }, (_, k) => 1 / Math.pow(k + 1, ZIPF_EXPONENT));
}

/** The person id of seller `k` (1-based) of `partner`. */
export function sellerId(partner: string, k: number): string {
  return `${partner}-S${String(k).padStart(2, '0')}`;
}

/** Draws the seller of a row from a partner's roster; each roster size's weights are built once per generator run. */
export class SellerDraw {
  private readonly tables = new Map<number, Float64Array>();

  constructor(private readonly rng: Random) {}

  /** A seller (1-based rank) of a roster of `n`. */
  draw(n: number): number {
    let table = this.tables.get(n);
    if (table === undefined) this.tables.set(n, (table = cumulative(zipfWeights(n))));
    return this.rng.pick(table) + 1;
  }
}
