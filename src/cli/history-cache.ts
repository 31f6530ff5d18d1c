/**
 * The parsed-history cache: `$XDG_CACHE_HOME/pointsmith` (default `~/.cache/pointsmith`),
 * one file per (history bytes, the file's settings from the flags or the --data manifest,
 * codec version). The key hashes the file's
 * content, so an edited file never hits a stale entry even when size and mtime survive;
 * size and mtime are in the key too, as the brief's cheap first check. Entries are written
 * to a temporary file and renamed, and decoding verifies a checksum, so a truncated or
 * corrupt entry is ignored (and then rewritten), never trusted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedHistory } from '../history/read-history.js';
import { CODEC_VERSION, decodeStore, encodeStore } from '../history/store-codec.js';

export interface HistoryCache {
  readonly dir: string;
  /** The entry name for this file as it is now, read with these settings (column mapping, formats...). */
  key(path: string, info: Stats, settings: object): Promise<string>;
  /** The cached parse, or undefined when there is none or it is not intact. */
  read(key: string): Promise<ParsedHistory | undefined>;
  write(key: string, parsed: ParsedHistory): Promise<void>;
}

/**
 * `$XDG_CACHE_HOME/pointsmith`, else `$HOME/.cache/pointsmith`; undefined when the
 * environment names neither (an in-memory Io in tests, a stripped-down CI job), which
 * turns the cache off rather than guessing a folder.
 */
export function cacheDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && xdg !== '') return join(xdg, 'pointsmith');
  const home = env.HOME ?? env.USERPROFILE;
  return home !== undefined && home !== '' ? join(home, '.cache', 'pointsmith') : undefined;
}

async function contentHash(path: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** JSON with object keys sorted, so the same settings written in another order hit the same entry. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

export function historyCacheFor(env: Readonly<Record<string, string | undefined>>): HistoryCache | undefined {
  const dir = cacheDir(env);
  if (dir === undefined) return undefined;
  const entry = (key: string): string => join(dir, `${key}.history`);
  return {
    dir,
    async key(path, info, settings) {
      const parts = [`v${CODEC_VERSION}`, String(info.size), String(info.mtimeMs), await contentHash(path), stableJson(settings)];
      return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40);
    },
    async read(key) {
      const bytes = await readFile(entry(key)).catch(() => undefined);
      return bytes === undefined ? undefined : decodeStore(bytes);
    },
    async write(key, parsed) {
      await mkdir(dir, { recursive: true });
      const target = entry(key);
      const temp = join(dir, `.${key}.${randomBytes(4).toString('hex')}.tmp`);
      const handle = await open(temp, 'wx');
      try {
        for (const chunk of encodeStore(parsed)) await handle.write(chunk);
        await handle.close();
        await rename(temp, target);
      } catch (error) {
        await handle.close().catch(() => undefined);
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    },
  };
}
