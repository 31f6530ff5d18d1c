/**
 * Reproducible PDFs: Chromium stamps the wall clock into the document information
 * dictionary (`/CreationDate`, `/ModDate`) and may write a time-seeded `/ID` in the
 * trailer. Both are rewritten here in place, byte for byte the same length, so every
 * cross-reference offset stays valid and no PDF library is needed:
 *
 * - the dates become the chosen instant (see `pdfDate` in src/cli/pdf.ts for the choice:
 *   `SOURCE_DATE_EPOCH`, else the history's last event day, else the program's dates);
 * - each `/ID` hex string becomes the same number of hex digits of the SHA-256 of the
 *   document with its dates fixed and its IDs blanked: same content, same ID.
 *
 * Pure: bytes in, bytes out.
 */
import { createHash } from 'node:crypto';

/** A PDF date string literal (`D:` and 14 digits, with or without a time-zone part). */
const DATE_ENTRY = /\/(CreationDate|ModDate)\s*\((D:\d{4,14}[^)]*)\)/g;
/** The trailer's `/ID [<hex> <hex>]`. */
const ID_ENTRY = /\/ID\s*\[\s*<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>\s*\]/g;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The instant as PDF date strings of every usual shape, in UTC; the one as long as the original is used. */
function dateShapes(at: Date): string[] {
  const base =
    `D:${pad(at.getUTCFullYear(), 4)}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}` +
    `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  return [`${base}+00'00'`, `${base}Z00'00'`, `${base}+00'00`, `${base}Z`, base];
}

export class PdfMetadataError extends Error {}

/**
 * The PDF with its information dates set to `at` and its `/ID` derived from its content.
 * Throws PdfMetadataError when a date has a shape that cannot be rewritten in place.
 */
export function fixPdfMetadata(pdf: Uint8Array, at: Date): Uint8Array {
  if (Number.isNaN(at.getTime())) throw new PdfMetadataError('the PDF date is not a valid date');
  // latin1 maps each byte to one char and back, so offsets and binary streams survive.
  let text = Buffer.from(pdf).toString('latin1');
  const shapes = dateShapes(at);
  text = text.replace(DATE_ENTRY, (whole: string, key: string, value: string) => {
    const shape = shapes.find((s) => s.length === value.length);
    if (shape === undefined) throw new PdfMetadataError(`the PDF's /${key} (${value}) has a shape that cannot be rewritten in place`);
    return whole.replace(value, shape);
  });
  const blanked = text.replace(ID_ENTRY, (whole: string, a: string, b: string) => whole.replace(`<${a}>`, `<${'0'.repeat(a.length)}>`).replace(`<${b}>`, `<${'0'.repeat(b.length)}>`));
  if (blanked !== text) {
    // Same content, same ID: long enough for any ID length (SHA-256 repeated).
    const digest = createHash('sha256').update(blanked, 'latin1').digest('hex').toUpperCase();
    const hex = (length: number): string => digest.repeat(Math.ceil(length / digest.length) || 1).slice(0, length);
    text = blanked.replace(ID_ENTRY, (whole: string, a: string, b: string) => whole.replace(`<${a}>`, `<${hex(a.length)}>`).replace(`<${b}>`, `<${hex(b.length)}>`));
  }
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** The information dates and `/ID` of a PDF, for tests and checks. */
export function readPdfMetadata(pdf: Uint8Array): { creationDate?: string; modDate?: string; id?: [string, string] } {
  const text = Buffer.from(pdf).toString('latin1');
  const found: { creationDate?: string; modDate?: string; id?: [string, string] } = {};
  for (const match of text.matchAll(DATE_ENTRY)) {
    if (match[1] === 'CreationDate') found.creationDate = match[2];
    else found.modDate = match[2];
  }
  for (const match of text.matchAll(ID_ENTRY)) found.id = [match[1] ?? '', match[2] ?? ''];
  return found;
}
