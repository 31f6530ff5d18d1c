/**
 * `--runs` and `--seed`, the Monte Carlo options `simulate` and `check --at pXX` share,
 * and the runs themselves: score once, then redraw only the redemption per run.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { simulateRuns, type DrawnLedgers, type SimulatedRun } from '../analysis/monte-carlo.js';
import type { CompiledSellers } from '../engine/people/replay-sellers.js';
import type { RedemptionDraws } from '../engine/redemption.js';
import type { CompiledProgram } from '../engine/compile.js';
import type { Ledger } from '../engine/ledger.js';
import { replayRedemption } from '../engine/replay.js';
import type { CommandContext } from './context.js';
import { progressBar } from './progress.js';

/** More runs than this is a typo, not a simulation. */
const MAX_RUNS = 100_000;

function runsArgument(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_RUNS) throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_RUNS}`);
  return n;
}

function seedArgument(value: string): number {
  const n = Number(value);
  // Seeds are 32-bit integers; a larger one would be silently truncated.
  if (!Number.isInteger(n) || n < 0 || n > 0xffff_ffff) throw new InvalidArgumentError('expected a whole number from 0 to 4294967295');
  return n;
}

export function addDrawOptions(command: Command, runs: number, what: string): Command {
  return command
    .addOption(new Option('--runs <n>', `number of simulated runs${what}`).argParser(runsArgument).default(runs))
    .addOption(new Option('--seed <s>', `seed of the draws (the same seed gives the same report)${what}`).argParser(seedArgument).default(1));
}

/** The runs of the Monte Carlo on a scored ledger, with a progress bar on stderr. */
export function runDraws(ctx: CommandContext, compiled: CompiledProgram, scored: Ledger, runs: number, seed: number, sellers?: { readonly compiled: CompiledSellers; readonly scored: Ledger }): SimulatedRun[] {
  const bar = progressBar(ctx.io.stderr, `simulating ${runs} runs`, runs);
  try {
    // The seller ledger redraws with the same draws: its cost is part of every run's total, as in `run`.
    const replayRun = (draws: RedemptionDraws): DrawnLedgers => ({
      ledger: replayRedemption(compiled, scored, { redemption: draws }),
      sellers: sellers === undefined ? undefined : { ledger: replayRedemption(sellers.compiled.compiled, sellers.scored, { redemption: draws }), view: sellers.compiled.view },
    });
    return simulateRuns(replayRun, { runs, seed, onRun: (done) => bar.update(done) });
  } finally {
    bar.finish();
  }
}
