/**
 * `--bom` on the commands that write CSV: Excel opens a CSV without a byte-order mark in
 * the system's legacy code page, so `Müller GmbH` shows as `MÃ¼ller GmbH`. A UTF-8 BOM
 * (EF BB BF) makes it read UTF-8. Off by default: other CSV readers (and pointsmith's own)
 * take plain UTF-8, and some count the mark as part of the first header.
 */
import type { Command } from 'commander';
import { isCsv, type MediaType } from '../report/formatter.js';
import { UserError } from './errors.js';

export const UTF8_BOM = '\uFEFF';

export function addBomOption(command: Command): Command {
  return command.option('--bom', 'with --format csv: start with a UTF-8 byte-order mark, so Excel reads accented names right');
}

/** Before any work: `--bom` with another format is a mistake worth saying (exit 2), not a silent no-op. */
export function checkBom(format: string, formatter: { readonly mediaType: MediaType }, bom: boolean | undefined): void {
  if (bom === true && !isCsv(formatter)) {
    throw new UserError(`--bom only applies to --format csv (the format is ${format})`, { hint: 'add --format csv, or leave out --bom' });
  }
}

/** The CSV report, with the mark in front when asked for. */
export function withBom(csv: string, bom: boolean | undefined): string {
  return bom === true ? `${UTF8_BOM}${csv}` : csv;
}
