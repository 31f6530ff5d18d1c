import type { Command } from 'commander';

/** Every command's --help ends with examples a user can paste. */
export function withExamples(command: Command, examples: readonly string[]): Command {
  const lines = examples.map((e) => `  $ ${e}`).join('\n');
  return command.addHelpText('after', `\nExamples:\n${lines}\n`);
}
