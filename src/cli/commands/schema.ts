/**
 * `pointsmith schema`: the JSON Schema of the program format, generated from the zod
 * schema, for editors (`# yaml-language-server: $schema=...`) and other tools; with
 * `--output <command>`, the schema of that command's `--format json` document.
 */
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { manifestJsonSchema } from '../../history/manifest/manifest-json-schema.js';
import { programJsonSchema } from '../../program/json-schema.js';
import { formats, type JsonSchema, type SchemaFormat } from '../../report/schema/index.js';
import { withExamples } from '../help.js';
import { addFormatOption, renderFormatted } from '../report-format.js';
import type { RegisterCommand } from './register.js';
import { UserError } from '../errors.js';

/**
 * The commands whose `--format json` document has a published schema, schema/<name>.schema.json.
 * The schemas are generated from the renderers' TypeScript types by scripts/output-schemas.mjs
 * (a dev tool: it needs the sources), which holds the same list; a test keeps the two equal.
 */
export const OUTPUT_SCHEMAS = ['run', 'check', 'compare', 'sensitivity', 'simulate', 'explain', 'transition', 'validate', 'generate', 'init', 'calibrate'] as const;
export type OutputSchema = (typeof OUTPUT_SCHEMAS)[number];

/** dist/cli/commands/schema.js and src/cli/commands/schema.ts are both three folders below the package root. */
const SCHEMA_FOLDER = new URL('../../../schema/', import.meta.url);

/** The committed schema of one command's JSON document, as shipped in the package. */
export function outputJsonSchema(output: OutputSchema): JsonSchema {
  return JSON.parse(readFileSync(new URL(`${output}.schema.json`, SCHEMA_FOLDER), 'utf8')) as JsonSchema;
}

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
        .description('print the JSON Schema of the program format, with --data of the data manifest, or with --output of a command\'s --format json output (for editor completion and validation)')
        .option('--data', 'the schema of the --data manifest (sources.yaml) instead of the design\'s')
        .addOption(new Option('--output <command>', 'the schema of this command\'s --format json document instead').choices(OUTPUT_SCHEMAS)),
      formats,
      'json',
    ),
    ['pointsmith schema > program.schema.json', 'pointsmith schema --out schema/program.schema.json --force', 'pointsmith schema --data --out schema/data.schema.json --force', 'pointsmith schema --output run > run.schema.json'],
  ).action(async (options: { format: SchemaFormat; data?: boolean; output?: OutputSchema }, command: Command) => {
    if (options.data === true && options.output !== undefined) throw new UserError('--data and --output name two different schemas: give one');
    const schema = options.data === true ? manifestJsonSchema() : options.output === undefined ? programJsonSchema() : outputJsonSchema(options.output);
    await ctx.emit(command, renderFormatted(ctx, command, formats[options.format], schema, {}));
  });
