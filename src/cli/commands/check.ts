/**
 * `pointsmith check <program> --history H`: validate, replay, and test the design's
 * `guardrails:`. For CI: exit 0 when every guardrail holds, 1 when one is crossed (or
 * the design does not validate, or the history gives no evidence: src/analysis/evidence.ts),
 * 2 for unreadable input or bad usage.
 */
import { Option, type Command } from 'commander';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { loadProgram } from '../../program/load.js';
import { evaluateGuardrails, type GuardrailResult } from '../../analysis/guardrails.js';
import { compileSellers } from '../../engine/people/replay-sellers.js';
import { summarize } from '../../analysis/summary.js';
import { CHECK_AT, quantileOf, quantileSummary, type CheckAt } from '../../analysis/check-at.js';
import { compile } from '../../engine/compile.js';
import { replayCompiled } from '../../engine/replay.js';
import { decodeSource } from '../../program/source-text.js';
import { parseYamlSource } from '../../program/yaml-source.js';
import { checkPassed, type CheckReport, type PositionedGuardrail } from '../../report/check/model.js';
import { formats, type CheckFormat } from '../../report/check/index.js';
import { addDrawOptions, runDraws } from '../draw-options.js';
import { EXIT_FINDINGS, InputError, UserError } from '../errors.js';
import { addEvidenceOption, evidenceFor } from '../evidence.js';
import { withExamples } from '../help.js';
import { addHistoryOptions, loadHistoryForCommand } from '../load-history.js';
import { readDesignSource, warningLine } from '../load-program.js';
import { addProgramOptions, overrideProgram, readOneScenario, readSets } from '../program-options.js';
import { addBomOption, checkBom } from '../csv-bom.js';
import { addFormatOption, renderFormatted } from '../report-format.js';
import type { RegisterCommand } from './register.js';
import { assertFiniteReport } from '../finite.js';

