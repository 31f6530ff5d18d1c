/**
 * `pointsmith transition <program> --history H --partners P`: what moving from the
 * levels program (`legacy:`) to this design does to every partner. The report goes to
 * stdout or --out in --format; --pdf FILE also prints the HTML report to an A4 PDF.
 * Exit 0 with the report; 2 on bad usage or unreadable input (nothing written then).
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { buildTransition } from '../../analysis/transition.js';
import { detailFromSlices } from '../../analysis/partner-detail.js';
import { compile } from '../../engine/compile.js';
import { replayCompiled } from '../../engine/replay.js';
import { renderTransitionHtml } from '../../report/transition/html.js';
import { chunkedFormats, formats, type TransitionFormat } from '../../report/transition/index.js';
import { DEFAULT_TOP, type TransitionFormatOptions } from '../../report/transition/selection.js';
import { UserError } from '../errors.js';
import { addEvidenceOption, evidenceFor, warnEvidence } from '../evidence.js';
import { withExamples } from '../help.js';
import { addHistoryOptions, loadHistoryForCommand } from '../load-history.js';
import { assertWritable, writeFileAtomic } from '../output.js';
import { terminalText } from '../../report/sanitize/index.js';
import { pdfDate, printPdf } from '../pdf.js';
import { reportDateFor } from '../pdf-option.js';
import { addProgramOptions, resolveProgramForCommand } from '../program-options.js';
import { addBomOption, checkBom, withBom } from '../csv-bom.js';
import { plainStyle } from '../../report/style.js';
import { addFormatOption, checkBinaryTarget, renderReport } from '../report-format.js';
import type { RegisterCommand } from './register.js';
import { assertFiniteReport } from '../finite.js';
import { addMaxMemoryOption, assertMemoryFits } from '../memory-guard.js';
import { findNonFinite } from '../../analysis/finite-guard.js';
import type { TransitionReport } from '../../analysis/transition-types.js';
import type { Program } from '../../program/program.js';

interface TransitionOptions {
  format: TransitionFormat;
  pdf?: string;
  top: number | 'all';
  bom?: boolean;
  maxMemory?: number;
}

/** `--top N` (a whole number, 1 or more) or `--top all`. */
function parseTop(value: string): number | 'all' {
  if (value.trim().toLowerCase() === 'all') return 'all';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number, 1 or more, or `all`');
  return n;
}

