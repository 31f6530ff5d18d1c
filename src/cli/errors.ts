/**
 * Errors a command throws for user mistakes. main() turns them into one message and an
 * exit code, never a stack trace (unless --debug).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export const EXIT_OK = 0;
/** Validation failed, or a guardrail / --fail-on threshold was crossed. */
export const EXIT_FINDINGS = 1;
/** Bad usage or unreadable input. */
export const EXIT_USAGE = 2;
/** A bug in pointsmith. */
export const EXIT_INTERNAL = 3;

export class UserError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;
  constructor(message: string, options: { exitCode?: number; hint?: string } = {}) {
    super(message);
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? EXIT_USAGE;
    this.hint = options.hint;
  }
}

/** Input that cannot be used (a YAML design with errors, a bad CSV row...): print every diagnostic, exit 2. */
export class InputError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  readonly exitCode: number;
  constructor(diagnostics: readonly Diagnostic[], exitCode = EXIT_USAGE) {
    super(`${diagnostics.length} problem(s) in the input`);
    this.name = 'InputError';
    this.diagnostics = diagnostics;
    this.exitCode = exitCode;
  }
}
