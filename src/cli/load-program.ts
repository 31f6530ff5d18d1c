/**
 * Reading a design named on the command line, for every command that replays one:
 * unreadable input is one line and exit 2; warnings go to stderr with their position;
 * errors stop the command (exit 2) with every diagnostic printed.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadProgram } from '../program/load.js';
import type { Program } from '../program/program.js';
import { location } from '../report/diagnostics/summary.js';
import type { CommandContext } from './context.js';
import { InputError, UserError } from './errors.js';
import { unreadable } from './expand-inputs.js';

/** The bytes of a design file; a missing file, a folder or an unreadable file is a UserError (exit 2). */
export async function readDesignSource(ctx: CommandContext, path: string): Promise<Uint8Array> {
  const full = ctx.path(path);
  const info = await stat(full).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(path, error, (p) => ctx.path(p));
  });
  if (info.isDirectory()) {
    throw new UserError(`cannot read ${path}: it is a folder, not a design file`, { hint: 'name a .yaml design inside it' });
  }
  return readFile(full).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(path, error, (p) => ctx.path(p));
  });
}

/** `file:line:col: code: message (hint)` for stderr; the `warning:` prefix comes from ctx.warn. */
export function warningLine(d: Diagnostic): string {
  return `${location(d)}: ${d.code}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`;
}

export async function readProgramFile(ctx: CommandContext, command: Command, path: string): Promise<Program> {
  const source = await readDesignSource(ctx, path);
  const { program, diagnostics } = loadProgram(source, path);
  for (const d of diagnostics) if (d.severity === 'warning') ctx.warn(command, warningLine(d));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || program === undefined) {
    throw new InputError(
      errors.length > 0
        ? errors
        : [{ severity: 'error', code: 'not-loaded', message: 'the design could not be loaded', file: path, line: 0, col: 0 }],
    );
  }
  return program;
}
