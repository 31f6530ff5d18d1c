/**
 * `pointsmith compare <a.yaml> [b.yaml...] --history H [--scenario S...]`: designs, or
 * scenarios of one design, replayed over one history read once, side by side with the
 * change of every column against the first.
 *
 * Columns: with several designs, one per design (in the order given). With one design
 * and `--scenario`, the design as written first, then one column per scenario;
 * `--no-baseline` drops the as-written column so that the first scenario is the
 * reference. `--set` applies to every column.
 */
import { basename, extname } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { compareVariants, partnerOutcomes, type CompareVariant } from '../../analysis/compare.js';
import type { Evidence } from '../../analysis/evidence.js';
import { replaySellers } from '../../engine/people/replay-sellers.js';
import { summarize } from '../../analysis/summary.js';
import { compile } from '../../engine/compile.js';
import { replayCompiled } from '../../engine/replay.js';
import type { Program } from '../../program/program.js';
import { asOf } from '../../program/versions.js';
import { parseDay } from '../../history/day.js';
import { formats, type CompareFormat } from '../../report/compare/index.js';
import { renderCompareHtml } from '../../report/compare/html.js';
import { addPdfOption, checkPdfTargets, emitWithPdf, pdfDateFor, reportDateFor } from '../pdf-option.js';
import { UserError } from '../errors.js';
import { addEvidenceOption, evidenceFor, warnEvidence } from '../evidence.js';
import { withExamples } from '../help.js';
import { addHistoryOptions, loadHistoryForCommand } from '../load-history.js';
import { readProgramFile } from '../load-program.js';
import { addProgramOptions, overrideProgram, readScenarios, readSets } from '../program-options.js';
import { addBomOption, checkBom } from '../csv-bom.js';
import { addFormatOption, checkBinaryTarget, renderReport } from '../report-format.js';
import type { RegisterCommand } from './register.js';
import { assertFiniteReport } from '../finite.js';

interface CompareOptions {
  format: CompareFormat;
  top: number;
  baseline: boolean;
  asOf?: string;
  bom?: boolean;
  pdf?: string;
}

/** A calendar day, YYYY-MM-DD. */
function isoDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || typeof parseDay(value) !== 'number') throw new InvalidArgumentError('expected a calendar date, YYYY-MM-DD');
  return value;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
}

