/**
 * `pointsmith sensitivity <program> --history H`: one at a time, every weight matched by
 * `--vary` moved by ±`--by`, ranked by its impact on `--metric` (a tornado); or, with
 * `--sweep path=v1,v2,...` (repeatable; two give a grid), the metrics at each value.
 * The history is read once; the replays run on worker threads when there are many.
 */
import { replaySellers } from '../../engine/people/replay-sellers.js';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { isUnknownMetric, resolveMetric, type Metric } from '../../analysis/metrics.js';
import {
  buildSweep,
  buildTornado,
  DEFAULT_VARY,
  isPatternProblem,
  listWeights,
  parseBy,
  parseSweep,
  planSweep,
  planTornado,
  type PatternProblem,
  type Sweep,
} from '../../analysis/sensitivity.js';
import { summarize } from '../../analysis/summary.js';
import { warmUp } from '../../analysis/warm-up.js';
import { compile } from '../../engine/compile.js';
import { replayCompiled } from '../../engine/replay.js';
import { applyOverrides } from '../../program/overrides.js';
import type { Program } from '../../program/program.js';
import { formats, type SensitivityFormat, type SensitivityModel } from '../../report/sensitivity/index.js';
import { renderSensitivityHtml } from '../../report/sensitivity/html.js';
import { addPdfOption, checkPdfTargets, emitWithPdf, pdfDateFor, reportDateFor } from '../pdf-option.js';
import { InputError, UserError } from '../errors.js';
import { addEvidenceOption, evidenceFor, warnEvidence } from '../evidence.js';
import { assertFiniteReport } from '../finite.js';
import { withExamples } from '../help.js';
import { addHistoryOptions, loadHistoryForCommand } from '../load-history.js';
import { addProgramOptions, resolveProgramForCommand } from '../program-options.js';
import { progressBar } from '../progress.js';
import { runReplays, workerCount } from '../sensitivity-pool.js';
import { addBomOption, checkBom } from '../csv-bom.js';
import { addFormatOption, checkBinaryTarget, renderReport } from '../report-format.js';
import type { RegisterCommand } from './register.js';
import { collect } from '../repeatable.js';

/**
 * What a sweep reports besides --metric: the measures a strategist reads first, the budget
 * both over the span and in its worst fiscal year (prorated as run measures it), since a
 * span's average hides a year over budget.
 */
const SWEEP_METRICS = ['points.earned', 'cost.total', 'liability', 'budget.used_share', 'budget.worst_year_share'];

interface SensitivityOptions {
  format: SensitivityFormat;
  vary?: string[];
  by: string;
  metric: string;
  sweep?: string[];
  workers: number | 'auto';
  bom?: boolean;
  pdf?: string;
}

function workersArgument(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('expected auto, or a whole number from 0 (this thread) to 64');
  return n;
}

function problemError(problems: readonly PatternProblem[], file: string): InputError {
  return new InputError(
    problems.map((p): Diagnostic => ({ severity: 'error', code: 'sensitivity-argument', message: p.message, file, line: 0, col: 0, ...(p.hint !== undefined ? { hint: p.hint } : {}) })),
  );
}

