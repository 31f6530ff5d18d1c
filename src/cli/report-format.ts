/**
 * `--format` from a report family's registry (src/report/<family>/index.ts): the choices
 * are the registry's names in its order, `--help` lists each with its description, and the
 * report is rendered through the chosen formatter, coloured only when it is drawn for a
 * terminal, with the UTF-8 byte-order mark in front when `--bom` asked for one (CSV only:
 * csv-bom.ts refuses it for any other format before the work).
 *
 * A binary format (xlsx) is a file: it goes to --out, or to a stdout that is redirected or
 * piped (`> run.xlsx`, `| upload`). To a terminal it would be a screenful of zip bytes and
 * a wrecked terminal, so it is refused before the work (exit 2) with the --out hint.
 */
import { Option, type Command } from 'commander';
import { isBinary, isCsv, type AnyFormatter, type FormatOptions, type Formatter } from '../report/formatter.js';
import { plainStyle } from '../report/style.js';
import type { CommandContext } from './context.js';
import { withBom } from './csv-bom.js';
import { UserError } from './errors.js';

/** Any family's registry, as far as the option and its help read it. */
type Registry<Format extends string> = Readonly<Record<Format, { readonly description: string }>>;

export function addFormatOption<Format extends string>(command: Command, formats: Registry<Format>, fallback: Format, description = 'output format'): Command {
  const names = Object.keys(formats) as Format[];
  command.addOption(new Option('-f, --format <format>', description).choices(names).default(fallback));
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map((n) => `  ${n.padEnd(width)}  ${formats[n].description}`);
  return command.addHelpText('after', `\nFormats:\n${lines.join('\n')}`);
}

/** `model` in the format chosen; `options` are the family's own (the style is added here). */
export function renderFormatted<Model, Options extends FormatOptions>(
  ctx: CommandContext,
  cmd: Command,
  formatter: Formatter<Model, Options>,
  model: Model,
  options: Omit<Options, 'style'>,
): string {
  const style = formatter.terminal ? ctx.style(cmd) : plainStyle;
  const text = formatter.render(model, { ...options, style } as Options);
  return isCsv(formatter) ? withBom(text, cmd.opts<{ bom?: boolean }>().bom) : text;
}

/**
 * For the commands whose `--out` names the files they write (generate, init): the report
 * of what was written goes to stdout, or, for a `note` format, as one line on stderr that
 * `--quiet` drops.
 */
export function printFormatted<Model, Options extends FormatOptions>(
  ctx: CommandContext,
  cmd: Command,
  formatter: Formatter<Model, Options>,
  model: Model,
  options: Omit<Options, 'style'>,
): void {
  const text = renderFormatted(ctx, cmd, formatter, model, options);
  if (formatter.channel === 'note') ctx.info(cmd, text);
  else ctx.io.stdout.write(text);
}

/** Before any work: a binary format (xlsx) needs --out or a stdout that is not a terminal. */
export function checkBinaryTarget(ctx: CommandContext, cmd: Command, format: string, formatter: AnyFormatter<never, never>): void {
  if (!isBinary(formatter) || ctx.globals(cmd).out !== undefined || !ctx.io.stdout.isTTY) return;
  throw new UserError(`--format ${format} writes a binary file, not text for the terminal`, {
    hint: `add --out report.${format}, or redirect stdout to a file (> report.${format})`,
  });
}

/**
 * The report in any format of a family that also writes files (xlsx): text as
 * renderFormatted makes it, bytes for a binary format dated `at` (see FormatOptions).
 */
export async function renderReport<Model, Options extends FormatOptions>(
  ctx: CommandContext,
  cmd: Command,
  formatter: AnyFormatter<Model, Options>,
  model: Model,
  options: Omit<Options, 'style'>,
): Promise<string | Uint8Array> {
  if (isBinary(formatter)) return formatter.render(model, { ...options, style: plainStyle } as Options);
  return renderFormatted(ctx, cmd, formatter, model, options);
}
