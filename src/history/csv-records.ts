/**
 * CSV bytes → batches of records, with the physical line where each record starts.
 * PapaParse's low-level Parser does the CSV work (quotes, escaped quotes, delimiters
 * inside quotes, newlines inside quotes); this module only feeds it decoded text chunk by
 * chunk, keeps the unfinished last record for the next chunk, and counts lines. Notes on
 * why PapaParse and not csv-parse are in docs/history.md.
 */
import Papa from 'papaparse';

export type CsvInput = Uint8Array | AsyncIterable<Uint8Array>;

/** The field separators a CSV may use (`;` from European Excel, tab from TSV exports). */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** TextDecoder labels the reader accepts; `utf-16le`/`utf-16be` come from a BOM. */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface CsvDialect {
  readonly delimiter: Delimiter;
  readonly encoding: Encoding;
}

export const PLAIN_DIALECT: CsvDialect = { delimiter: ',', encoding: 'utf-8' };

export interface CsvRecordBatch {
  readonly kind: 'records';
  /** Records (the header is the first record of the first batch); blank lines are left out. */
  readonly records: string[][];
  /** Physical 1-based line where each record starts. */
  readonly lines: number[];
  /** Records PapaParse could not read cleanly (a stray or unterminated quote), by index into `records`. */
  readonly malformed: ReadonlyMap<number, string>;
}

/**
 * Text without a double quote, not cut into records: every line of `text` before `end`
 * (each ends with `newline`, except an unfinished last line at the end of the file) is
 * one record, its fields cut at every comma, blank lines included (the reader skips them).
 * The reader cuts and interns the fields in place, without a string per field.
 */
export interface CsvTextBatch {
  readonly kind: 'text';
  readonly text: string;
  readonly end: number;
  readonly newline: '\n' | '\r\n';
  readonly delimiter: Delimiter;
  /** Physical 1-based line of the text's first line. */
  readonly line: number;
}

export type CsvBatch = CsvRecordBatch | CsvTextBatch;

/**
 * Text is parsed in slices of this many bytes. Measured on 1M rows: 1 MB slices took
 * 2.2 s and 250-300 MB (PapaParse's per-slice arrays outlive V8's young generation);
 * 256 KB slices 1.5 s and 195 MB.
 */
const CHUNK_BYTES = 1 << 18;
/** An unfinished record longer than this is an unbalanced quote swallowing the file, not a real field. */
const MAX_PENDING_CHARS = 16 << 20;

/** Bytes that are not valid in the file's encoding (a Windows-1252 file read as UTF-8). */
export class CsvEncodingError extends Error {
  readonly line: number;
  readonly encoding: Encoding;
  constructor(line: number, encoding: Encoding, byte: number | undefined) {
    super(`line ${line} holds ${byte === undefined ? 'a byte sequence' : `the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`}, which is not valid ${encoding.toUpperCase()}`);
    this.line = line;
    this.encoding = encoding;
  }
}

export class CsvTooLongFieldError extends Error {
  readonly line: number;
  constructor(line: number) {
    super(`a quoted field starting on line ${line} runs on for more than 16 MB`);
    this.line = line;
  }
}

async function* byteChunks(input: CsvInput): AsyncIterable<Uint8Array> {
  if (input instanceof Uint8Array) {
    yield* slices(input);
    return;
  }
  for await (const chunk of input) yield* slices(chunk);
}

function* slices(bytes: Uint8Array): Iterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, Math.min(bytes.length, at + CHUNK_BYTES));
}

/**
 * Streams the input as batches; `onProgress` gets the bytes consumed so far. Every batch is
 * records (PapaParse's) unless `unquotedText`, when slices without a quote come as text.
 */
