/**
 * `pointsmith simulate <program> --history H --runs N --seed S`: Monte Carlo of
 * redemption (whole reward units drawn per partner and period) over one loaded history.
 * The same seed prints the same bytes.
 */
import { compileSellers } from '../../engine/people/replay-sellers.js';
import type { Command } from 'commander';
import { simulationReport } from '../../analysis/monte-carlo.js';
import { compile } from '../../engine/compile.js';
import { replayCompiled } from '../../engine/replay.js';
import { formats, type SimulateFormat } from '../../report/simulate/index.js';
import { renderSimulationHtml } from '../../report/simulate/html.js';
import { addPdfOption, checkPdfTargets, emitWithPdf, pdfDateFor, reportDateFor } from '../pdf-option.js';
import { addEvidenceOption, evidenceFor, warnEvidence } from '../evidence.js';
import { withExamples } from '../help.js';
import { addHistoryOptions, loadHistoryForCommand } from '../load-history.js';
import { addProgramOptions, resolveProgramForCommand } from '../program-options.js';
import { addDrawOptions, runDraws } from '../draw-options.js';
import { addBomOption, checkBom } from '../csv-bom.js';
import { addFormatOption, checkBinaryTarget, renderReport } from '../report-format.js';
import type { RegisterCommand } from './register.js';
import { assertFiniteReport } from '../finite.js';

export const registerSimulate: RegisterCommand = (root, ctx) => {
  const command = root
    .command('simulate')
    .description('Monte Carlo of redemption: P10/P50/P90 of cost, liability and reward demand; chance that capacity or budget is exceeded')
    .argument('<program>', 'the design (.yaml)');
  addFormatOption(command, formats, 'table');
  addBomOption(command);
  addPdfOption(command);
  addDrawOptions(command, 500, '');
  addHistoryOptions(command);
  addEvidenceOption(command);
  addProgramOptions(command);
  return withExamples(command, [
    'pointsmith simulate programs/lifecycle.yaml --history fixtures/sample/history.csv --runs 500 --seed 1',
    'pointsmith simulate programs/lifecycle.yaml --history fixtures/sample/history.csv --scenario saas_push --format markdown',
    'pointsmith simulate programs/lifecycle.yaml --history fixtures/sample/history.csv --runs 500 --seed 1 --format csv --bom --out simulation.csv',
    'pointsmith simulate programs/lifecycle.yaml --history fixtures/sample/history.csv --runs 500 --seed 1 --format html --out simulation.html',
    'pointsmith simulate programs/lifecycle.yaml --history fixtures/sample/history.csv --runs 500 --seed 1 --pdf simulation.pdf',
  ]).action(async (path: string, options: { runs: number; seed: number; format: SimulateFormat; bom?: boolean; pdf?: string }, cmd: Command) => {
    checkBom(options.format, formats[options.format], options.bom);
    checkBinaryTarget(ctx, cmd, options.format, formats[options.format]);
    await checkPdfTargets(ctx, cmd, options.pdf);
    const program = await resolveProgramForCommand(ctx, cmd, path);
    const history = await loadHistoryForCommand(ctx, cmd, program, path);
    const pdfAt = pdfDateFor(ctx, options.pdf, history, program);
    const at = reportDateFor(ctx, formats[options.format], history, program);
    // Score once; every run only redraws the redemption on the scored ledger.
    const compiled = compile(program, history.prepared);
    const expected = replayCompiled(compiled, { detail: false });
    warnEvidence(ctx, cmd, [evidenceFor(cmd, program, history, expected)]);
    const sellersCompiled = compileSellers(program, history.people);
    const sellers = sellersCompiled === undefined ? undefined : { compiled: sellersCompiled, scored: replayCompiled(sellersCompiled.compiled, { detail: false }) };
    const expectedRun = { ledger: expected, sellers: sellers === undefined ? undefined : { ledger: sellers.scored, view: sellers.compiled.view } };
    const report = simulationReport(expectedRun, runDraws(ctx, compiled, expected, options.runs, options.seed, sellers), options);
    assertFiniteReport(report, program, 'the simulation\'s');
    await emitWithPdf(ctx, cmd, { file: options.pdf, at: pdfAt, html: () => renderSimulationHtml(report) }, () => renderReport(ctx, cmd, formats[options.format], report, { at }));
  });
};
