/**
 * `pointsmith calibrate <program> --history H --target METRIC=VALUE --vary PATH`: the
 * inverse of `run`. Finds the design values that give the outcomes asked for (a Gold
 * threshold that puts 10 % of partners in Gold; the multiplier on every weight that keeps
 * the worst year inside its budget; the expiry that gives 15 % breakage) by bisection over
 * replays (src/analysis/calibrate.ts); `--write FILE` saves the calibrated design with its
 * comments. Exit 0 when every target is met, 1 when one cannot be, 2 for bad usage.
 */
import { Option, type Command } from 'commander';
import { calibrate, type Target } from '../../analysis/calibrate.js';
import { parseTarget, planPairs, type CalibrationProblem } from '../../analysis/calibrate-plan.js';
import { replaySellers } from '../../engine/people/replay-sellers.js';
import { summarize } from '../../analysis/summary.js';
import { replayMeasure } from '../../analysis/calibrate-measure.js';
import { compile } from '../../engine/compile.js';
import { replayCompiled } from '../../engine/replay.js';
import { resolveSetPath } from '../../program/paths.js';
import { decodeSource } from '../../program/source-text.js';
import { designWithChanges } from '../../program/write-design.js';
import { formats, type CalibrateFormat } from '../../report/calibrate/index.js';
import { EXIT_FINDINGS, InputError, UserError } from '../errors.js';
import { addEvidenceOption, evidenceFor, warnEvidence } from '../evidence.js';
import { assertFiniteReport } from '../finite.js';
import { withExamples } from '../help.js';
import { addHistoryOptions, loadHistoryForCommand } from '../load-history.js';
import { readDesignSource } from '../load-program.js';
import { assertWritable, writeFileAtomic } from '../output.js';
import { addProgramOptions, resolveProgramForCommand } from '../program-options.js';
import { addFormatOption, renderFormatted } from '../report-format.js';
import { addBomOption, checkBom } from '../csv-bom.js';
import type { RegisterCommand } from './register.js';
import { collect } from '../repeatable.js';

interface CalibrateOptions {
  target?: string[];
  vary?: string[];
  scale?: boolean;
  write?: string;
  format: CalibrateFormat;
  bom?: boolean;
}

function usage(problems: readonly CalibrationProblem[]): UserError {
  const [first] = problems;
  return new UserError(first?.message ?? 'bad arguments', first?.hint !== undefined ? { hint: first.hint } : {});
}

export const registerCalibrate: RegisterCommand = (root, ctx) => {
  const command = root
    .command('calibrate')
    .description('find the design values that give the outcomes you ask for: thresholds for tier shares, a weight multiplier for a budget, an expiry for breakage')
    .argument('<program>', 'the design (.yaml)')
    .addOption(new Option('--target <metric=value>', 'an outcome: METRIC=VALUE, METRIC<=VALUE or METRIC>=VALUE (shares as 10% or 0.1; repeatable)').argParser(collect))
    .addOption(new Option('--vary <path>', 'the design value that moves the target (repeatable, one per target in order; a tier target takes its tier\'s value out of tiers.*.min_points)').argParser(collect))
    .option('--scale', 'search one multiplier of every value --vary matches (one target)')
    .option('--write <file>', 'write the calibrated design there (comments and key order kept; refuses to overwrite without --force)');
  addFormatOption(command, formats, 'table');
  addBomOption(command);
  addHistoryOptions(command);
  addEvidenceOption(command);
  addProgramOptions(command);
  return withExamples(command, [
    "pointsmith calibrate programs/lifecycle.yaml --history fixtures/sample/history.csv --target tiers.Gold.share=10% --target tiers.Platinum.share=2% --vary 'tiers.*.min_points'",
    "pointsmith calibrate programs/lifecycle.yaml --history fixtures/sample/history.csv --target budget.worst_year_share=100% --vary 'activities.*.points' --vary 'activities.*.points_per.points' --scale",
    'pointsmith calibrate programs/lifecycle.yaml --history fixtures/sample/history.csv --target breakage=1% --vary points.expiry_months --write calibrated.yaml',
    "pointsmith calibrate programs/lifecycle.yaml --history fixtures/sample/history.csv --target tiers.Gold.share=10% --vary 'tiers.*.min_points' --format csv --bom --out calibration.csv",
  ]).action(async (path: string, options: CalibrateOptions, cmd: Command) => {
    checkBom(options.format, formats[options.format], options.bom);
    if (options.target === undefined || options.target.length === 0) {
      throw new UserError('calibrate needs at least one --target', { hint: 'e.g. --target tiers.Gold.share=10% --vary tiers.Gold.min_points' });
    }
    if (options.vary === undefined || options.vary.length === 0) {
      throw new UserError('calibrate needs --vary: the design value each target may move', { hint: "e.g. --vary 'tiers.*.min_points'" });
    }
    const force = Boolean(cmd.optsWithGlobals<{ force?: boolean }>().force);
    if (options.write !== undefined) await assertWritable(ctx.path(options.write), force, '--write', options.write);
    const program = await resolveProgramForCommand(ctx, cmd, path);
    const parsed = options.target.map((text) => parseTarget(text, program));
    const problems = parsed.filter((p): p is CalibrationProblem => 'message' in p);
    if (problems.length > 0) throw usage(problems);
    const targets = parsed as Target[];
    const plan = planPairs(program, targets, options.vary, options.scale === true);
    if ('problems' in plan) throw usage(plan.problems);

    const history = await loadHistoryForCommand(ctx, cmd, program, path);
    const prepared = history.prepared;
    const base = replayCompiled(compile(program, prepared), { detail: false });
    warnEvidence(ctx, cmd, [evidenceFor(cmd, program, history, base)]);
    // The design as written must replay to finite figures before any is searched.
    assertFiniteReport(summarize(base, { sellers: replaySellers(program, history.people, { detail: false }) }), program, 'the run summary\'s');
    const calibration = calibrate(plan.pairs, replayMeasure(program, path, prepared, history.people, plan.pairs));

    if (options.write !== undefined) {
      const decoded = decodeSource(await readDesignSource(ctx, path), path);
      if ('diagnostic' in decoded) throw new InputError([decoded.diagnostic]);
      const changes = calibration.pairs.flatMap((r) =>
        r.values.map((v) => ({ dataPath: resolveSetPath(program, v.path).targets[0]?.dataPath ?? [], value: v.to })),
      );
      await writeFileAtomic(ctx.path(options.write), designWithChanges(decoded.text, changes), force, '--write', options.write);
      ctx.info(cmd, `wrote ${options.write}`);
    }
    const model = { program: program.program.name, currency: program.program.currency, calibration };
    await ctx.emit(cmd, renderFormatted(ctx, cmd, formats[options.format], model, {}));
    if (!calibration.met) ctx.exitCode = EXIT_FINDINGS;
  });
};