export const registerTransition: RegisterCommand = (root, ctx) => {
  const command = root
    .command('transition')
    .description('legacy level against new tier for every partner: migration matrix, who moves up or down, who is at risk and what closes the gap, cost before and after')
    .argument('<program>', 'the design (.yaml), with a `legacy:` section describing the levels program it replaces');
  addFormatOption(command, formats, 'markdown')
    .option('--pdf <file>', 'also print the HTML report to an A4 PDF (needs Chromium; CHROMIUM_PATH to choose one)')
    .addOption(
      new Option('--top <n>', 'partners listed by name per list (at risk; who change level) in html, markdown and the PDF, or `all`; csv and json list every partner')
        .argParser(parseTop)
        .default(DEFAULT_TOP),
    );
  addBomOption(command);
  addMaxMemoryOption(command);
  addHistoryOptions(command);
  addEvidenceOption(command);
  addProgramOptions(command);
  return withExamples(command, [
    'pointsmith transition programs/lifecycle.yaml --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv',
    'pointsmith transition programs/lifecycle.yaml --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv --format html --out report.html',
    'pointsmith transition programs/lifecycle.yaml --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv --pdf report.pdf',
    'pointsmith transition programs/lifecycle.yaml --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv --format markdown --top 20',
    'pointsmith transition programs/lifecycle.yaml --history fixtures/sample/history.csv --partners fixtures/sample/partners.csv --format csv --bom --out transition.csv',
  ]).action(async (path: string, options: TransitionOptions, cmd: Command) => {
    checkBom(options.format, formats[options.format], options.bom);
    checkBinaryTarget(ctx, cmd, options.format, formats[options.format]);
    // Before any work: the report is about each partner's legacy level, name, segment and
    // region, which only the partners file gives (the history alone has ids).
    // (A --data manifest names its partners file: checked once it is read.)
    const flags = cmd.opts<{ partners?: string; data?: string }>();
    if (flags.partners === undefined && flags.data === undefined) throw needsPartners();
    const out = ctx.globals(cmd).out;
    // Both targets are checked before any work, so a refusal never comes after the PDF is printed.
    const force = ctx.globals(cmd).force === true;
    if (options.pdf !== undefined) await assertWritable(ctx.path(options.pdf), force, '--pdf', options.pdf);
    if (out !== undefined) await assertWritable(ctx.path(out), force, '--out', out);
    if (options.pdf !== undefined && out !== undefined && ctx.path(options.pdf) === ctx.path(out)) {
      throw new UserError(`--pdf and --out both name ${out}`, { hint: 'give the PDF and the other report different file names' });
    }
    const program = await resolveProgramForCommand(ctx, cmd, path);
    if (program.legacy === undefined) {
      throw new UserError(`${path} has no \`legacy:\` section, so there is no levels program to compare with`, {
        hint: 'add legacy: { levels: [{ name: Gold, revenue: 500000, certified: 5 }, ...], equivalent: { Gold: Gold, ... } }',
      });
    }
    const history = await loadHistoryForCommand(ctx, cmd, program, path);
    if (history.partners === undefined) throw needsPartners();
    // The PDF's fixed dates (a bad SOURCE_DATE_EPOCH is refused before the replay).
    const pdfAt =
      options.pdf !== undefined
        ? pdfDate(ctx.io.env, { historyLastDay: history.store.size > 0 ? history.store.lastDay : undefined, starts: program.program.starts, ends: program.program.ends })
        : undefined;
    const at = reportDateFor(ctx, formats[options.format], history, program);
    // Everyone without per-activity detail (about 20 KB a partner); the at-risk gaps read
    // activity counts and points in the tier window, so those partners are replayed again
    // from their slices of the history, with detail, a batch at a time (issue 13, item 4).
    const compiled = compile(program, history.prepared);
    // Before the replay allocates anything per partner: a run that would not fit stops here (exit 2), not in V8's out-of-memory crash.
    assertMemoryFits({ partners: compiled.partners.ids.length, periods: compiled.calendar.periods.length, maxMemory: options.maxMemory });
    const ledger = replayCompiled(compiled, { detail: false });
    warnEvidence(ctx, cmd, [evidenceFor(cmd, program, history, ledger)]);
    const report = buildTransition(ledger, history.store, history.partners, detailFromSlices(program, ledger, history.store, history.partners));
    assertFiniteTransition(report, program);
    for (const warning of report.warnings) ctx.warn(cmd, warning);

    // Every output is made before any is written: a failure leaves no half of the pair.
    // With --pdf alone the PDF is the report; --format or --out asks for another one too.
    const render: Omit<TransitionFormatOptions, 'style'> = { top: options.top === 'all' ? undefined : options.top, at };
    const wantsReport = options.pdf === undefined || cmd.getOptionValueSource('format') === 'cli' || out !== undefined;
    const pdf = pdfAt !== undefined ? await printPdf(renderTransitionHtml(report, render), ctx.io.env, pdfAt) : undefined;
    // The HTML and Markdown list at most `top` partners per list; CSV and JSON always carry
    // every partner, so they are written in pieces as they are made (at 400,000 partners
    // the JSON is about 370 MB: held whole, it would double the memory of the model).
    // --out still goes through a temp file, so a reader never sees half a report. The
    // workbook (xlsx) is one binary file, made whole.
    // The report first: should --out still fail (a file appeared since the check), no PDF is left.
    if (wantsReport) {
      const format = options.format;
      await ctx.emit(cmd, format === 'xlsx' ? await renderReport(ctx, cmd, formats[format], report, render) : reportChunks(chunkedFormats[format].chunks(report, { ...render, style: plainStyle }), options.bom));
    }
    if (options.pdf !== undefined && pdf !== undefined) {
      await writeFileAtomic(ctx.path(options.pdf), pdf, ctx.globals(cmd).force === true, '--pdf', options.pdf);
      ctx.info(cmd, `wrote ${terminalText(options.pdf)}`);
    }
  });
};

/** The CSV's byte-order mark (`--bom`, refused for other formats before the work) in front of the pieces. */
function* reportChunks(chunks: Iterable<string>, bom: boolean | undefined): Generator<string> {
  const mark = withBom('', bom);
  if (mark !== '') yield mark;
  yield* chunks;
}

/**
 * `assertFiniteReport` over the report, with its two per-partner lists (the partners at
 * risk, every partner's row) checked one element at a time: the breadth-first walk keeps
 * a path string for every figure it queues, which over the whole report at 400,000
 * partners was 1.7 GB. An element's figure keeps the path the whole walk would name
 * (`partner_rows[3].points_in_window`); the other sections are checked first, and their
 * totals are where a partner's overflow shows first anyway.
 */
function assertFiniteTransition(report: TransitionReport, program: Program): void {
  const what = 'the transition report\'s';
  assertFiniteReport({ ...report, at_risk: [], partner_rows: [] }, program, what);
  const each = (key: 'at_risk' | 'partner_rows', list: readonly object[]): void =>
    list.forEach((item, i) => {
      if (findNonFinite(item) !== undefined) assertFiniteReport({ [`${key}[${i}]`]: item }, program, what);
    });
  each('at_risk', report.at_risk);
  each('partner_rows', report.partner_rows);
}

function needsPartners(): UserError {
  return new UserError('transition needs a partners file (--partners, or `partners:` in a --data manifest): the report compares each partner\'s legacy level with its new tier, and names, segments and regions come from the partners file', {
    hint: 'add --partners partners.csv (partner_id, name, segment, region, legacy_level)',
  });
}
