/**
 * A check format: a Formatter of the guardrail report, and what it does with a design
 * that does not validate (nothing was replayed, so there is no report). Every format
 * exits 1 then; `invalid` says what it prints, and `carriesDiagnostics` whether its output
 * is the whole story (the design's warnings in it, stderr silent about the design) or a
 * person's report that leaves them on stderr.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Formatter } from '../formatter.js';
import type { CheckReport } from './model.js';

export interface InvalidDesign {
  /** The design as the user named it. */
  readonly file: string;
  /** Its errors, then its warnings. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface CheckFormatter extends Formatter<CheckReport> {
  /** The output for a design that does not validate; absent: nothing on stdout, the problems on stderr. */
  readonly invalid?: (design: InvalidDesign) => string;
  /** Machine formats (github, json): the design's warnings go into the output, not to stderr. */
  readonly carriesDiagnostics: boolean;
}
