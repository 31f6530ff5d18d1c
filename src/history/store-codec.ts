/**
 * The on-disk form of a parsed history (store + parse-time diagnostics), for the cache:
 *
 *   "PSHC" | version u32 | meta length u32 | meta JSON (sizes, diagnostics) | padding to 8
 *   | string lengths (u32 each) | the strings joined, UTF-16LE | padding to 8
 *   | each typed column, 8-aligned, in a fixed order | sha1 of all before (20 bytes)
 *
 * The strings (partner ids, activity ids, every dimension's interned values: 280,000 on
 * the 1M-row bench history) are one text cut by their lengths rather than JSON arrays:
 * JSON.parse of them took ~100 ms of a 0.3 s warm read. UTF-16LE keeps every code unit
 * as it is (a lone surrogate too, which UTF-8 could not carry) and decodes by copying.
 *
 * Decoding never trusts the bytes: a wrong magic, version, length or checksum gives
 * `undefined` (the caller re-parses). Columns are views into the one buffer, not copies,
 * which is what makes a warm read fast.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DimensionColumn, EventStore } from './event-store.js';
import type { ParsedHistory } from './read-history.js';

/** Bump when the layout or the meaning of a field changes; old entries are then ignored. */
export const CODEC_VERSION = 2;
const MAGIC = 0x43485350; // "PSHC" read as little-endian u32
const HASH_BYTES = 20;

interface Meta {
  size: number;
  firstDay: number;
  lastDay: number;
  /** How many strings each list has, in order: partner ids, activity ids, then each dimension's values. */
  lists: number[];
  /** Bytes of the joined strings. */
  textBytes: number;
  dimensions: string[];
  columns: Record<string, number> | null;
  hasLine: boolean;
  diagnostics: Diagnostic[];
  badRows: number;
}

type Column = Uint16Array | Uint32Array | Int32Array | Float64Array;

function columnsOf(store: EventStore): Column[] {
  const list: Column[] = [store.partnerStart, store.partner, store.day, store.activity, store.quantity, store.amount, store.row];
  if (store.line) list.push(store.line);
  for (const col of Object.values(store.dimensions)) list.push(col.codes);
  return list;
}

const pad8 = (n: number): number => (8 - (n % 8)) % 8;

/** The entry as a list of chunks (written one after the other; nothing is concatenated). */
export function encodeStore(parsed: ParsedHistory): Uint8Array[] {
  const { store } = parsed;
  const lists = [store.partnerIds, store.activityIds, ...Object.values(store.dimensions).map((col) => col.values)];
  const lengths = new Uint32Array(lists.reduce((n, list) => n + list.length, 0));
  let k = 0;
  for (const list of lists) for (const value of list) lengths[k++] = value.length;
  const text = Buffer.from(lists.map((list) => list.join('')).join(''), 'utf16le');
  const meta: Meta = {
    size: store.size,
    firstDay: store.firstDay,
    lastDay: store.lastDay,
    lists: lists.map((list) => list.length),
    textBytes: text.length,
    dimensions: Object.keys(store.dimensions),
    columns: store.columns ? { ...store.columns } : null,
    hasLine: store.line !== undefined,
    diagnostics: parsed.diagnostics,
    badRows: parsed.badRows,
  };
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const head = Buffer.alloc(12);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(CODEC_VERSION, 4);
  head.writeUInt32LE(metaBytes.length, 8);
  const chunks: Uint8Array[] = [head, metaBytes, new Uint8Array(pad8(12 + metaBytes.length))];
  for (const col of [lengths, text, ...columnsOf(store)]) {
    const bytes = new Uint8Array(col.buffer, col.byteOffset, col.byteLength);
    chunks.push(bytes, new Uint8Array(pad8(bytes.length)));
  }
  const hash = createHash('sha1');
  for (const c of chunks) hash.update(c);
  chunks.push(hash.digest());
  return chunks;
}

/** The parsed history, or undefined when the bytes are not a complete, intact entry of this version. */
export function decodeStore(bytes: Uint8Array): ParsedHistory | undefined {
  if (bytes.length < 12 + HASH_BYTES) return undefined;
  // Typed-array views need 8-byte alignment; copy once when the buffer does not give it.
  const buf = bytes.byteOffset % 8 === 0 ? bytes : new Uint8Array(bytes);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== CODEC_VERSION) return undefined;
  const body = buf.length - HASH_BYTES;
  const expected = createHash('sha1').update(buf.subarray(0, body)).digest();
  if (!expected.equals(buf.subarray(body))) return undefined;
  const metaLength = view.getUint32(8, true);
  if (12 + metaLength > body) return undefined;
  let meta: Meta;
  try {
    meta = JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + 12, metaLength).toString('utf8')) as Meta;
  } catch {
    return undefined;
  }
  let at = 12 + metaLength;
  at += pad8(at);
  const n = meta.size;
  const take = <T extends Column>(make: { new (b: ArrayBufferLike, o: number, l: number): T; BYTES_PER_ELEMENT: number }, length: number): T => {
    const byteLength = length * make.BYTES_PER_ELEMENT;
    if (at + byteLength > body) throw new RangeError('short');
    const col = new make(buf.buffer, buf.byteOffset + at, length);
    at += byteLength + pad8(byteLength);
    return col;
  };
  try {
    if (meta.lists.length !== 2 + meta.dimensions.length) return undefined;
    const lengths = take(Uint32Array, meta.lists.reduce((n, size) => n + size, 0));
    if (at + meta.textBytes > body) return undefined;
    if (meta.textBytes % 2 !== 0) return undefined;
    const text = Buffer.from(buf.buffer, buf.byteOffset + at, meta.textBytes).toString('utf16le');
    at += meta.textBytes + pad8(meta.textBytes);
    let k = 0;
    let from = 0;
    const lists = meta.lists.map((size) => {
      const list = new Array<string>(size);
      for (let i = 0; i < size; i++) {
        const to = from + (lengths[k++] as number);
        list[i] = text.slice(from, to);
        from = to;
      }
      return list;
    });
    if (from !== text.length) return undefined;
    const [partnerIds = [], activityIds = []] = lists;
    const partnerStart = take(Uint32Array, partnerIds.length + 1);
    const partner = take(Uint32Array, n);
    const day = take(Int32Array, n);
    const activity = take(Uint16Array, n);
    const quantity = take(Float64Array, n);
    const amount = take(Float64Array, n);
    const row = take(Uint32Array, n);
    const line = meta.hasLine ? take(Uint32Array, n) : undefined;
    const dimensions: Record<string, DimensionColumn> = {};
    meta.dimensions.forEach((name, d) => (dimensions[name] = { values: lists[2 + d] ?? [], codes: take(Uint32Array, n) }));
    if (at !== body) return undefined;
    const store: EventStore = {
      size: n,
      partnerIds,
      partnerStart,
      partner,
      day,
      activityIds,
      activity,
      quantity,
      amount,
      row,
      dimensions,
      firstDay: meta.firstDay,
      lastDay: meta.lastDay,
      ...(line ? { line } : {}),
      ...(meta.columns ? { columns: meta.columns } : {}),
    };
    return { store, diagnostics: meta.diagnostics, badRows: meta.badRows };
  } catch {
    return undefined;
  }
}
