/**
 * Reproducible xlsx files: an xlsx is a zip, and the zip library under exceljs stamps each
 * entry with the wall clock when it is added. The dates sit at fixed offsets of each local
 * file header and each central directory entry (APPNOTE.TXT 4.3.7 and 4.3.12) and are not
 * covered by any checksum, so they are rewritten in place: no second zip pass, no offset
 * moves. Pure: bytes in, bytes out.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_ENTRY = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;

export class ZipLayoutError extends Error {}

/** MS-DOS time and date words (2-second resolution, years 1980-2107), read in UTC like the zip library writes them. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  const clamped = year !== at.getUTCFullYear();
  const time = clamped ? 0 : (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  const date = clamped ? ((year - 1980) << 9) | (1 << 5) | 1 : ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  return { time, date };
}

/** The offset of the end-of-central-directory record, searched back over a comment of up to 64 KiB. */
function endOfCentral(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL) return at;
  }
  throw new ZipLayoutError('no end of central directory record');
}

/** The zip with every entry's modification date and time set to `at`. */
export function fixZipDates(zip: Uint8Array, at: Date): Uint8Array {
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { time, date } = dosDateTime(at);
  const end = endOfCentral(view);
  const entries = view.getUint16(end + 10, true);
  let entry = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(entry, true) !== CENTRAL_ENTRY) throw new ZipLayoutError(`central directory entry ${i} is not where the directory says`);
    view.setUint16(entry + 12, time, true);
    view.setUint16(entry + 14, date, true);
    const local = view.getUint32(entry + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new ZipLayoutError(`local header of entry ${i} is not where the directory says`);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
  }
  return bytes;
}

/** Every entry's (date, time) words as stored, central directory first then local header, for tests and checks. */
export function readZipDates(zip: Uint8Array): { name: string; central: [number, number]; local: [number, number] }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = endOfCentral(view);
  const found: { name: string; central: [number, number]; local: [number, number] }[] = [];
  let entry = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(entry + 28, true);
    const local = view.getUint32(entry + 42, true);
    found.push({
      name: Buffer.from(zip.subarray(entry + 46, entry + 46 + nameLength)).toString('utf8'),
      central: [view.getUint16(entry + 14, true), view.getUint16(entry + 12, true)],
      local: [view.getUint16(local + 12, true), view.getUint16(local + 10, true)],
    });
    entry += 46 + nameLength + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
  }
  return found;
}