export const registerCompare: RegisterCommand = (root, ctx) => {
  const command = root
    .command('compare')
    .description('replay several designs, or scenarios of one design, over one history and show them side by side with deltas')
    .argument('<programs...>', 'the designs (.yaml); one design with --scenario to compare its scenarios');
  addFormatOption(command, formats, 'table')
    .addOption(new Option('--top <n>', 'partners listed among those whose tier changes, by points difference').argParser(positiveInteger).default(10))
    .option('--no-baseline', 'with --scenario: leave out the design as written; the first scenario is the reference')
    .addOption(new Option('--as-of <date>', 'one design with dated changes: the design as it stands on DATE (the changes in force by then) beside the design with every change').argParser(isoDay));
  addBomOption(command);
  addPdfOption(command);
  addHistoryOptions(command);
  addEvidenceOption(command);
  addProgramOptions(command, { repeatScenario: true });
  return withExamples(command, [
    'pointsmith compare programs/lifecycle.yaml --scenario saas_push --scenario easier_gold --history fixtures/sample/history.csv',
    'pointsmith compare programs/starter.yaml programs/lifecycle.yaml --history fixtures/sample/history.csv --format markdown',
    'pointsmith compare programs/lifecycle.yaml --scenario saas_push --history fixtures/sample/history.csv --format json --top 20',
    'pointsmith compare programs/starter.yaml programs/lifecycle.yaml --history fixtures/sample/history.csv --format csv --bom --out compare.csv',
    'pointsmith compare programs/starter.yaml programs/lifecycle.yaml --history fixtures/sample/history.csv --format html --out compare.html',
    'pointsmith compare programs/lifecycle.yaml --scenario saas_push --history fixtures/sample/history.csv --pdf compare.pdf',
    'pointsmith compare fixtures/changes/program.yaml --as-of 2025-08-01 --history fixtures/changes/history.csv',
  ]).action(async (paths: string[], options: CompareOptions, cmd: Command) => {
    checkBom(options.format, formats[options.format], options.bom);
    checkBinaryTarget(ctx, cmd, options.format, formats[options.format]);
    await checkPdfTargets(ctx, cmd, options.pdf);
    const sets = readSets(cmd);
    const scenarios = readScenarios(cmd);
    if (scenarios.length > 0 && paths.length > 1) {
      throw new UserError('--scenario compares the scenarios of one design, but several designs were given', {
        hint: 'give one design with --scenario A --scenario B, or several designs without --scenario',
      });
    }
    if (!options.baseline && scenarios.length === 0) {
      throw new UserError('--no-baseline needs --scenario', { hint: 'it leaves out the design as written, leaving the scenarios' });
    }

    const columns: { label: string; program: Program }[] = [];
    if (options.asOf !== undefined) {
      if (paths.length > 1 || scenarios.length > 0) {
        throw new UserError('--as-of contrasts one design with its own dated changes, but several designs or --scenario were given', {
          hint: 'give one design that has `changes:`, e.g. pointsmith compare design.yaml --as-of 2025-07-01 --history H.csv',
        });
      }
      const path = paths[0] ?? '';
      const program = overrideProgram(ctx, cmd, await readProgramFile(ctx, cmd, path), path, { sets });
      const later = (program.changes ?? []).filter((c) => c.effective > (options.asOf as string));
      if (later.length === 0) {
        throw new UserError(
          (program.changes ?? []).length === 0 ? `${path} has no dated changes (\`changes:\`) to contrast` : `${path} has no change taking effect after ${options.asOf}`,
          { hint: 'give a date before a change\'s `effective`, or compare two designs' },
        );
      }
      const name = designLabels([path])[0] ?? path;
      columns.push({ label: `${name} as of ${options.asOf}`, program: asOf(program, options.asOf) });
      columns.push({ label: `${name} with the changes`, program });
    } else if (scenarios.length === 0) {
      if (paths.length < 2) {
        throw new UserError('compare needs two designs, or one design with --scenario', {
          hint: 'e.g. pointsmith compare a.yaml b.yaml --history H.csv, or a.yaml --scenario NAME',
        });
      }
      const labels = designLabels(paths);
      for (const [i, path] of paths.entries()) {
        const written = await readProgramFile(ctx, cmd, path);
        columns.push({ label: labels[i] ?? path, program: overrideProgram(ctx, cmd, written, path, { sets }) });
      }
    } else {
      const path = paths[0] ?? '';
      const written = await readProgramFile(ctx, cmd, path);
      if (options.baseline) columns.push({ label: `${designLabels([path])[0] ?? path} (as written)`, program: overrideProgram(ctx, cmd, written, path, { sets }) });
      for (const scenario of scenarios) columns.push({ label: scenario, program: overrideProgram(ctx, cmd, written, path, { scenario, sets }) });
    }

    // Read once, checked against every activity any column knows; a column replays only its own.
    const history = await loadHistoryForCommand(ctx, cmd, unionOfActivities(columns.map((c) => c.program)));
    const { store } = history;
    // Dated by the first column's dates (unionOfActivities keeps them): the reference every change is measured against.
    const pdfAt = pdfDateFor(ctx, options.pdf, history, unionOfActivities(columns.map((c) => c.program)));
    const at = reportDateFor(ctx, formats[options.format], history, unionOfActivities(columns.map((c) => c.program)));
    const evidence: Evidence[] = [];
    const prepared = history.prepared;
    const variants: CompareVariant[] = columns.map(({ label, program }) => {
      const ledger = replayCompiled(compile(program, prepared), { detail: false });
      // Each column's own dates: a scenario or a second design may move them.
      evidence.push(evidenceFor(cmd, program, history, ledger));
      const summary = summarize(ledger, { sellers: replaySellers(program, history.people, { detail: false }) });
      assertFiniteReport(summary, program, `${label}'s run summary's`);
      return { label, summary, outcomes: partnerOutcomes(ledger) };
    });
    warnEvidence(ctx, cmd, evidence);
    const report = compareVariants(variants, { top: options.top, events: store.size });
    const model = { report, summaries: variants.map((v) => v.summary) };
    await emitWithPdf(ctx, cmd, { file: options.pdf, at: pdfAt, html: () => renderCompareHtml(model) }, () => renderReport(ctx, cmd, formats[options.format], model, { at }));
  });
};

/** File names without extension; the paths as given when two names collide. */
function designLabels(paths: readonly string[]): string[] {
  const names = paths.map((p) => basename(p, extname(p)));
  const unique = new Set(names).size === names.length;
  return unique ? names : [...paths];
}

/**
 * The history check (unknown activities are bad rows) only reads the design's activity
 * ids: check against all the columns' ids together, so that an activity only one design
 * scores is not a bad row for the others.
 */
function unionOfActivities(programs: readonly Program[]): Program {
  const first = programs[0];
  if (first === undefined || programs.length === 1) return first as Program;
  // The seller programmes' activities too: their rows must stay in the store (see historyActivities).
  const activities = Object.assign({}, ...programs.flatMap((p) => [p.individuals?.activities ?? {}, p.activities])) as Program['activities'];
  return { ...first, activities };
}
