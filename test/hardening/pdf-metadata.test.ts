/**
 * PDF reproducibility without a browser (issue 13, item 5): the in-place rewrite of the
 * information dates and the trailer /ID, the date choice, and a bad SOURCE_DATE_EPOCH
 * refused (exit 2) before any printing. The real print is in test/browser/.
 */
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { pdfDate } from '../../src/cli/pdf.js';
import { UserError } from '../../src/cli/errors.js';
import { fixPdfMetadata, PdfMetadataError, readPdfMetadata } from '../../src/report/pdf/fixed-metadata.js';

/** A PDF-shaped byte string as Chromium writes it: Info dates and (here) a trailer /ID. */
function chromiumLike(stamp: string, id: string): Uint8Array {
  const text =
    `%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<</Creator (Chromium)\n/Producer (Skia/PDF m150)\n/CreationDate (D:${stamp}+00'00')\n/ModDate (D:${stamp}+00'00')>>\nendobj\n` +
    `2 0 obj\n<</Length 4>>stream\n\u0000\u00ff\u0080\u0001\nendstream\nendobj\nxref\n0 3\ntrailer\n<</Size 3 /Root 2 0 R /Info 1 0 R /ID [<${id}> <${id}>]>>\nstartxref\n9\n%%EOF`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

describe('fixPdfMetadata', () => {
  const at = new Date('2024-11-15T00:00:00Z');

  it('sets both dates, derives the /ID from the content, and keeps the length and every other byte', () => {
    const a = fixPdfMetadata(chromiumLike('20261206033249', 'A1B2C3D4E5F60718293A4B5C6D7E8F90'), at);
    const b = fixPdfMetadata(chromiumLike('20270101120000', '0F0E0D0C0B0A09080706050403020100'), at);
    expect(Buffer.compare(a, b)).toBe(0);
    expect(a.length).toBe(chromiumLike('20261206033249', 'A1B2C3D4E5F60718293A4B5C6D7E8F90').length);
    const meta = readPdfMetadata(a);
    expect(meta.creationDate).toBe("D:20241115000000+00'00'");
    expect(meta.modDate).toBe("D:20241115000000+00'00'");
    expect(meta.id?.[0]).toMatch(/^[0-9A-F]{32}$/);
    expect(meta.id?.[0]).not.toBe('A1B2C3D4E5F60718293A4B5C6D7E8F90');
    // The binary stream survives the latin1 round trip.
    expect(Buffer.from(a).includes(Buffer.from([0x00, 0xff, 0x80, 0x01]))).toBe(true);
  });

  it('another content gives another /ID', () => {
    const a = fixPdfMetadata(chromiumLike('20261206033249', 'A1'.repeat(16)), at);
    const other = fixPdfMetadata(chromiumLike('20261206033249', 'A1'.repeat(16)), new Date('2025-01-01T00:00:00Z'));
    expect(readPdfMetadata(a).id?.[0]).not.toBe(readPdfMetadata(other).id?.[0]);
  });

  it('a date shape it cannot rewrite in place is an error, not a silently moving PDF', () => {
    const odd = new Uint8Array(Buffer.from("%PDF-1.4\n<</CreationDate (D:2024+01'00'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)>>", 'latin1'));
    expect(() => fixPdfMetadata(odd, at)).toThrow(PdfMetadataError);
  });
});

describe('pdfDate', () => {
  const sources = { historyLastDay: 20042, starts: '2024-01-01', ends: '2024-12-31' }; // 20042 = 2024-11-15
  it('SOURCE_DATE_EPOCH first, then the history\'s last event day, then the program\'s ends, then its starts', () => {
    expect(pdfDate({ SOURCE_DATE_EPOCH: '1700000000' }, sources).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(pdfDate({}, sources).toISOString()).toBe('2024-11-15T00:00:00.000Z');
    expect(pdfDate({}, { ...sources, historyLastDay: undefined }).toISOString()).toBe('2024-12-31T00:00:00.000Z');
    expect(pdfDate({}, { ...sources, historyLastDay: undefined, ends: undefined }).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
  it('a SOURCE_DATE_EPOCH that is not whole seconds is refused', () => {
    for (const bad of ['-1', '1.5', 'now', '1e9', '999999999999']) expect(() => pdfDate({ SOURCE_DATE_EPOCH: bad }, sources), bad).toThrow(UserError);
  });
});

describe('transition --pdf with a bad SOURCE_DATE_EPOCH', () => {
  it('exits 2 naming the variable, before printing anything', async () => {
    const io = memoryIo({ env: { SOURCE_DATE_EPOCH: 'yesterday', CHROMIUM_PATH: '/nonexistent/chromium' } });
    const code = await main(
      ['transition', 'fixtures/transition/program.yaml', '--history', 'fixtures/transition/history.csv', '--partners', 'fixtures/transition/partners.csv', '--pdf', '/tmp/pointsmith-never.pdf', '--no-cache'],
      io,
    );
    expect(code).toBe(2);
    expect(io.err()).toContain('SOURCE_DATE_EPOCH is "yesterday", expected whole seconds since 1970-01-01');
    expect(io.err()).toContain('hint:');
    expect(io.err()).not.toMatch(/\n\s+at /);
  });
});
