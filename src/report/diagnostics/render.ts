/** The diagnostics formats `validate --format` offers, and one entry point to render any of them. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Style } from '../style.js';
import { renderDiagnosticsGithub } from './github.js';
import { renderDiagnosticsJson } from './json.js';
import { renderDiagnosticsJunit } from './junit.js';
import { renderDiagnosticsSarif } from './sarif.js';
import { renderDiagnosticsText } from './text.js';

export const DIAGNOSTICS_FORMATS = ['text', 'json', 'github', 'junit', 'sarif'] as const;
export type DiagnosticsFormat = (typeof DIAGNOSTICS_FORMATS)[number];

export interface RenderDiagnosticsOptions {
  readonly strict?: boolean;
  /** Colour for `text`; ignored by the machine formats. */
  readonly style?: Style;
  readonly toolVersion: string;
  readonly informationUri: string;
  /** SARIF: where docs/diagnostics.md is published (each rule links to `#code`). */
  readonly helpUri: string;
  /** SARIF: a line of a checked file, for fingerprints that survive edits above the finding. */
  readonly lineText?: (file: string, line: number) => string | undefined;
}

export function renderDiagnostics(
  format: DiagnosticsFormat,
  diagnostics: readonly Diagnostic[],
  files: readonly string[],
  options: RenderDiagnosticsOptions,
): string {
  switch (format) {
    case 'text':
      return renderDiagnosticsText(diagnostics, files, options);
    case 'json':
      return renderDiagnosticsJson(diagnostics, files, options);
    case 'github':
      return renderDiagnosticsGithub(diagnostics, files, options);
    case 'junit':
      return renderDiagnosticsJunit(diagnostics, files, options);
    case 'sarif':
      return renderDiagnosticsSarif(diagnostics, files, options);
  }
}
