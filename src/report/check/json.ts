/** `check --format json`: every guardrail with its measure, limit, verdict and position. */
import { jsonText } from '../sanitize/index.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Evidence } from '../../analysis/evidence.js';
import { checkPassed, type CheckReport } from './model.js';
import { diagnosticJson } from '../diagnostics/json.js';
import type { CheckFormatter } from './check-formatter.js';
import type { DiagnosticsJson } from '../diagnostics/json.js';
import type { WarmUp } from '../../analysis/warm-up.js';

/** The document `check --format json` prints; schema/check.schema.json is generated from it. */
export interface CheckJson {
  readonly format_version: 1;
  readonly file: string;
  /** Absent when the design did not validate (no guardrail was tested). */
  readonly program?: string;
  readonly passed: boolean;
  readonly at?: CheckReport['at'];
  readonly evidence?: EvidenceJson;
  readonly warm_up?: WarmUp | null;
  readonly guardrails: readonly {
    readonly name: string;
    readonly measured: number | null;
    readonly comparison: '<=' | '>=';
    readonly limit: number;
    readonly passed: boolean;
    readonly note?: string;
    readonly line: number;
    readonly col: number;
  }[];
  readonly diagnostics: DiagnosticsJson['diagnostics'];
}

interface MonthSpanJson {
  readonly from: string;
  readonly to: string;
  readonly months: number;
}

interface EvidenceJson {
  readonly passed: boolean;
  readonly rows: number;
  readonly skipped_rows: number;
  readonly max_skipped_rows: number;
  readonly events: number;
  readonly outside_events: number;
  readonly program_span: MonthSpanJson;
  readonly covered_span: MonthSpanJson | null;
  readonly problems: readonly { readonly code: string; readonly message: string }[];
}

export function renderCheckJson(report: CheckReport): string {
  const doc: CheckJson = {
      format_version: 1,
      file: report.file,
      program: report.program,
      passed: checkPassed(report),
      // Where the guardrails were measured (docs/commands/check.md): the expectation, or a Monte Carlo percentile.
      at: report.at,
      ...(report.evidence !== undefined ? { evidence: evidenceJson(report.evidence) } : {}),
      // The warm-up periods the guardrails were measured over (null: the design states its launch).
      ...(report.warmUp !== undefined ? { warm_up: report.warmUp } : {}),
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
  };
  return `${jsonText(doc)}\n`;
}

/** The history's evidence: the counts each rule reads, and what broke (`problems`, empty when `passed`). */
function evidenceJson(e: Evidence): EvidenceJson {
  return {
    passed: e.passed,
    rows: e.rows,
    skipped_rows: e.skippedRows,
    max_skipped_rows: e.maxSkippedRows,
    events: e.events,
    outside_events: e.outsideEvents,
    program_span: { from: e.program.from, to: e.program.to, months: e.program.months },
    covered_span: e.covered === null ? null : { from: e.covered.from, to: e.covered.to, months: e.covered.months },
    problems: e.findings.map((f) => ({ code: f.code, message: f.message })),
  };
}

/** The design did not validate: no guardrail was tested; the problems, as `validate --format json` lists them. */
export function renderCheckInvalidJson(file: string, diagnostics: readonly Diagnostic[]): string {
  const doc: CheckJson = { format_version: 1, file, passed: false, guardrails: [], diagnostics: diagnostics.map(diagnosticJson) };
  return `${jsonText(doc)}\n`;
}

export const checkJsonFormat: CheckFormatter = {
  description: 'for tools (its keys are a contract)',
  mediaType: 'application/json',
  terminal: false,
  carriesDiagnostics: true,
  render: (report) => renderCheckJson(report),
  invalid: (design) => renderCheckInvalidJson(design.file, design.diagnostics),
};