export function readCsvBatches(input: CsvInput, onProgress?: (bytesRead: number) => void, unquotedText?: false, dialect?: CsvDialect): AsyncGenerator<CsvRecordBatch>;
export function readCsvBatches(input: CsvInput, onProgress: ((bytesRead: number) => void) | undefined, unquotedText: boolean, dialect?: CsvDialect): AsyncGenerator<CsvBatch>;
export async function* readCsvBatches(input: CsvInput, onProgress?: (bytesRead: number) => void, unquotedText = false, dialect: CsvDialect = PLAIN_DIALECT): AsyncGenerator<CsvBatch> {
  // TextDecoder removes a leading BOM of its encoding (ignoreBOM defaults to false) and
  // keeps multi-byte characters split across chunks intact with { stream: true }. `fatal`
  // makes bytes invalid in the encoding an error rather than silent U+FFFD characters.
  const { delimiter, encoding } = dialect;
  const decoder = new TextDecoder(encoding, { fatal: true });
  let parser: Papa.Parser | undefined;
  let newline: '\n' | '\r\n' = '\n';
  let pending = '';
  let line = 1;
  let bytes = 0;

  const parse = (text: string, final: boolean): CsvBatch => {
    if (parser === undefined && !final && !text.includes('\n')) {
      // The line ending is only known once a whole line is in: wait for one.
      pending = text;
      if (pending.length > MAX_PENDING_CHARS) throw new CsvTooLongFieldError(line);
      return { kind: 'records', records: [], lines: [], malformed: new Map() };
    }
    if (parser === undefined) {
      newline = detectNewline(text);
      parser = new Papa.Parser({ delimiter, newline, quoteChar: '"', escapeChar: '"' });
    }
    const quoted = text.includes('"');
    if (!quoted && unquotedText) {
      // Without a quote no field holds a newline: the records are the lines.
      const cut = text.lastIndexOf(newline);
      const end = final ? text.length : cut === -1 ? 0 : cut + newline.length;
      const batch: CsvTextBatch = { kind: 'text', text, end, newline, delimiter, line };
      for (let at = text.indexOf(newline); at !== -1 && at < end; at = text.indexOf(newline, at + newline.length)) line++;
      pending = final ? '' : text.substring(end);
      if (pending.length > MAX_PENDING_CHARS) throw new CsvTooLongFieldError(line);
      return batch;
    }
    // Parser.parse is typed `any` in @types/papaparse; its shape is { data, errors, meta.cursor }.
    const result = parser.parse(text, 0, !final) as { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
    const malformed = new Map<number, string>();
    for (const e of result.errors) if (e.row !== undefined && !malformed.has(e.row)) malformed.set(e.row, e.message);
    const records: string[][] = [];
    const lines: number[] = [];
    const data = result.data;
    const keptMalformed = new Map<number, string>();
    for (let i = 0; i < data.length; i++) {
      const record = data[i] as string[];
      const start = line;
      line += 1;
      if (quoted) for (const field of record) line += countNewlines(field);
      if (record.length === 1 && record[0] === '' && !malformed.has(i)) continue; // a blank line
      const problem = malformed.get(i);
      if (problem !== undefined) keptMalformed.set(records.length, problem);
      records.push(record);
      lines.push(start);
    }
    pending = final ? '' : text.substring(result.meta.cursor);
    if (pending.length > MAX_PENDING_CHARS) throw new CsvTooLongFieldError(line);
    return { kind: 'records', records, lines, malformed: keptMalformed };
  };

  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw encodingError(chunk, pending, line, encoding);
    }
  };
  for await (const chunk of byteChunks(input)) {
    bytes += chunk.length;
    const text = pending + decode(chunk);
    const batch = parse(text, false);
    if (!empty(batch)) yield batch;
    onProgress?.(bytes);
  }
  const last = parse(pending + decode(), true);
  if (!empty(last)) yield last;
}

/** The line of the first invalid byte: `pending` starts on `line`; the chunk's valid prefix decodes the same without `fatal`. */
function encodingError(chunk: Uint8Array | undefined, pending: string, line: number, encoding: Encoding): CsvEncodingError {
  let at = line + countNewlines(pending);
  let byte: number | undefined;
  if (chunk !== undefined) {
    const lenient = new TextDecoder(encoding).decode(chunk);
    const bad = lenient.indexOf('\uFFFD');
    const prefix = bad < 0 ? lenient : lenient.slice(0, bad);
    at += countNewlines(prefix);
    // Exact for UTF-8 when no character of the prefix was split from the previous chunk.
    if (encoding === 'utf-8') byte = chunk[new TextEncoder().encode(prefix).length];
  }
  return new CsvEncodingError(at, encoding, byte);
}

function empty(batch: CsvBatch): boolean {
  return batch.kind === 'records' ? batch.records.length === 0 : batch.end === 0;
}

/** CRLF when the first line ends with one; PapaParse needs to be told. */
function detectNewline(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

function countNewlines(field: string): number {
  let n = 0;
  for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) n++;
  return n;
}
