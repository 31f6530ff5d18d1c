/**
 * Collects the problems of a history's rows: every bad row is counted, the first
 * `MAX_DETAILED` get a Diagnostic (a file with 100,000 bad rows would otherwise hold
 * 100,000 messages nobody reads).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export const MAX_DETAILED = 1000;

export class BadRows {
  readonly diagnostics: Diagnostic[] = [];
  count = 0;
  private readonly file: string;
  private lastRow = -1;

  constructor(file: string) {
    this.file = file;
  }

  /** A problem in data row `row` (1-based), starting on physical `line`, at 1-based column `col`. */
  add(row: number, line: number, col: number, code: string, message: string, hint?: string): void {
    if (row !== this.lastRow) {
      this.count++;
      this.lastRow = row;
    }
    if (this.diagnostics.length < MAX_DETAILED) {
      this.diagnostics.push({ severity: 'error', code, message: `row ${row}: ${message}`, file: this.file, line, col, ...(hint ? { hint } : {}) });
    }
  }
}

/** Diagnostics in file order (line, then column), as a person reads them. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.col - b.col;
}
