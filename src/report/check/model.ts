/**
 * What `check` reports: the guardrail results of one design, each with the position of
 * its limit in the YAML (for annotations), and how to read the values.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Evidence } from '../../analysis/evidence.js';
import type { GuardrailResult } from '../../analysis/guardrails.js';
import type { WarmUp } from '../../analysis/warm-up.js';
import { formatMetric } from '../compare/metric-value.js';

export interface PositionedGuardrail extends GuardrailResult {
  /** 1-based; the guardrail's line in the design (1 when it has none, e.g. set by --set). */
  readonly line: number;
  readonly col: number;
}

export interface CheckReport {
  /** The design as the user named it. */
  readonly file: string;
  readonly program: string;
  readonly currency: string;
  /**
   * Where the guardrails were measured: `mean`, the expectation `run` prints (runs and
   * seed null), or a percentile of a Monte Carlo of `runs` runs of `seed`.
   */
  readonly at: { readonly measure: 'mean' | 'p50' | 'p90' | 'p95'; readonly runs: number | null; readonly seed: number | null };
  readonly results: readonly PositionedGuardrail[];
  /**
   * The design's warnings, for the machine formats (github, json) that carry every
   * problem in their own output; empty for text and markdown, which leave them on stderr.
   */
  readonly warnings?: readonly Diagnostic[];
  /** The history as the user named it (github annotations of evidence findings point at it). */
  readonly history?: string;
  /** The warm-up periods of the replay (no `launch:`; src/analysis/warm-up.ts): the guardrails measured them too. Absent: none. */
  readonly warmUp?: WarmUp | null;
  /** Whether the history gave evidence enough; absent in reports built without it (then only the guardrails count). */
  readonly evidence?: Evidence;
}

/** The check passes when every guardrail holds and the history is evidence enough. */
export function checkPassed(report: CheckReport): boolean {
  return failures(report).length === 0 && (report.evidence?.passed ?? true);
}

/** `FAIL  evidence: <finding>` in text; the same words in every format. */
export function evidenceFindings(report: CheckReport): readonly string[] {
  return (report.evidence?.findings ?? []).map((f) => f.message);
}

export function failures(report: CheckReport): PositionedGuardrail[] {
  return report.results.filter((r) => !r.passed);
}

/** `max_cost: measured $3,100.00, limit ≤ $2,500.00` */
export function describeResult(r: GuardrailResult, currency: string): string {
  const measured = r.measured === null ? 'not measurable' : formatMetric(r.kind, r.measured, currency);
  const limit = `${r.comparison === '<=' ? '≤' : '≥'} ${formatMetric(r.kind, r.limit, currency)}`;
  return `${r.name}: measured ${measured}, limit ${limit}${r.note !== undefined ? ` (${r.note})` : ''}`;
}

export function summaryLine(report: CheckReport): string {
  const n = report.results.length;
  const failed = failures(report).length;
  const k = evidenceFindings(report).length;
  if (k > 0) {
    // The guardrails were measured on what was replayed: say so, but the verdict is the evidence's.
    const evidence = `${report.file}: no pass without evidence (${k} problem${k === 1 ? '' : 's'} with the history)`;
    if (n === 0) return `${evidence}; no guardrails in the design`;
    return `${evidence}; ${guardrailCount(n, failed)} on what was replayed, ${atText(report)}`;
  }
  if (n === 0) return `${report.file}: no guardrails in the design; nothing to check`;
  return `${report.file}: ${guardrailCount(n, failed)} ${atText(report)}`;
}

function guardrailCount(n: number, failed: number): string {
  if (failed === 0) return n === 1 ? 'the 1 guardrail holds' : `all ${n} guardrails hold`;
  return `${failed} of ${n} guardrail${n === 1 ? '' : 's'} crossed`;
}

/** `at the expectation (as run prints it)` or `at P90 of 200 runs, seed 1 (minima at P10)`. */
export function atText(report: CheckReport): string {
  const { measure, runs, seed } = report.at;
  if (measure === 'mean') return 'at the expectation (as run prints it)';
  const q = Number(measure.slice(1));
  const low = q === 50 ? '' : ` (minima at P${100 - q})`;
  return `at P${q} of ${runs ?? 0} runs, seed ${seed ?? 0}${low}`;
}
