/**
 * `pointsmith simulate <program> --history H --runs N --seed S`: Monte Carlo of
 * redemption (whole reward units drawn per partner and period) over one loaded history.
 * The same seed prints the same bytes.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { simulate } from '../../analysis/monte-carlo.js';
import { compile } from '../../engine/compile.js';
import { replayCompiled, replayRedemption } from '../../engine/replay.js';
import { renderSimulationJson } from '../../report/simulate/json.js';
import { renderSimulationMarkdown } from '../../report/simulate/markdown.js';
import { renderSimulationTable } from '../../report/simulate/table.js';
import { addEvidenceOption, evidenceFor, warnEvidence } from '../evidence.js';
import { withExamples } from '../help.js';
import { addHistoryOptions, loadHistoryForCommand } from '../load-history.js';
import { addProgramOptions, resolveProgramForCommand } from '../program-options.js';
import { progressBar } from '../progress.js';
import type { RegisterCommand } from './register.js';

export const SIMULATE_FORMATS = ['table', 'json', 'markdown'] as const;
type SimulateFormat = (typeof SIMULATE_FORMATS)[number];

/** More runs than this is a typo, not a simulation (each run is a full replay). */
const MAX_RUNS = 100_000;

function runsArgument(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_RUNS) throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_RUNS}`);
  return n;
}

function seedArgument(value: string): number {
  const n = Number(value);
  // pure-rand seeds are 32-bit integers; a larger one would be silently truncated.
  if (!Number.isInteger(n) || n < 0 || n > 0xffff_ffff) throw new InvalidArgumentError('expected a whole number from 0 to 4294967295');
  return n;
}

export const registerSimulate: RegisterCommand = (root, ctx) => {
  const command = root
    .command('simulate')
    .description('Monte Carlo of redemption: P10/P50/P90 of cost, liability and reward demand; chance that capacity or budget is exceeded')
    .argument('<program>', 'the design (.yaml)')
    .addOption(new Option('--runs <n>', 'number of simulated runs').argParser(runsArgument).default(500))
    .addOption(new Option('--seed <s>', 'seed of the random generator (the same seed gives the same report)').argParser(seedArgument).default(1))
    .addOption(new Option('-f, --format <format>', 'output format').choices(SIMULATE_FORMATS).default('table'));
  addHistoryOptions(command);
  addEvidenceOption(command);
  addProgramOptions(command);
  return withExamples(command, [
    'pointsmith simulate programs/lifecycle.yaml --history fixtures/sample/history.csv --runs 500 --seed 1',
    'pointsmith simulate programs/lifecycle.yaml --history fixtures/sample/history.csv --scenario saas_push --format markdown',
  ]).action(async (path: string, options: { runs: number; seed: number; format: SimulateFormat }, cmd: Command) => {
    const program = await resolveProgramForCommand(ctx, cmd, path);
    const history = await loadHistoryForCommand(ctx, cmd, program);
    const { store, partners } = history;
    // Score once; every run only redraws the redemption on the scored ledger.
    const compiled = compile(program, store, partners);
    const expected = replayCompiled(compiled, { detail: false });
    warnEvidence(ctx, cmd, [evidenceFor(cmd, program, history, expected)]);
    const bar = progressBar(ctx.io.stderr, `simulating ${options.runs} runs`, options.runs);
    let report;
    try {
      report = simulate(
        expected,
        (random) => replayRedemption(compiled, expected, { redemption: { mode: 'monte-carlo', random } }),
        { runs: options.runs, seed: options.seed, onRun: (done) => bar.update(done) },
      );
    } finally {
      bar.finish();
    }
    switch (options.format) {
      case 'json':
        return ctx.emit(cmd, renderSimulationJson(report));
      case 'markdown':
        return ctx.emit(cmd, renderSimulationMarkdown(report));
      default:
        return ctx.emit(cmd, renderSimulationTable(report, ctx.style(cmd)));
    }
  });
};
