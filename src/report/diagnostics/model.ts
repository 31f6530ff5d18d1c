/** What the diagnostics formats render (`validate`), and the options they take. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { FormatOptions } from '../formatter.js';

export interface DiagnosticsModel {
  readonly diagnostics: readonly Diagnostic[];
  /** Every file checked, in order, clean ones too (they are counted, and listed by junit). */
  readonly files: readonly string[];
}

export interface RenderDiagnosticsOptions extends FormatOptions {
  readonly strict?: boolean;
  readonly toolVersion: string;
  readonly informationUri: string;
  /** SARIF: where docs/diagnostics.md is published (each rule links to `#code`). */
  readonly helpUri: string;
  /** SARIF: a line of a checked file, for fingerprints that survive edits above the finding. */
  readonly lineText?: (file: string, line: number) => string | undefined;
}
