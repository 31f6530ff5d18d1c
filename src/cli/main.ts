/**
 * The CLI entry: parses flags with commander, dispatches to a command, and turns every
 * outcome into an exit code. The only module (with its commands) that knows about
 * terminals; bin/ calls main() and sets process.exitCode.
 */
import { Command, CommanderError, Help, Option } from 'commander';
import { DiagnosticError, formatOneLine } from '../diagnostics/diagnostic.js';
import { CommandContext } from './context.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, InputError, UserError } from './errors.js';
import { processIo, type Io } from './io.js';
import { mistypedOptionHint, unknownOptionHint } from './mistyped-option.js';
import { invalidChoiceHint } from './choice-hint.js';
import { commands, type CommandEntry } from './commands/index.js';
import { terminalText } from '../report/sanitize/terminal.js';
import { VERSION } from '../version.js';

export { processIo };

/**
 * The root command, with the command `argv` invokes registered in full (its module imported)
 * and every other one as a stub: its name and description, for the root help, commander's
 * "unknown command" and its did-you-mean. So `pointsmith --help` imports no command module
 * and `pointsmith validate` only validate's.
 */
export async function buildProgram(ctx: CommandContext, argv: readonly string[]): Promise<Command> {
  const stubTerms = new WeakMap<Command, string>();
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
    // Every command's --help lists --out, --force, --quiet, --debug and --no-color too; a
    // stub is listed with its command's own term (`run [options] <program>`).
    .configureHelp({
      showGlobalOptions: true,
      subcommandTerm(this: Help, cmd: Command): string {
        return stubTerms.get(cmd) ?? Help.prototype.subcommandTerm.call(this, cmd);
      },
    })
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
  const invoked = invokedCommand(root, argv);
  const register = invoked === undefined ? undefined : await invoked.load();
  for (const entry of commands) {
    let sub: Command;
    if (entry === invoked && register !== undefined) sub = register(root, ctx);
    else {
      sub = root.command(entry.name).description(entry.description);
      stubTerms.set(sub, entry.term);
    }
    sub.exitOverride().showHelpAfterError('(add --help for usage)').configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      outputError: (s, write) => write(commanderError(s)),
    });
  }
  return root;
}

/**
 * The command `argv` runs, read as commander reads it: the first operand after the root's
 * options (and their values), or the operand after `help`. Undefined for none or an
 * unknown name (commander then prints the root help or its "unknown command" error).
 */
export function invokedCommand(root: Command, argv: readonly string[]): CommandEntry | undefined {
  const operands: string[] = [];
  for (let i = 0; i < argv.length && operands.length < 2; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      operands.push(...argv.slice(i + 1, i + 3));
      break;
    }
    if (operands.length === 1 && operands[0] !== 'help') break;
    if (arg.length > 1 && arg.startsWith('-')) {
      // An option of the root that takes a value takes the next argument, unless attached (--out=x, -ox).
      const option = root.options.find((o) => o.long === arg || o.short === arg);
      if (option !== undefined && (option.required || option.optional)) i++;
      continue;
    }
    operands.push(arg);
  }
  const name = operands[0] === 'help' ? operands[1] : operands[0];
  return commands.find((c) => c.name === name);
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
  const debug = argv.includes('--debug');
  let root: Command | undefined;
  try {
    // Inside the try: importing the invoked command's module is part of running it.
    root = await buildProgram(ctx, argv);
    if (argv.length === 0) {
      root.outputHelp();
      return EXIT_USAGE;
    }
    await root.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    const built = root;
    return handleError(error, io, debug, {
      missing: (flag) => (built === undefined ? undefined : mistypedOptionHint(built, argv, flag)),
      unknown: (arg) => (built === undefined ? undefined : unknownOptionHint(built, argv, arg)),
    });
  }
}

/** Did-you-mean hints for a flag commander could not place: a required one missing, or an unknown one. */
interface FlagHints {
  missing(flag: string): string | undefined;
  unknown(arg: string): string | undefined;
}

function handleError(error: unknown, io: Io, debug: boolean, hints: FlagHints): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT_OK;
    }
    if (error.code === 'commander.missingMandatoryOptionValue') {
      const missing = /'(--[\w-]+)/.exec(error.message)?.[1];
      const hint = missing === undefined ? undefined : hints.missing(missing);
      if (hint !== undefined) io.stderr.write(`hint: ${terminalText(hint)}\n`);
    }
    if (error.code === 'commander.unknownOption' && !error.message.includes('Did you mean')) {
      const unknown = /'(--[^']+)'/.exec(error.message)?.[1];
      const hint = unknown === undefined ? undefined : hints.unknown(unknown);
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
