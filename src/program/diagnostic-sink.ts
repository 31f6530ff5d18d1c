/**
 * Collects the loader's diagnostics, turning a data path into `line:col` through the
 * locator, so rules speak in paths and never in offsets.
 */
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { Locator, PositionPart } from './positions.js';

export interface Finding {
  readonly severity?: Severity;
  readonly code: string;
  readonly message: string;
  readonly path: readonly PropertyKey[];
  /** Defaults to `value`. */
  readonly part?: PositionPart;
  readonly hint?: string | undefined;
}

export class DiagnosticSink {
  readonly file: string;
  readonly locator: Locator;
  readonly #diagnostics: Diagnostic[] = [];

  constructor(file: string, locator: Locator) {
    this.file = file;
    this.locator = locator;
  }

  report(finding: Finding): void {
    const { line, col } = this.locator.locate(finding.path, finding.part ?? 'value');
    this.add({
      severity: finding.severity ?? 'error',
      code: finding.code,
      message: finding.message,
      file: this.file,
      line,
      col,
      ...(finding.hint !== undefined ? { hint: finding.hint } : {}),
    });
  }

  add(diagnostic: Diagnostic): void {
    this.#diagnostics.push(diagnostic);
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.#diagnostics;
  }

  sorted(): Diagnostic[] {
    return sortByPosition(this.#diagnostics);
  }
}

/** Document order (errors and warnings mixed), whole-file problems first; stable for equal positions. */
export function sortByPosition(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.line - b.d.line || a.d.col - b.d.col || a.i - b.i)
    .map(({ d }) => d);
}
