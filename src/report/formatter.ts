/**
 * One output format of a report: how a model becomes text, and what the CLI needs to know
 * about that text. Every report family (`src/report/<family>/index.ts`) exports its
 * formats as one registry, `formats: Record<Format, Formatter<Model>>`, and each format
 * lives in its own module beside it; a command offers `Object.keys(formats)` as its
 * `--format` choices and renders through the registry. A new format is one module and one
 * line of its family's registry.
 */
import type { Style } from './style.js';

/** What the text is, as an RFC 6838 media type: `text/csv` takes `--bom`. */
export type MediaType =
  | 'text/plain'
  | 'text/markdown'
  | 'text/html'
  | 'text/csv'
  | 'application/json'
  | 'application/sarif+json'
  | 'application/xml';

/** What every render gets; a family may ask for more (transition's `top`, the diagnostics' tool version). */
export interface FormatOptions {
  /** Colour, for the `terminal` formats only; the others never carry it. Default: plain text. */
  readonly style?: Style;
}

export interface Formatter<Model, Options extends FormatOptions = FormatOptions> {
  /** One line for `--help`: what the format is for. */
  readonly description: string;
  readonly mediaType: MediaType;
  /** Drawn for a person at a terminal: the only formats that get the CLI's colour style. */
  readonly terminal: boolean;
  /**
   * Where the CLI puts the text: `report`, the command's report (stdout, or `--out`);
   * `note`, one line on stderr that `--quiet` drops (generate and init, whose report is
   * the files they wrote). Default `report`.
   */
  readonly channel?: 'report' | 'note';
  render(model: Model, options: Options): string;
}

/** A family's registry: its formats by name, in the order `--help` and the choices list them. */
export type Formats<Format extends string, Model, Options extends FormatOptions = FormatOptions> = Readonly<Record<Format, Formatter<Model, Options>>>;

/** The CSV formats take `--bom`. */
export function isCsv(formatter: { readonly mediaType: MediaType }): boolean {
  return formatter.mediaType === 'text/csv';
}
