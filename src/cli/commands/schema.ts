/**
 * `pointsmith schema`: the JSON Schema of the program format, generated from the zod
 * schema, for editors (`# yaml-language-server: $schema=...`) and other tools.
 */
import type { Command } from 'commander';
import { manifestJsonSchema } from '../../history/manifest/manifest-json-schema.js';
import { programJsonSchema } from '../../program/json-schema.js';
import { formats, type SchemaFormat } from '../../report/schema/index.js';
import { withExamples } from '../help.js';
import { addFormatOption, renderFormatted } from '../report-format.js';
import type { RegisterCommand } from './register.js';

/** Two-space indent and a final newline: the exact bytes of schema/program.schema.json. */
export function renderProgramJsonSchema(): string {
  return formats.json.render(programJsonSchema(), {});
}

/** The exact bytes of schema/data.schema.json. */
export function renderManifestJsonSchema(): string {
  return formats.json.render(manifestJsonSchema(), {});
}

export const registerSchema: RegisterCommand = (root, ctx) =>
  withExamples(
    addFormatOption(
      root
        .command('schema')
        .description('print the JSON Schema of the program format, or with --data of the data manifest (for editor completion and validation)')
        .option('--data', 'the schema of the --data manifest (sources.yaml) instead of the design\'s'),
      formats,
      'json',
    ),
    ['pointsmith schema > program.schema.json', 'pointsmith schema --out schema/program.schema.json --force', 'pointsmith schema --data --out schema/data.schema.json --force'],
  ).action(async (options: { format: SchemaFormat; data?: boolean }, command: Command) => {
    const schema = options.data === true ? manifestJsonSchema() : programJsonSchema();
    await ctx.emit(command, renderFormatted(ctx, command, formats[options.format], schema, {}));
  });
