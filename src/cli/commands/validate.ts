/**
 * `pointsmith validate <files or folders...>`: schema and semantic checks of designs,
 * every problem of every file in one run, in a format a person or a CI system reads.
 * With `--history` / `--partners`, the data is checked against one design too.
 * Exit 0 clean, 1 findings (errors, or warnings with --strict), 2 unreadable input.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { loadProgram } from '../../program/load.js';
import { formats, type DiagnosticsFormat } from '../../report/diagnostics/index.js';
import { VERSION } from '../../version.js';
import { EXIT_FINDINGS, EXIT_OK, UserError } from '../errors.js';
import type { CommandContext } from '../context.js';
import { expandInputs } from '../expand-inputs.js';
import { withExamples } from '../help.js';
import { readDesignSource } from '../load-program.js';
import { addFormatOption, renderFormatted } from '../report-format.js';
import type { RegisterCommand } from './register.js';
import { collect } from '../repeatable.js';
import { checksData, checkValidateDataUsage, notCheckedNote, validateData } from '../validate-data.js';

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
  partners?: string;
  data?: string;
  column: string[];
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
      .option('--partners <file>', 'also check the design\'s keys (min_points_by, multipliers, redemption.by_segment...) against the values of a partners CSV (one design only)')
      .option('--column <name=header>', 'with --history or --partners: read column NAME from the header HEADER (repeatable)', collect, [])
      .option('--data <manifest>', 'also check the files a data manifest names, each read as it says (docs/data.md; one design only)'),
    [
      'pointsmith validate programs/',
      'pointsmith validate programs/lifecycle.yaml --strict',
      'pointsmith validate programs/ --format github',
      'pointsmith validate programs/ --format sarif --out pointsmith.sarif',
      'pointsmith validate programs/lifecycle.yaml --history fixtures/sample/history.csv',
      'pointsmith validate design.yaml --data sources.yaml',
    ],
  ).action(async (paths: string[], options: ValidateOptions, command) => {
    const files = await expandInputs(ctx, paths);
    checkValidateDataUsage(options, files.length);
    // Read every file first: an unreadable one stops the run (exit 2) before any report.
    const sources: Uint8Array[] = [];
    for (const file of files) sources.push(await readDesignSource(ctx, file));
    const diagnostics: Diagnostic[] = [];
    const programs = files.map((file, i) => {
      const loaded = loadProgram(sources[i]!, file);
      diagnostics.push(...loaded.diagnostics);
      return loaded.program;
    });
    if (checksData(options)) {
      // Data is checked against the design's activities and keys, so a design with errors cannot judge it.
      if (programs[0] === undefined) ctx.info(command, notCheckedNote(options));
      else {
        const checked = await validateData(ctx, command, options, programs[0], { file: files[0]!, source: sources[0]! });
        diagnostics.push(...checked.diagnostics);
        files.push(...checked.files);
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
