/** `check --format json`: every guardrail with its measure, limit, verdict and position. */
import { jsonText } from '../sanitize/index.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { failures, type CheckReport } from './model.js';
import { diagnosticJson } from '../diagnostics/json.js';

export function renderCheckJson(report: CheckReport): string {
  return `${jsonText(
    {
      format_version: 1,
      file: report.file,
      program: report.program,
      passed: failures(report).length === 0,
      guardrails: report.results.map((r) => ({
        name: r.name,
        measured: r.measured,
        comparison: r.comparison,
        limit: r.limit,
        passed: r.passed,
        ...(r.note !== undefined ? { note: r.note } : {}),
        line: r.line,
        col: r.col,
      })),
      // The design's warnings: in this format the document is the whole report.
      diagnostics: (report.warnings ?? []).map(diagnosticJson),
    },
  )}\n`;
}

/** The design did not validate: no guardrail was tested; the problems, as `validate --format json` lists them. */
export function renderCheckInvalidJson(file: string, diagnostics: readonly Diagnostic[]): string {
  return `${jsonText(
    {
      format_version: 1,
      file,
      passed: false,
      guardrails: [],
      diagnostics: diagnostics.map(diagnosticJson),
    },
  )}\n`;
}
