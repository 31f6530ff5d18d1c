/**
 * Where a command's report goes: stdout, or `--out FILE` written to a temporary file in
 * the same folder and renamed over the target, so a reader never sees half a report and
 * a crash never leaves one. An existing file is kept unless --force.
 */
import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from './errors.js';

export async function writeFileAtomic(path: string, data: string | Uint8Array, force: boolean): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UserError(`cannot write ${path}: it is a folder`, { hint: 'give a file name to --out' });
  if (existing && !force) {
    throw new UserError(`${path} already exists; not overwriting it`, { hint: 'add --force to replace it, or choose another --out' });
  }
  const dir = dirname(resolve(path));
  const folder = await stat(dir).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UserError(`cannot write ${path}: folder ${dirname(path)} does not exist`);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
