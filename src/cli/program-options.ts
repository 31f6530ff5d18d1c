/**
 * `--set path=value` and `--scenario NAME` for every command that replays a design:
 * read the design, then apply the scenario (after those it extends) and the --set pairs,
 * and validate the changed design again. A path that matches nothing, a value of the
 * wrong type or an unknown scenario stops the command with exit 2 and a did-you-mean.
 */
import { Option, type Command } from 'commander';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkProgramData } from '../program/load.js';
import { applyOverrides } from '../program/overrides.js';
import { readSetArgument } from '../program/paths.js';
import type { Program } from '../program/program.js';
import type { CommandContext } from './context.js';
import { InputError, UserError } from './errors.js';
import { readProgramFile, warningLine } from './load-program.js';
import { collect } from './repeatable.js';

export type SetPairs = (readonly [string, unknown])[];

/**
 * Adds `--set` (repeatable) and `--scenario`. With `repeatScenario`, `--scenario` may be
 * given several times (compare: one column per scenario).
 */
export function addProgramOptions(command: Command, options: { repeatScenario?: boolean } = {}): Command {
  command.addOption(
    new Option('--set <path=value>', 'change one parameter of the design, e.g. activities.deal_closed.points=60 (repeatable; globs like activities.*.points allowed)').argParser(
      collect,
    ),
  );
  if (options.repeatScenario === true) {
    command.addOption(new Option('--scenario <name>', 'a scenario of the design (repeatable: one column each)').argParser(collect));
  } else {
    // Collected too, so that a second --scenario is an error rather than silently winning.
    command.addOption(new Option('--scenario <name>', 'apply the design\'s scenario NAME (after the scenarios it extends)').argParser(collect));
  }
  return command;
}

/** The --set pairs in the order given; a malformed one (no `=`) stops the command. */
export function readSets(command: Command): SetPairs {
  const raw = command.opts<{ set?: string[] }>().set ?? [];
  const pairs: SetPairs = [];
  const problems: Diagnostic[] = [];
  for (const arg of raw) {
    const read = readSetArgument(arg);
    if ('severity' in read) problems.push(read);
    else pairs.push([read.path, read.value]);
  }
  if (problems.length > 0) throw new InputError(problems);
  return pairs;
}

/** The scenario names given, in order (one for most commands, several for compare). */
export function readScenarios(command: Command): string[] {
  const value = command.opts<{ scenario?: string | string[] }>().scenario;
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The design with a scenario and --set pairs applied and validated again; problems stop the command (exit 2). */
export function overrideProgram(
  ctx: CommandContext,
  command: Command,
  program: Program,
  file: string,
  changes: { scenario?: string | undefined; sets: SetPairs },
): Program {
  if (changes.scenario === undefined && changes.sets.length === 0) return program;
  const { program: changed, diagnostics } = applyOverrides(program, { scenario: changes.scenario, sets: changes.sets }, file);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || changed === undefined) {
    throw new InputError(
      errors.length > 0
        ? errors
        : [{ severity: 'error', code: 'not-loaded', message: 'the changed design could not be loaded', file, line: 0, col: 0 }],
    );
  }
  // Warnings of the design as written were shown when it was read; only new ones matter here.
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length > 0) {
    const known = new Set(checkProgramData(program, file).diagnostics.map((d) => `${d.code} ${d.message}`));
    // applyOverrides prefixes each message with the changes that produced it ("with 1 --set change(s): …").
    const unprefixed = (message: string): string => message.replace(/^with .+? change\(s\): |^with scenario `[^`]*`: /, '');
    for (const d of warnings) if (!known.has(`${d.code} ${unprefixed(d.message)}`)) ctx.warn(command, `${warningLine(d)} (after --set / --scenario)`);
  }
  return changed;
}

/** The one --scenario of a command that applies one (undefined without); a second one is a usage error. */
export function readOneScenario(command: Command): string | undefined {
  const [scenario, ...extra] = readScenarios(command);
  if (extra.length > 0) {
    throw new UserError('--scenario is given more than once; this command applies one scenario', {
      hint: 'a scenario may `extends` another; or see several side by side with `pointsmith compare DESIGN --scenario A --scenario B`',
    });
  }
  return scenario;
}

/** readProgramFile, then the command's --scenario and --set. */
export async function resolveProgramForCommand(ctx: CommandContext, command: Command, path: string): Promise<Program> {
  const sets = readSets(command);
  const scenario = readOneScenario(command);
  const program = await readProgramFile(ctx, command, path);
  return overrideProgram(ctx, command, program, path, { scenario, sets });
}
