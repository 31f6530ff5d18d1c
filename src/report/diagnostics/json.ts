/**
 * `validate --format json` (DESIGN §6): one document, keys in a fixed order, `hint` and
 * positions always present so a consumer never has to test for a missing key.
 */
import { jsonText } from '../sanitize/index.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { ordered, summarize, type DiagnosticsOptions } from './summary.js';
import type { Formatter } from '../formatter.js';
import type { DiagnosticsModel, RenderDiagnosticsOptions } from './model.js';

export const DIAGNOSTICS_JSON_FORMAT_VERSION = 1;

export interface DiagnosticsJson {
  readonly format_version: number;
  readonly files: readonly string[];
  readonly diagnostics: readonly {
    readonly severity: Diagnostic['severity'];
    readonly code: string;
    readonly message: string;
    readonly file: string;
    readonly line: number;
    readonly col: number;
    readonly hint: string | null;
  }[];
  readonly summary: { readonly files: number; readonly errors: number; readonly warnings: number; readonly ok: boolean };
}

export function diagnosticsJson(diagnostics: readonly Diagnostic[], files: readonly string[], options: DiagnosticsOptions = {}): DiagnosticsJson {
  const summary = summarize(diagnostics, files, options);
  return {
    format_version: DIAGNOSTICS_JSON_FORMAT_VERSION,
    files: [...files],
    diagnostics: ordered(diagnostics, files).map(diagnosticJson),
    summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings, ok: summary.ok },
  };
}

export function renderDiagnosticsJson(diagnostics: readonly Diagnostic[], files: readonly string[], options: DiagnosticsOptions = {}): string {
  return `${jsonText(diagnosticsJson(diagnostics, files, options))}\n`;
}

/** One diagnostic as DESIGN §6 spells it (`hint` null when there is none); check's JSON uses it too. */
export function diagnosticJson(d: Diagnostic): DiagnosticsJson['diagnostics'][number] {
  return { severity: d.severity, code: d.code, message: d.message, file: d.file, line: d.line, col: d.col, hint: d.hint ?? null };
}

export const diagnosticsJsonFormat: Formatter<DiagnosticsModel, RenderDiagnosticsOptions> = {
  description: 'for tools (its keys are a contract)',
  mediaType: 'application/json',
  terminal: false,
  render: (m, options) => renderDiagnosticsJson(m.diagnostics, m.files, options),
};
