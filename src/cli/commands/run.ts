/**
 * `pointsmith run <program> --history H.csv`: replay a history through a design and
 * report points, cost against budget, tiers over time and reward demand against capacity.
 * Exit 0 with the report; 2 on bad usage or unreadable input (nothing on stdout then).
 */
import { Option, type Command } from 'commander';
import { summarize } from '../../analysis/summary.js';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from '../../analysis/summary-types.js';
import { compile } from '../../engine/compile.js';
import { replayCompiled } from '../../engine/replay.js';
import { replaySellers } from '../../engine/people/replay-sellers.js';
import { assertFiniteReport } from '../finite.js';
import { formats, type RunFormat } from '../../report/run/index.js';
import { addEvidenceOption, evidenceFor, warnEvidence } from '../evidence.js';
import { withExamples } from '../help.js';
import { addHistoryOptions, loadHistoryForCommand } from '../load-history.js';
import { addProgramOptions, resolveProgramForCommand } from '../program-options.js';
import { addBomOption, checkBom } from '../csv-bom.js';
import { addFormatOption, checkBinaryTarget, renderReport } from '../report-format.js';
import { addPdfOption, checkPdfTargets, emitWithPdf, pdfDateFor, reportDateFor } from '../pdf-option.js';
import { renderRunHtml } from '../../report/run/html.js';
import type { RegisterCommand } from './register.js';

interface RunOptions {
  format: RunFormat;
  by?: BreakdownDimension;
  bom?: boolean;
  pdf?: string;
}

export const registerRun: RegisterCommand = (root, ctx) => {
  const command = root
    .command('run')
    .description('replay a partner history through a design: points, cost against budget, tiers over time, reward demand against capacity')
    .argument('<program>', 'the design to replay (.yaml)')
    .addOption(new Option('--by <dimension>', 'add a breakdown by partner segment, region, or period').choices(BREAKDOWN_DIMENSIONS));
  addFormatOption(command, formats, 'table');
  addPdfOption(command);
  addBomOption(command);
  addHistoryOptions(command);
  addEvidenceOption(command);
  addProgramOptions(command);
  return withExamples(command, [
    'pointsmith run programs/lifecycle.yaml --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv',
    'pointsmith run programs/lifecycle.yaml --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv --by segment',
    'pointsmith run programs/lifecycle.yaml --history fixtures/sample/history.csv --format json --out run.json',
    'pointsmith run programs/lifecycle.yaml --history fixtures/sample/history.csv --format markdown > comment.md',
    'pointsmith run programs/lifecycle.yaml --history fixtures/sample/history.csv --format html --out run.html',
    'pointsmith run programs/lifecycle.yaml --history fixtures/sample/history.csv --pdf run.pdf',
    'pointsmith run programs/lifecycle.yaml --data fixtures/exports/all.yaml',
    'pointsmith run programs/lifecycle.yaml --history deals.csv --date-format MM/DD/YYYY --activity deal_closed --column partner_id="Account ID"',
    'pointsmith run programs/lifecycle.yaml --history fixtures/sample/history.csv --set activities.deal_closed.points_per.points=15',
    'pointsmith run programs/lifecycle.yaml --history export.csv --skip-bad-rows --max-skipped 5%',
    'pointsmith run programs/lifecycle.yaml --history fixtures/sample/history.csv --format csv --bom --out run.csv',
    'pointsmith run programs/lifecycle.yaml --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv --by segment --format xlsx --out run.xlsx',
  ]).action(async (path: string, options: RunOptions, cmd: Command) => {
    checkBom(options.format, formats[options.format], options.bom);
    checkBinaryTarget(ctx, cmd, options.format, formats[options.format]);
    await checkPdfTargets(ctx, cmd, options.pdf);
    // The design as written, with the design's --scenario and the --set pairs applied.
    const program = await resolveProgramForCommand(ctx, cmd, path);
    const history = await loadHistoryForCommand(ctx, cmd, program, path);
    const pdfAt = pdfDateFor(ctx, options.pdf, history, program);
    const at = reportDateFor(ctx, formats[options.format], history, program);
    // The summary reads none of the per-rule breakdown arrays: skip them.
    const ledger = replayCompiled(compile(program, history.prepared), { detail: false });
    const sellers = replaySellers(program, history.people, { detail: false });
    warnEvidence(ctx, cmd, [evidenceFor(cmd, program, history, ledger)]);
    const summary = summarize(ledger, { sellers, ...(options.by === undefined ? {} : { by: options.by }) });
    assertFiniteReport(summary, program, 'the run summary\'s');
    await emitWithPdf(ctx, cmd, { file: options.pdf, at: pdfAt, html: () => renderRunHtml(summary) }, () => renderReport(ctx, cmd, formats[options.format], summary, { at }));
  });
};
