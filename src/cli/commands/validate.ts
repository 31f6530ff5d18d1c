/**
 * `pointsmith validate <files or folders...>`: schema and semantic checks of designs,
 * every problem of every file in one run, in a format a person or a CI system reads.
 * With `--history`, the rows of a history CSV are checked against one design too.
 * Exit 0 clean, 1 findings (errors, or warnings with --strict), 2 unreadable input.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { checkProgramDates } from '../../history/check-dates.js';
import { applyDesign, parseHistory } from '../../history/read-history.js';
import { loadProgram } from '../../program/load.js';
import type { Program } from '../../program/program.js';
import { formats, type DiagnosticsFormat } from '../../report/diagnostics/index.js';
import { VERSION } from '../../version.js';
import { EXIT_FINDINGS, EXIT_OK, UserError } from '../errors.js';
import type { CommandContext } from '../context.js';
import { expandInputs, unreadable } from '../expand-inputs.js';
import { withExamples } from '../help.js';
import { parseColumnMapping } from '../load-history.js';
import { readDesignSource } from '../load-program.js';
import { addFormatOption, renderFormatted } from '../report-format.js';
import type { RegisterCommand } from './register.js';
import { collect } from '../repeatable.js';

/** Where SARIF viewers send a reader who wants to know what pointsmith is. */
export const INFORMATION_URI = 'https://www.npmjs.com/package/pointsmith';

/**
 * docs/diagnostics.md as shipped in the npm package of this very version (the package
 * carries docs/), so a rule's link never points at a newer page than the tool that wrote it.
 */
export const DIAGNOSTICS_DOC_URI = `https://unpkg.com/pointsmith@${VERSION}/docs/diagnostics.md`;

/** Line `line` (1-based) of the design files read, decoded only when a SARIF fingerprint asks. */
function designLines(files: readonly string[], sources: readonly Uint8Array[]): (file: string, line: number) => string | undefined {
  const decoded = new Map<string, string[]>();
  return (file, line) => {
    const i = files.indexOf(file);
    if (i < 0 || i >= sources.length) return undefined;
    let lines = decoded.get(file);
    if (lines === undefined) {
      lines = new TextDecoder().decode(sources[i]).split(/\r?\n/);
      decoded.set(file, lines);
    }
    return lines[line - 1];
  };
}

interface ValidateOptions {
  format: DiagnosticsFormat;
  strict?: boolean;
  history?: string;
  column: string[];
}

/** The history's problems (bad dates, negative quantities, unknown activities...), each at its row. */
async function historyDiagnostics(ctx: CommandContext, file: string, program: Program, columns: Record<string, string>): Promise<Diagnostic[]> {
  const info = await stat(ctx.path(file)).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(file, error, (p) => ctx.path(p));
  });
  if (info.isDirectory()) throw new UserError(`cannot read ${file}: it is a folder, not a history file`, { hint: 'name the .csv file inside it' });
  const parsed = await parseHistory(createReadStream(ctx.path(file)), { file, columns }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('E')) throw unreadable(file, error as NodeJS.ErrnoException, (p) => ctx.path(p));
    // An unusable file (no header, missing columns) is a DiagnosticError: main prints it, exit 2.
    throw error;
  });
  const result = applyDesign(parsed, { file, activities: Object.keys(program.activities) });
  const diagnostics = [...result.diagnostics];
  // The reader details the first rows only; say how many more there are rather than stay silent.
  const rest = result.badRows - new Set(diagnostics.map((d) => d.line)).size;
  if (rest > 0) {
    diagnostics.push({
      severity: 'error',
      code: 'csv-more-bad-rows',
      message: `${rest} more bad row(s) not shown (${result.badRows} in all)`,
      file,
      line: 0,
      col: 0,
      hint: 'fix the rows shown, then validate again',
      count: rest,
    });
  }
  diagnostics.push(...checkProgramDates(result.store, program.program.starts, program.program.ends, file));
  return diagnostics;
}

export const registerValidate: RegisterCommand = (root, ctx) =>
  withExamples(
    addFormatOption(
      root
        .command('validate')
        .description('check program designs (schema, references, tiers, shares, dates) and report every problem with file:line:col')
        .argument('<paths...>', 'design files, or folders (every .yaml / .yml inside, recursively)'),
      formats,
      'text',
    )
      .option('--strict', 'warnings fail too (exit 1)')
      .option('--history <file>', 'also check the rows of a history CSV against the design (one design only)')
      .option('--column <name=header>', 'with --history: read column NAME from the header HEADER (repeatable)', collect, []),
    [
      'pointsmith validate programs/',
      'pointsmith validate programs/lifecycle.yaml --strict',
      'pointsmith validate programs/ --format github',
      'pointsmith validate programs/ --format sarif --out pointsmith.sarif',
      'pointsmith validate programs/lifecycle.yaml --history fixtures/sample/history.csv',
    ],
  ).action(async (paths: string[], options: ValidateOptions, command) => {
    const columns = parseColumnMapping(options.column);
    if (options.column.length > 0 && options.history === undefined) throw new UserError('--column only applies with --history');
    const files = await expandInputs(ctx, paths);
    if (options.history !== undefined && files.length !== 1) {
      throw new UserError(`--history checks a history against one design, but ${files.length} design files were given`, {
        hint: 'name one design file with --history, and validate the others separately',
      });
    }
    // Read every file first: an unreadable one stops the run (exit 2) before any report.
    const sources: Uint8Array[] = [];
    for (const file of files) sources.push(await readDesignSource(ctx, file));
    const diagnostics: Diagnostic[] = [];
    const programs = files.map((file, i) => {
      const loaded = loadProgram(sources[i]!, file);
      diagnostics.push(...loaded.diagnostics);
      return loaded.program;
    });
    if (options.history !== undefined) {
      // A history is checked against the design's activities, so a design with errors cannot judge it.
      if (programs[0] === undefined) ctx.info(command, `note: ${options.history} was not checked: the design has errors`);
      else {
        diagnostics.push(...(await historyDiagnostics(ctx, options.history, programs[0], columns)));
        files.push(options.history);
      }
    }
    const strict = options.strict === true;
    const report = renderFormatted(ctx, command, formats[options.format], { diagnostics, files }, {
      strict,
      toolVersion: VERSION,
      informationUri: INFORMATION_URI,
      helpUri: DIAGNOSTICS_DOC_URI,
      lineText: designLines(files, sources),
    });
    await ctx.emit(command, report);
    ctx.exitCode = hasErrors(diagnostics, strict) ? EXIT_FINDINGS : EXIT_OK;
  });
