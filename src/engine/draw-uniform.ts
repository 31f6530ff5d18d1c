/**
 * The uniform numbers behind the redemption draws: one base number per (seed, partner,
 * period, reward), a pure function of those four (a counter-based generator), and draw i
 * of a family of N draws takes it shifted by i/N (mod 1).
 *
 * Why shifted, not one fresh number per draw: each draw still sees independent uniform
 * numbers across partners, periods and rewards (the base numbers are), so each is a
 * valid draw of the model; but over the N draws of a family every Bernoulli ask is
 * stratified (a unit asked with probability 0.3 is asked in 30 % ± 1/N of the draws, not
 * 30 % ± 11 % as with 16 independent draws). So the mean of a family is a far closer
 * estimate of the expectation for the same work (Latin-hypercube sampling), and one hash
 * per (partner, period, reward) serves every draw.
 *
 * Why not a sequential generator (pure-rand's xoroshiro, as `generate` uses): a draw's
 * number must not depend on how many numbers were drawn before it. With a sequential
 * stream, a partner's draws would shift when another partner is added, when a design
 * change gives a partner one more period of earnings, or when partners are visited in
 * another order; with these, the same partner, draw, period and reward always see the
 * same number. That is what lets `sensitivity` and `compare` difference two designs with
 * common random numbers (the change, not the dice, moves the figure), and what makes a
 * replay repeatable, so a ledger can compute its per-partner units lazily by redeeming
 * again. pure-rand has no counter-based generator.
 *
 * The mixing is Chris Wellons' "lowbias32" finaliser (bias 0.17 of the best known),
 * chained over the counters; 2^-32 resolution is plenty for the Bernoulli draws it feeds.
 */

function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The per-(seed, partner) key; `partnerKey` is a hash of the partner id (stable whatever the partner's index). */
export function streamKey(seed: number, partnerKey: number): number {
  return mix32(mix32(seed >>> 0) ^ partnerKey);
}

/** The base uniform number in [0, 1) for period `t` and reward `r` of the stream `key`. */
export function drawUniform(key: number, t: number, r: number): number {
  return mix32(key ^ mix32(Math.imul(t + 1, 0x85ebca77) ^ Math.imul(r + 1, 0xc2b2ae3d))) / 4294967296;
}