export const registerCheck: RegisterCommand = (root, ctx) => {
  const command = root
    .command('check')
    .description('validate a design, replay the history and test its guardrails: exit 1 when one is crossed or the history gives no evidence (for CI)')
    .argument('<program>', 'the design (.yaml)');
  addFormatOption(command, formats, 'text')
    .addOption(
      new Option('--at <measure>', 'measure each guardrail on the expectation (mean, as run prints it) or at a percentile of the Monte Carlo: maxima at the upper percentile, minima at the lower')
        .choices(CHECK_AT)
        .default('mean'),
    );
  addBomOption(command);
  addDrawOptions(command, 200, ' (with --at p50|p90|p95)');
  addHistoryOptions(command);
  addEvidenceOption(command);
  addProgramOptions(command);
  return withExamples(command, [
    'pointsmith check programs/lifecycle.yaml --history fixtures/sample/history.csv',
    'pointsmith check programs/lifecycle.yaml --history fixtures/sample/history.csv --format github',
    'pointsmith check programs/lifecycle.yaml --history fixtures/sample/history.csv --at p90 --runs 200 --seed 1',
    'pointsmith check programs/lifecycle.yaml --history fixtures/sample/history.csv --set guardrails.max_cost=2000000',
    'pointsmith check programs/lifecycle.yaml --history export.csv --skip-bad-rows --max-skipped 5%',
    'pointsmith check programs/lifecycle.yaml --history fixtures/sample/history.csv --at p90 --format csv --out guardrails.csv',
  ]).action(async (path: string, options: { format: CheckFormat; at: CheckAt; runs: number; seed: number; bom?: boolean }, cmd: Command) => {
    checkBom(options.format, formats[options.format], options.bom);
    const q = quantileOf(options.at);
    if (q === null && (cmd.getOptionValueSource('runs') === 'cli' || cmd.getOptionValueSource('seed') === 'cli')) {
      throw new UserError('--runs and --seed set the Monte Carlo of --at p50|p90|p95; with --at mean the guardrails are measured on the expectation run prints', {
        hint: 'add --at p90 (what docs/commands/check.md recommends for CI), or drop --runs and --seed',
      });
    }
    const sets = readSets(cmd);
    const scenario = readOneScenario(cmd);
    // github and json are read by machines: every problem of the design goes into that
    // output, once, and stderr stays silent. text and markdown keep them on stderr.
    const formatter = formats[options.format];
    const machine = formatter.carriesDiagnostics;
    const source = await readDesignSource(ctx, path);
    const { program: written, diagnostics } = loadProgram(source, path);
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    if (!machine) for (const d of warnings) ctx.warn(cmd, warningLine(d));
    if (written === undefined) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const problems = errors.length > 0 ? errors : [notLoaded(path)];
      // A design that does not validate is a finding (exit 1, as with `validate`), not bad usage.
      // markdown goes to a pull-request comment, not the log: the comment says what is wrong,
      // and the log still gets the problems on stderr.
      if (formatter.invalid !== undefined) await ctx.emit(cmd, formatter.invalid({ file: path, diagnostics: [...problems, ...warnings] }));
      if (!machine) throw new InputError(problems, EXIT_FINDINGS);
      ctx.exitCode = EXIT_FINDINGS;
      return;
    }
    const program = overrideProgram(ctx, cmd, written, path, { scenario, sets });
    const history = await loadHistoryForCommand(ctx, cmd, program, { file: path, source });
    const compiled = compile(program, history.prepared);
    const ledger = replayCompiled(compiled, { detail: false });
    const sellersCompiled = compileSellers(program, history.people);
    const sellers = sellersCompiled === undefined ? undefined : { compiled: sellersCompiled, scored: replayCompiled(sellersCompiled.compiled, { detail: false }) };
    const summary = summarize(ledger, { sellers: sellers === undefined ? undefined : { ledger: sellers.scored, view: sellers.compiled.view } });
    assertFiniteReport(summary, program, 'the run summary\'s');
    let results: GuardrailResult[];
    let at: CheckReport['at'] = { measure: 'mean', runs: null, seed: null };
    if (q === null) results = evaluateGuardrails(program, summary);
    else {
      const runs = runDraws(ctx, compiled, ledger, options.runs, options.seed, sellers).map((r) => r.summary);
      results = evaluateGuardrails(program, quantileSummary(runs, q), quantileSummary(runs, 1 - q));
      at = { measure: options.at, runs: options.runs, seed: options.seed };
    }
    const report: CheckReport = {
      file: path,
      program: summary.program.name,
      currency: summary.program.currency,
      at,
      results: positioned(source, path, results),
      warnings: machine ? [...warnings, ...history.warnings] : [],
      history: history.files.join(", "),
      evidence: evidenceFor(cmd, program, history, ledger),
      warmUp: summary.warm_up,
    };
    await ctx.emit(cmd, renderFormatted(ctx, cmd, formatter, report, {}));
    // No evidence, no pass: guardrails that hold on an empty or thin replay prove nothing.
    if (!checkPassed(report)) ctx.exitCode = EXIT_FINDINGS;
  });
};

function notLoaded(file: string): Diagnostic {
  return { severity: 'error', code: 'not-loaded', message: 'the design could not be loaded', file, line: 0, col: 0 };
}

/** Each guardrail with the line of its limit in the YAML (its parent's when --set added it; else line 1). */
function positioned(source: Uint8Array, path: string, results: readonly GuardrailResult[]): PositionedGuardrail[] {
  const decoded = decodeSource(source, path);
  const parsed = 'text' in decoded ? parseYamlSource(decoded.text, path) : undefined;
  return results.map((r) => {
    const at = parsed?.ok === true ? parsed.locator.locate(r.dataPath, 'key') : { line: 1, col: 1 };
    return { ...r, line: at.line > 0 ? at.line : 1, col: at.col };
  });
}
