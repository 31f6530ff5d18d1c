/**
 * From `calibrate`'s arguments to search pairs: each `--target METRIC(=|<=|>=)VALUE` is
 * read against the design's metrics, and paired with the design value that moves it.
 *
 * Pairing, in order of preference:
 *  - `--scale`: one target, and one multiplier over every number the `--vary` patterns
 *    match (the weights scaled together, as "every weight × 0.9");
 *  - a tier target (`tiers.Gold.share`) takes the matched value under that tier
 *    (`tiers.Gold.min_points` out of `--vary 'tiers.*.min_points'`);
 *  - otherwise the i-th target takes the i-th `--vary`, which must match one number.
 */
import type { Program } from '../program/program.js';
import type { CalibrationPair, Target, TargetOp } from './calibrate.js';
import { isUnknownMetric, resolveMetric } from './metrics.js';
import { listWeights, type PatternProblem, type Weight } from './sensitivity.js';

export interface CalibrationProblem {
  readonly message: string;
  readonly hint?: string;
}

/** `tiers.Gold.share=10%` → the metric, the comparison and the value (a share written as % or 0..1). */
export function parseTarget(text: string, program: Program): Target | CalibrationProblem {
  const match = /^(.+?)(<=|>=|=)(.+)$/.exec(text.trim());
  if (match === null) return { message: `--target \`${text}\`: expected METRIC=VALUE, METRIC<=VALUE or METRIC>=VALUE`, hint: 'e.g. --target tiers.Gold.share=10%' };
  const [, name = '', op = '=', raw = ''] = match;
  const metric = resolveMetric(name.trim(), program);
  if (isUnknownMetric(metric)) return { message: `--target: ${metric.message}`, ...(metric.hint !== undefined ? { hint: metric.hint } : {}) };
  const valueText = raw.trim();
  const percent = valueText.endsWith('%');
  const number = Number(percent ? valueText.slice(0, -1) : valueText);
  if (valueText === '' || !Number.isFinite(number)) return { message: `--target \`${text}\`: \`${valueText}\` is not a number`, hint: 'e.g. 10% or 0.1 for a share, 1500000 for money' };
  if (percent && metric.kind !== 'share') return { message: `--target \`${text}\`: ${metric.name} is not a share, so it takes no %`, hint: `write the value as a plain number` };
  if (metric.kind === 'share' && !percent && number > 1) {
    return { message: `--target \`${text}\`: a share lies between 0 and 1`, hint: `did you mean ${number}%?` };
  }
  return { metric, op: op as TargetOp, value: percent ? number / 100 : number };
}

export function planPairs(
  program: Program,
  targets: readonly Target[],
  patterns: readonly string[],
  scale: boolean,
): { pairs: CalibrationPair[] } | { problems: CalibrationProblem[] } {
  const { weights, problems } = listWeights(program, patterns, { strict: true });
  if (problems.length > 0) return { problems: problems.map((p: PatternProblem) => ({ message: p.message, ...(p.hint !== undefined ? { hint: p.hint } : {}) })) };
  if (scale) {
    const [target] = targets;
    if (targets.length !== 1 || target === undefined) {
      return { problems: [{ message: `--scale searches one multiplier, so it takes one --target (got ${targets.length})`, hint: 'calibrate one outcome at a time with --scale, or drop --scale to pair each target with its own value' }] };
    }
    return { pairs: [{ target, parameter: { paths: weights, scale: true, integer: false } }] };
  }
  const used = new Set<string>();
  const pairs: CalibrationPair[] = [];
  const byPattern = patterns.map((pattern) => listWeights(program, [pattern], { strict: true }).weights);
  for (const [i, target] of targets.entries()) {
    const weight = tierWeight(target, weights, used) ?? orderedWeight(i, targets.length, byPattern, used);
    if (weight === undefined) {
      return {
        problems: [
          {
            message: `--target ${target.metric.name}: no --vary value to move it`,
            hint: 'give one --vary per --target, in the same order, each matching one number (a tier target takes its tier\'s value out of a pattern such as tiers.*.min_points)',
          },
        ],
      };
    }
    used.add(weight.path);
    pairs.push({ target, parameter: { paths: [weight], scale: false, integer: Number.isInteger(weight.value) } });
  }
  return { pairs };
}

/** `tiers.Gold.share` → the matched value under `tiers.Gold.` (one only). */
function tierWeight(target: Target, weights: readonly Weight[], used: ReadonlySet<string>): Weight | undefined {
  const parts = target.metric.name.split('.');
  if (parts[0] !== 'tiers' || parts.length < 3) return undefined;
  const tier = parts.slice(1, -1).join('.');
  const under = weights.filter((w) => w.path.startsWith(`tiers.${tier}.`) && !used.has(w.path));
  return under.length === 1 ? under[0] : undefined;
}

/** The i-th --vary when there are as many patterns as targets and it matches one number. */
function orderedWeight(i: number, count: number, byPattern: readonly Weight[][], used: ReadonlySet<string>): Weight | undefined {
  if (byPattern.length !== count) return undefined;
  const matched = byPattern[i] ?? [];
  const [only] = matched;
  return matched.length === 1 && only !== undefined && !used.has(only.path) ? only : undefined;
}
