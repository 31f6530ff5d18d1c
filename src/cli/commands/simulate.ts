/**
 * `pointsmith simulate <program> --history H --runs N --seed S`: Monte Carlo of
 * redemption (whole reward units drawn per partner and period) over one loaded history.
 * The same seed prints the same bytes.
 */
import { Option, type Command } from 'commander';
import { simulationReport } from '../../analysis/monte-carlo.js';
import { compile } from '../../engine/compile.js';
import { replayCompiled } from '../../engine/replay.js';
import { renderSimulationJson } from '../../report/simulate/json.js';
import { renderSimulationMarkdown } from '../../report/simulate/markdown.js';
import { renderSimulationTable } from '../../report/simulate/table.js';
import { addEvidenceOption, evidenceFor, warnEvidence } from '../evidence.js';
import { withExamples } from '../help.js';
import { addHistoryOptions, loadHistoryForCommand } from '../load-history.js';
import { addProgramOptions, resolveProgramForCommand } from '../program-options.js';
import { addDrawOptions, runDraws } from '../draw-options.js';
import type { RegisterCommand } from './register.js';
import { assertFiniteReport } from '../finite.js';

export const SIMULATE_FORMATS = ['table', 'json', 'markdown'] as const;
type SimulateFormat = (typeof SIMULATE_FORMATS)[number];

export const registerSimulate: RegisterCommand = (root, ctx) => {
  const command = root
    .command('simulate')
    .description('Monte Carlo of redemption: P10/P50/P90 of cost, liability and reward demand; chance that capacity or budget is exceeded')
    .argument('<program>', 'the design (.yaml)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(SIMULATE_FORMATS).default('table'));
  addDrawOptions(command, 500, '');
  addHistoryOptions(command);
  addEvidenceOption(command);
  addProgramOptions(command);
  return withExamples(command, [
    'pointsmith simulate programs/lifecycle.yaml --history fixtures/sample/history.csv --runs 500 --seed 1',
    'pointsmith simulate programs/lifecycle.yaml --history fixtures/sample/history.csv --scenario saas_push --format markdown',
  ]).action(async (path: string, options: { runs: number; seed: number; format: SimulateFormat }, cmd: Command) => {
    const program = await resolveProgramForCommand(ctx, cmd, path);
    const history = await loadHistoryForCommand(ctx, cmd, program, path);
    const { store, partners } = history;
    // Score once; every run only redraws the redemption on the scored ledger.
    const compiled = compile(program, store, partners);
    const expected = replayCompiled(compiled, { detail: false });
    warnEvidence(ctx, cmd, [evidenceFor(cmd, program, history, expected)]);
    const report = simulationReport(expected, runDraws(ctx, compiled, expected, options.runs, options.seed), options);
    assertFiniteReport(report, program, 'the simulation\'s');
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
