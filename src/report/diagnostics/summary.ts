/**
 * What every diagnostics renderer needs beyond the list: the files in the order they
 * were checked, their problems grouped with them, and the counts for the summary line.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';

export interface DiagnosticsOptions {
  /** Warnings count as failures (`validate --strict`). */
  readonly strict?: boolean;
}

export interface FileDiagnostics {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface DiagnosticsSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  /** Problems listed one by one; fewer than errors + warnings when some are only counted. */
  readonly listed: number;
  /** Files with at least one diagnostic. */
  readonly filesWithProblems: number;
  /** True when nothing fails: no error, and no warning under --strict. */
  readonly ok: boolean;
}

/**
 * Groups diagnostics by file in the order of `files`; a diagnostic whose file was not
 * listed (it should not happen) gets a group of its own at the end rather than vanishing.
 * Within a file the producer's order (document order) is kept.
 */
export function groupByFile(diagnostics: readonly Diagnostic[], files: readonly string[]): FileDiagnostics[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const file of files) groups.set(file, []);
  for (const d of diagnostics) {
    const list = groups.get(d.file);
    if (list) list.push(d);
    else groups.set(d.file, [d]);
  }
  return [...groups].map(([file, list]) => ({ file, diagnostics: list }));
}

/** The diagnostics in renderer order: by file (as checked), then as produced. */
export function ordered(diagnostics: readonly Diagnostic[], files: readonly string[]): Diagnostic[] {
  return groupByFile(diagnostics, files).flatMap((g) => g.diagnostics);
}

export function isFailure(d: Diagnostic, options: DiagnosticsOptions = {}): boolean {
  return d.severity === 'error' || (options.strict === true && d.severity === 'warning');
}

export function summarize(diagnostics: readonly Diagnostic[], files: readonly string[], options: DiagnosticsOptions = {}): DiagnosticsSummary {
  const groups = groupByFile(diagnostics, files);
  // A "N more not shown" diagnostic counts as its N problems, not as one more error.
  const problems = (severity: Diagnostic['severity']) => diagnostics.reduce((n, d) => n + (d.severity === severity ? (d.count ?? 1) : 0), 0);
  return {
    files: groups.length,
    errors: problems('error'),
    warnings: problems('warning'),
    listed: diagnostics.filter((d) => d.count === undefined).length,
    filesWithProblems: groups.filter((g) => g.diagnostics.length > 0).length,
    ok: !diagnostics.some((d) => isFailure(d, options)),
  };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * `2 errors, 1 warning in 2 files; 1 file valid`, or `3 files valid` when clean; with
 * `(1000 listed)` when some problems are only counted (a history's bad rows past the first 1,000).
 */
export function summaryLine(summary: DiagnosticsSummary): string {
  const valid = summary.files - summary.filesWithProblems;
  if (summary.errors === 0 && summary.warnings === 0) return `${count(summary.files, 'file')} valid`;
  const parts: string[] = [];
  if (summary.errors > 0) parts.push(count(summary.errors, 'error'));
  if (summary.warnings > 0) parts.push(count(summary.warnings, 'warning'));
  const tail = valid > 0 ? `; ${count(valid, 'file')} valid` : '';
  const listed = summary.listed < summary.errors + summary.warnings ? ` (${summary.listed} listed)` : '';
  return `${parts.join(', ')} in ${count(summary.filesWithProblems, 'file')}${listed}${tail}`;
}

/** `file:line:col`, `file:line` or `file`, leaving out what is unknown (0): for machine-read text. */
export function location(d: Diagnostic): string {
  if (d.line <= 0) return d.file;
  return d.col > 0 ? `${d.file}:${d.line}:${d.col}` : `${d.file}:${d.line}`;
}

/**
 * Where a person's editor or terminal should jump: always `file:line:col`. A problem that
 * concerns the whole file (line 0: empty, binary) points at its start, 1:1.
 */
export function jumpLocation(d: Diagnostic): string {
  if (d.line <= 0) return `${d.file}:1:1`;
  return `${d.file}:${d.line}:${d.col > 0 ? d.col : 1}`;
}
