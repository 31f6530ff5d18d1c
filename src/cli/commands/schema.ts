/**
 * `pointsmith schema`: the JSON Schema of the program format, generated from the zod
 * schema, for editors (`# yaml-language-server: $schema=...`) and other tools.
 */
import { Option } from 'commander';
import { programJsonSchema } from '../../program/json-schema.js';
import { withExamples } from '../help.js';
import type { RegisterCommand } from './register.js';

/** Two-space indent and a final newline: the exact bytes of schema/program.schema.json. */
export function renderProgramJsonSchema(): string {
  return `${JSON.stringify(programJsonSchema(), null, 2)}\n`;
}

export const registerSchema: RegisterCommand = (root, ctx) =>
  withExamples(
    root
      .command('schema')
      .description('print the JSON Schema of the program format (for editor completion and validation)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['json']).default('json')),
    ['pointsmith schema > program.schema.json', 'pointsmith schema --out schema/program.schema.json --force'],
  ).action(async (_options: { format: 'json' }, command) => {
    await ctx.emit(command, renderProgramJsonSchema());
  });
