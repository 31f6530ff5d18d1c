/**
 * What every command gets: the Io, the global flags, a style for colour, and helpers to
 * emit the report (stdout or --out) and to say things on stderr.
 */
import { Chalk } from 'chalk';
import { isAbsolute, resolve } from 'node:path';
import type { Command } from 'commander';
import { terminalText } from '../report/sanitize/terminal.js';
import { plainStyle, type Style } from '../report/style.js';
import type { Io } from './io.js';
import { writeFileAtomic } from './output.js';

export interface GlobalOptions {
  out?: string;
  force?: boolean;
  quiet?: boolean;
  debug?: boolean;
  color?: boolean;
}

export class CommandContext {
  readonly io: Io;
  /** Set by a command's action; main() returns it. */
  exitCode = 0;
  constructor(io: Io) {
    this.io = io;
  }

  globals(command: Command): GlobalOptions {
    return command.optsWithGlobals<GlobalOptions>();
  }

  /** Colour only on a TTY, never with --no-color or NO_COLOR (any value). */
  colorEnabled(command: Command, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
    const g = this.globals(command);
    if (g.color === false) return false;
    if (this.io.env.NO_COLOR !== undefined && this.io.env.NO_COLOR !== '') return false;
    if (g.out !== undefined && stream === 'stdout') return false;
    return this.io[stream].isTTY;
  }

  style(command: Command, stream: 'stdout' | 'stderr' = 'stdout'): Style {
    if (!this.colorEnabled(command, stream)) return plainStyle;
    const chalk = new Chalk({ level: 1 });
    return {
      bold: (t) => chalk.bold(t),
      dim: (t) => chalk.dim(t),
      red: (t) => chalk.red(t),
      yellow: (t) => chalk.yellow(t),
      green: (t) => chalk.green(t),
      cyan: (t) => chalk.cyan(t),
    };
  }

  path(p: string): string {
    return isAbsolute(p) ? p : resolve(this.io.cwd, p);
  }

  /**
   * The report: to --out (atomic, refuses to overwrite without --force) or stdout. `text`
   * may come in pieces (transition's JSON and CSV at 400,000 partners): each is written as
   * it is made, never joined.
   */
  async emit(command: Command, text: string | Uint8Array | Iterable<string>): Promise<void> {
    const g = this.globals(command);
    if (g.out !== undefined) {
      await writeFileAtomic(this.path(g.out), text, g.force === true);
      if (!g.quiet) this.io.stderr.write(`wrote ${terminalText(g.out)}\n`);
      return;
    }
    // Bytes (a binary report on a redirected stdout) as they are; pieces one by one, each after the reader caught up.
    if (typeof text === 'string' || text instanceof Uint8Array) this.io.stdout.write(text);
    else {
      for (const chunk of text) {
        this.io.stdout.write(chunk);
        await this.io.stdout.drained?.();
      }
    }
  }

  /** A note on stderr (silenced by --quiet). */
  info(command: Command, text: string): void {
    if (!this.globals(command).quiet) this.io.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A warning on stderr (kept even with --quiet); one line, whatever the input held. */
  warn(command: Command, text: string): void {
    const s = this.style(command, 'stderr');
    this.io.stderr.write(`${s.yellow('warning:')} ${terminalText(text)}\n`);
  }
}
