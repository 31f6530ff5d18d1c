/**
 * One output format of a report: how a model becomes text, and what the CLI needs to know
 * about that text. Every report family (`src/report/<family>/index.ts`) exports its
 * formats as one registry, `formats: Record<Format, Formatter<Model>>`, and each format
 * lives in its own module beside it; a command offers `Object.keys(formats)` as its
 * `--format` choices and renders through the registry. A new format is one module and one
 * line of its family's registry.
 */
import type { Style } from './style.js';

/** The media types of the formats whose output is bytes, not text. */
export type BinaryMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the output is, as an RFC 6838 media type: `text/csv` takes `--bom`. */
export type MediaType =
  | 'text/plain'
  | 'text/markdown'
  | 'text/html'
  | 'text/csv'
  | 'application/json'
  | 'application/sarif+json'
  | 'application/xml'
  | BinaryMediaType;

/** What every render gets; a family may ask for more (transition's `top`, the diagnostics' tool version). */
export interface FormatOptions {
  /** Colour, for the `terminal` formats only; the others never carry it. Default: plain text. */
  readonly style?: Style;
  /**
   * The instant a binary document records as made (xlsx: the workbook's created and
   * modified dates and every zip entry's date), so the same inputs give the same bytes.
   * The CLI passes the PDF's date (SOURCE_DATE_EPOCH, else the history's last event day);
   * default 1980-01-01T00:00:00Z, the earliest date a zip entry can hold.
   */
  readonly at?: Date;
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

/**
 * A format whose output is a file of bytes (xlsx), made asynchronously by a library. The
 * CLI writes it with --out, or to a stdout that is not a terminal (src/cli/report-format.ts).
 */
export interface BinaryFormatter<Model, Options extends FormatOptions = FormatOptions> {
  readonly description: string;
  readonly mediaType: BinaryMediaType;
  readonly terminal: false;
  readonly binary: true;
  render(model: Model, options: Options): Promise<Uint8Array>;
}

export type AnyFormatter<Model, Options extends FormatOptions = FormatOptions> = Formatter<Model, Options> | BinaryFormatter<Model, Options>;

/** A family's registry: its formats by name, in the order `--help` and the choices list them. */
export type Formats<Format extends string, Model, Options extends FormatOptions = FormatOptions> = Readonly<Record<Format, Formatter<Model, Options>>>;

/** The registry of a family that also writes files of bytes (run, compare, sensitivity, simulate, transition: xlsx). */
export type ReportFormats<Format extends string, Model, Options extends FormatOptions = FormatOptions> = Readonly<Record<Format, AnyFormatter<Model, Options>>>;

export function isBinary<Model, Options extends FormatOptions>(formatter: AnyFormatter<Model, Options>): formatter is BinaryFormatter<Model, Options> {
  return 'binary' in formatter && formatter.binary;
}

/** The CSV formats take `--bom`. */
export function isCsv(formatter: { readonly mediaType: MediaType }): boolean {
  return formatter.mediaType === 'text/csv';
}
