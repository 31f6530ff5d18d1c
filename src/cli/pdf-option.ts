/**
 * `--pdf FILE` for the commands with an HTML report (run, compare, sensitivity, simulate,
 * transition): the option, the checks made before any work (both targets writable, not
 * the same file), the PDF's fixed date, and writing the pair so that a failure leaves no
 * half of it. With `--pdf` alone the PDF is the report; `--format` or `--out` asks for
 * another one too.
 */
import type { Command } from 'commander';
import type { Program } from '../program/program.js';
import { isBinary, type AnyFormatter } from '../report/formatter.js';
import { terminalText } from '../report/sanitize/index.js';
import type { CommandContext } from './context.js';
import { UserError } from './errors.js';
import { assertWritable, writeFileAtomic } from './output.js';
import { pdfDate, printPdf } from './pdf.js';

export function addPdfOption(command: Command): Command {
  return command.option('--pdf <file>', 'also print the HTML report to an A4 PDF (needs Chromium; CHROMIUM_PATH to choose one)');
}

/** Before any work: --pdf and --out can be written (or --force), and are not one file. */
export async function checkPdfTargets(ctx: CommandContext, cmd: Command, pdf: string | undefined): Promise<void> {
  const { out, force } = ctx.globals(cmd);
  if (pdf !== undefined) await assertWritable(ctx.path(pdf), force === true, '--pdf', pdf);
  if (out !== undefined) await assertWritable(ctx.path(out), force === true, '--out', out);
  if (pdf !== undefined && out !== undefined && ctx.path(pdf) === ctx.path(out)) {
    throw new UserError(`--pdf and --out both name ${out}`, { hint: 'give the PDF and the other report different file names' });
  }
}

/** The PDF's fixed date (a bad SOURCE_DATE_EPOCH is refused before the replay); undefined without --pdf. */
export function pdfDateFor(
  ctx: CommandContext,
  pdf: string | undefined,
  history: { store: { size: number; lastDay: number } },
  program: Pick<Program, 'program'>,
): Date | undefined {
  if (pdf === undefined) return undefined;
  return documentDate(ctx, history, program);
}

/**
 * The date a binary report (xlsx) records as made, from the PDF's source (src/cli/pdf.ts:
 * SOURCE_DATE_EPOCH, else the history's last event day); undefined for a text format.
 */
export function reportDateFor(
  ctx: CommandContext,
  formatter: AnyFormatter<never, never>,
  history: { store: { size: number; lastDay: number } },
  program: Pick<Program, 'program'>,
): Date | undefined {
  return isBinary(formatter) ? documentDate(ctx, history, program) : undefined;
}

function documentDate(ctx: CommandContext, history: { store: { size: number; lastDay: number } }, program: Pick<Program, 'program'>): Date {
  return pdfDate(ctx.io.env, { historyLastDay: history.store.size > 0 ? history.store.lastDay : undefined, starts: program.program.starts, ends: program.program.ends });
}

/** Whether the command's own report is wanted beside the PDF. */
export function wantsReport(ctx: CommandContext, cmd: Command, pdf: string | undefined): boolean {
  return pdf === undefined || cmd.getOptionValueSource('format') === 'cli' || ctx.globals(cmd).out !== undefined;
}

/**
 * Prints `html()` to the PDF (when asked), then writes the report `text()` (when wanted),
 * then the PDF: everything is made before anything is written, and should --out fail
 * (a file appeared since the check), no PDF is left.
 */
export async function emitWithPdf(
  ctx: CommandContext,
  cmd: Command,
  pdf: { file: string | undefined; at: Date | undefined; html: () => string },
  text: () => string | Uint8Array | Promise<string | Uint8Array>,
): Promise<void> {
  const bytes = pdf.file !== undefined && pdf.at !== undefined ? await printPdf(pdf.html(), ctx.io.env, pdf.at) : undefined;
  const report = wantsReport(ctx, cmd, pdf.file) ? await text() : undefined;
  if (report !== undefined) await ctx.emit(cmd, report);
  if (pdf.file !== undefined && bytes !== undefined) {
    await writeFileAtomic(ctx.path(pdf.file), bytes, ctx.globals(cmd).force === true, '--pdf', pdf.file);
    ctx.info(cmd, `wrote ${terminalText(pdf.file)}`);
  }
}
