/**
 * Best of tracks at the score level (`tracks.mode: best` where a track has `set`): the
 * partner is scored under every track's program (the design with the track's `set` and
 * its thresholds: compile.ts `trackPrograms`), each with its own points, caps, tiers and
 * grace over the same history, and at each evaluation keeps the track with the higher
 * tier, then the higher window total, then the first listed.
 *
 * The merged ledger's scoring figures of a period (earned, window points, tiers, costs,
 * and in detail the per-activity and per-category figures) are the kept track's for that
 * period. There is one balance, not one per track: redemption then runs once over the
 * merged `earned` (replay.ts), so earned = redeemed + expired + balance holds per partner.
 * The window total the tier read is the kept track's own, which need not be the sum of
 * the merged `earned` over the window when the kept track changed inside it.
 */
import type { CompiledProgram } from './compile.js';
import { allocateLedgerArrays, SCORED_DETAIL, SCORED_PARTNER_PERIOD, type LedgerArrays } from './ledger-arrays.js';
import { score, type ScoreCounts } from './score.js';

/** Scores every track's program into arrays of its own and merges them into `L` (redemption is left to the caller). */
export function scoreBestTrack(c: CompiledProgram, L: LedgerArrays): ScoreCounts {
  const runs: LedgerArrays[] = [];
  let counts: ScoreCounts = { ignoredEvents: 0, unknownActivityEvents: 0 };
  c.trackPrograms.forEach((track, j) => {
    const arrays = allocateLedgerArrays(track, L.detail);
    const scored = score(track, arrays, null);
    // Every track replays the same events over the same calendar and activities: the counts of one are the counts.
    if (j === 0) counts = scored;
    runs.push(arrays);
  });
  const { P, T, N } = L;
  const width = { A: L.A, C: L.C };
  for (let p = 0; p < P; p++) {
    let last = 0;
    for (let t = 0; t < T; t++) {
      const i = p * T + t;
      const k = keptTrack(runs, i);
      last = k;
      const from = runs[k] as LedgerArrays;
      for (const key of SCORED_PARTNER_PERIOD) L[key][i] = from[key][i] as number;
      L.trackKept[i] = k;
      if (!L.detail) continue;
      for (const [key, dim] of SCORED_DETAIL) {
        const w = width[dim];
        L[key].set(from[key].subarray(i * w, (i + 1) * w), i * w);
      }
      for (let j = 0; j < N; j++) {
        const run = runs[j] as LedgerArrays;
        L.trackWindowPoints[i * N + j] = run.windowPoints[i] as number;
        L.trackTiers[i * N + j] = run.tier[i] as number;
      }
    }
    // The multipliers met: those of the track kept at the last evaluation (a track's `set` may change them).
    if (L.detail) L.appliedFactors[p] = (runs[last] as LedgerArrays).appliedFactors[p] ?? [];
    // The clawbacks booked: each period's, from the track kept in that period (as its clawedBack is).
    if (L.detail) {
      const kept = runs.flatMap((run, j) => (run.clawbacks[p] ?? []).filter((c) => L.trackKept[p * T + c.t] === j));
      if (kept.length > 0) L.clawbacks[p] = kept.sort((a, b) => a.t - b.t);
    }
  }
  return counts;
}

/** The track kept at partner-period i: the higher held tier, then the higher window total; ties keep the first listed. */
function keptTrack(runs: readonly LedgerArrays[], i: number): number {
  let best = 0;
  for (let j = 1; j < runs.length; j++) {
    const run = runs[j] as LedgerArrays;
    const kept = runs[best] as LedgerArrays;
    const tier = run.tier[i] as number;
    const keptTier = kept.tier[i] as number;
    if (tier > keptTier || (tier === keptTier && (run.windowPoints[i] as number) > (kept.windowPoints[i] as number))) best = j;
  }
  return best;
}
