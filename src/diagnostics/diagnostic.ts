/**
 * The one shape every user-facing problem takes, from the YAML loader, the CSV reader,
 * parameter paths and guardrails alike. Problems are collected, never thrown one at a time.
 */
import { terminalText } from '../report/sanitize/terminal.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable identifier (`PS0xx`-style or kebab-case), used as the SARIF rule id. */
  readonly code: string;
  readonly message: string;
  /** The file as the user named it (relative paths stay relative). */
  readonly file: string;
  /** 1-based; 0 when the problem concerns the whole file. For CSV, `line` is the row number. */
  readonly line: number;
  /** 1-based; 0 when unknown. */
  readonly col: number;
  readonly hint?: string;
  /**
   * For a diagnostic that stands for problems not listed one by one (`500 more bad rows not
   * shown`): how many. Summaries count it as that many problems; absent means itself only.
   */
  readonly count?: number;
}

/** Thrown by core functions only for problems that stop the work (unreadable input); carries diagnostics. */
export class DiagnosticError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatOneLine).join('\n'));
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
}

/**
 * One line for a terminal or a log: the file, message and hint can hold text from the
 * input (a YAML key, a CSV value), so they go through the terminal context of the
 * sanitising layer and can never start a line of their own (a `::error::` in a CI log).
 */
export function formatOneLine(d: Diagnostic): string {
  const t = terminalText;
  const where = d.line > 0 ? `${t(d.file)}:${d.line}${d.col > 0 ? `:${d.col}` : ''}` : t(d.file);
  return `${where}: ${d.severity} ${t(d.code)}: ${t(d.message)}${d.hint ? ` (${t(d.hint)})` : ''}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}
