/**
 * The CLI entry: parses flags with commander, dispatches to a command, and turns every
 * outcome into an exit code. The only module (with its commands) that knows about
 * terminals; bin/ calls main() and sets process.exitCode.
 */
import { Command, CommanderError, Option } from 'commander';
import { DiagnosticError, formatOneLine } from '../diagnostics/diagnostic.js';
import { CommandContext } from './context.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, InputError, UserError } from './errors.js';
import { processIo, type Io } from './io.js';
import { mistypedOptionHint } from './mistyped-option.js';
import { invalidChoiceHint } from './choice-hint.js';
import { commands } from './commands/index.js';
import { terminalText } from '../report/sanitize/index.js';
import { VERSION } from '../version.js';

export { processIo };

export function buildProgram(ctx: CommandContext): Command {
  const root = new Command('pointsmith')
    .description('Simulate points-based partner programs: cost, tiers, reward demand and what-ifs.')
    .version(VERSION, '-V, --version')
    .addOption(new Option('-o, --out <file>', 'write the report to FILE (atomically; refuses to overwrite without --force)'))
    .option('--force', 'allow --out to replace an existing file')
    .option('-q, --quiet', 'print nothing but the report and errors')
    .option('--debug', 'show stack traces for unexpected errors')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError(true)
    // Every command's --help lists --out, --force, --quiet, --debug and --no-color too.
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      outputError: (s, write) => write(commanderError(s)),
    });
  root.addHelpText(
    'after',
    `
Examples:
  $ pointsmith validate programs/
  $ pointsmith run programs/lifecycle.yaml --history fixtures/sample/history.csv
  $ pointsmith <command> --help

Exit codes: 0 ok, 1 validation failed, a guardrail crossed or (check) no evidence in the history, 2 bad usage or unreadable input, 3 internal error.`,
  );
  for (const register of commands) {
    const sub = register(root, ctx);
    sub.exitOverride().showHelpAfterError('(add --help for usage)').configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      outputError: (s, write) => write(commanderError(s)),
    });
  }
  return root;
}

/**
 * commander's error messages quote the command line (an unknown option, a bad value), so
 * they go through the terminal context; the one line break commander adds itself, before
 * its "(Did you mean …?)" suggestion, is put back. A value outside an option's choices
 * gets a did-you-mean line, as every other unknown name does.
 */
function commanderError(text: string): string {
  const hint = invalidChoiceHint(text);
  const message = `${terminalText(text.replace(/\n$/, '')).replace(/\\n\(Did you mean /g, '\n(Did you mean ')}\n`;
  return hint === undefined ? message : `${message}hint: ${terminalText(hint)}\n`;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const ctx = new CommandContext(io);
  const root = buildProgram(ctx);
  const debug = argv.includes('--debug');
  if (argv.length === 0) {
    root.outputHelp();
    return EXIT_USAGE;
  }
  try {
    await root.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return handleError(error, io, debug, (missing) => mistypedOptionHint(root, argv, missing));
  }
}

function handleError(error: unknown, io: Io, debug: boolean, typoHint: (missingFlag: string) => string | undefined): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT_OK;
    }
    if (error.code === 'commander.missingMandatoryOptionValue') {
      const missing = /'(--[\w-]+)/.exec(error.message)?.[1];
      const hint = missing === undefined ? undefined : typoHint(missing);
      if (hint !== undefined) io.stderr.write(`hint: ${terminalText(hint)}\n`);
    }
    // commander has already printed its one-line message and the --help hint.
    return EXIT_USAGE;
  }
  if (error instanceof UserError) {
    io.stderr.write(`error: ${terminalText(error.message)}\n${error.hint ? `hint: ${terminalText(error.hint)}\n` : ''}`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  if (error instanceof InputError || error instanceof DiagnosticError) {
    for (const d of error.diagnostics) io.stderr.write(`${formatOneLine(d)}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error instanceof InputError ? error.exitCode : EXIT_USAGE;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') {
    io.stderr.write(`error: ${terminalText(err.message)}\n`);
    if (debug && err.stack) io.stderr.write(`${err.stack}\n`);
    return EXIT_USAGE;
  }
  if (code === 'EPIPE') return EXIT_OK;
  io.stderr.write(`internal error: ${terminalText(err.message)}\n`);
  io.stderr.write(debug && err.stack ? `${err.stack}\n` : 'This is a bug in pointsmith; run again with --debug for the stack trace.\n');
  return EXIT_INTERNAL;
}