export const registerSensitivity: RegisterCommand = (root, ctx) => {
  const command = root
    .command('sensitivity')
    .description('move each weight by ±X% one at a time and rank them by impact on a metric (tornado), or sweep parameters over values')
    .argument('<program>', 'the design (.yaml)')
    .addOption(new Option('--vary <glob>', `weights to move (repeatable; default: ${DEFAULT_VARY.join(', ')})`).argParser(collect))
    .option('--by <percent>', 'how far each weight moves, both ways', '20%')
    .option('--metric <name>', 'what to rank by: cost.total, liability, points.earned, budget.used_share, tiers.<Name>.share, rewards.<id>.units, ...', 'cost.total')
    .addOption(new Option('--sweep <path=v1,v2,...>', 'replay at each value (repeatable; two sweeps give a grid); replaces the tornado').argParser(collect))
    .addOption(new Option('--workers <n>', 'worker threads beside this one for the replays: auto, or a number (0: this thread only)').argParser(workersArgument).default('auto'));
  addFormatOption(command, formats, 'table');
  addBomOption(command);
  addPdfOption(command);
  addHistoryOptions(command);
  addEvidenceOption(command);
  addProgramOptions(command);
  return withExamples(command, [
    'pointsmith sensitivity programs/lifecycle.yaml --history fixtures/sample/history.csv',
    'pointsmith sensitivity programs/lifecycle.yaml --history fixtures/sample/history.csv --vary "activities.*.points" --by 10% --metric tiers.Gold.share',
    'pointsmith sensitivity programs/lifecycle.yaml --history fixtures/sample/history.csv --sweep tiers.Gold.min_points=2000,2500,3000 --sweep activities.deal_closed.multipliers.product.saas=1.5,2',
    'pointsmith sensitivity programs/lifecycle.yaml --history fixtures/sample/history.csv --format csv --bom --out tornado.csv',
    'pointsmith sensitivity programs/lifecycle.yaml --history fixtures/sample/history.csv --format html --out tornado.html',
    'pointsmith sensitivity programs/lifecycle.yaml --history fixtures/sample/history.csv --pdf tornado.pdf',
  ]).action(async (path: string, options: SensitivityOptions, cmd: Command) => {
    checkBom(options.format, formats[options.format], options.bom);
    checkBinaryTarget(ctx, cmd, options.format, formats[options.format]);
    await checkPdfTargets(ctx, cmd, options.pdf);
    const by = parseBy(options.by);
    if (isPatternProblem(by)) throw new UserError(by.message, by.hint !== undefined ? { hint: by.hint } : {});
    const program = await resolveProgramForCommand(ctx, cmd, path);
    const metric = resolveMetric(options.metric, program);
    if (isUnknownMetric(metric)) throw new UserError(`--metric: ${metric.message}`, metric.hint !== undefined ? { hint: metric.hint } : {});

    let sweeps: Sweep[] = [];
    if (options.sweep !== undefined) {
      const parsed = options.sweep.map(parseSweep);
      const problems = parsed.filter(isPatternProblem);
      if (problems.length > 0) throw problemError(problems, '--sweep');
      sweeps = parsed.filter((s): s is Sweep => !isPatternProblem(s));
      if (options.vary !== undefined) throw new UserError('--vary and --sweep do not go together', { hint: '--vary picks the weights of a tornado; --sweep replays at given values' });
      checkSweepPaths(program, path, sweeps);
    }
    const weightsFound = sweeps.length === 0 ? listWeights(program, options.vary ?? DEFAULT_VARY, { strict: options.vary !== undefined }) : undefined;
    if (weightsFound !== undefined && weightsFound.problems.length > 0) throw problemError(weightsFound.problems, '--vary');

    const history = await loadHistoryForCommand(ctx, cmd, program, path);
    const { store, partners } = history;
    const pdfAt = pdfDateFor(ctx, options.pdf, history, program);
    const at = reportDateFor(ctx, formats[options.format], history, program);
    const emit = (model: SensitivityModel): Promise<void> =>
      emitWithPdf(ctx, cmd, { file: options.pdf, at: pdfAt, html: () => renderSensitivityHtml(model) }, () => renderReport(ctx, cmd, formats[options.format], model, { at }));
    // The design as written, replayed once: the tornado's base, and the evidence either way.
    const prepared = history.prepared;
    const baseLedger = replayCompiled(compile(program, prepared), { detail: false });
    warnEvidence(ctx, cmd, [evidenceFor(cmd, program, history, baseLedger)]);
    // The design as written must replay to finite figures, whatever the metric reads.
    const baseSummary = summarize(baseLedger, { sellers: replaySellers(program, history.people, { detail: false }) });
    assertFiniteReport(baseSummary, program, 'the run summary\'s');
    const currency = program.program.currency;

    if (sweeps.length > 0) {
      const metrics = uniqueMetrics(program, [metric.name, ...SWEEP_METRICS]);
      const plan = planSweep(sweeps);
      const results = await replays(program, path, store, partners, metrics, plan.map((p) => p.sets), options.workers);
      const report = buildSweep(sweeps, metrics, plan, results);
      assertFiniteReport(report, program, 'the sweep\'s');
      return emit({ kind: 'sweep', report, currency, warmUp: warmUp(baseLedger) });
    }

    const weights = weightsFound?.weights ?? [];
    const base = metric.read(baseSummary);
    const plan = planTornado(weights, by);
    const results = await replays(program, path, store, partners, [metric], plan.map((p) => p.sets), options.workers);
    const report = buildTornado(metric, by, base, weights, plan, results.map((r) => r[0] ?? null));
    assertFiniteReport(report, program, 'the tornado\'s');
    return emit({ kind: 'tornado', report, currency, warmUp: warmUp(baseLedger) });

    async function replays(
      base: Program,
      file: string,
      storeArg: typeof store,
      partnersArg: typeof partners,
      metrics: readonly Metric[],
      variants: Parameters<typeof runReplays>[0]['variants'],
      workers: number | 'auto',
    ): Promise<(number | null)[][]> {
      const job = { program: base, file, store: storeArg, partners: partnersArg, history: prepared, people: history.people, metrics: metrics.map((m) => m.name), variants };
      const bar = progressBar(ctx.io.stderr, `replaying ${variants.length} variants`, variants.length);
      try {
        return await runReplays(job, { workers: workerCount(workers, job), onProgress: (done) => bar.update(done) });
      } finally {
        bar.finish();
      }
    }
  });
};

/** Every sweep value applied alone, before any replay: a wrong path or type fails at once. */
function checkSweepPaths(program: Program, file: string, sweeps: readonly Sweep[]): void {
  const problems: Diagnostic[] = [];
  for (const sweep of sweeps) {
    for (const value of sweep.values) {
      const { diagnostics } = applyOverrides(program, { sets: [[sweep.path, value]] }, file);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        const given = `--sweep ${sweep.path}=${String(value)}`;
        problems.push(
          ...errors.map((d) => ({ ...d, message: d.message.startsWith('--set ') ? d.message.replace(/^--set /, `${given}: `) : `${d.message} (with ${given})` })),
        );
        break;
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
}

function uniqueMetrics(program: Program, names: readonly string[]): Metric[] {
  const seen = new Set<string>();
  const metrics: Metric[] = [];
  for (const name of names) {
    if (seen.has(name) || (name === 'liability' && seen.has('cost.liability')) || (name === 'cost.liability' && seen.has('liability'))) continue;
    const m = resolveMetric(name, program);
    if (isUnknownMetric(m)) continue;
    seen.add(name);
    metrics.push(m);
  }
  return metrics;
}
