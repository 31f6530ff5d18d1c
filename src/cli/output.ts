/**
 * Where a command's report goes: stdout, or `--out FILE` written to a temporary file in
 * the same folder and renamed over the target, so a reader never sees half a report and
 * a crash never leaves one. An existing file is kept unless --force.
 */
import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from './errors.js';

/**
 * Refuses a target that could not be written: a folder, a missing folder, or an existing
 * file without --force. Commands that do slow or interactive work call it up front, so
 * the user is not told after the work (or the questions) that it was for nothing.
 */
export async function assertWritable(path: string, force: boolean, flag = '--out', shown = path): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UserError(`cannot write ${shown}: it is a folder`, { hint: `give a file name to ${flag}` });
  if (existing && !force) {
    throw new UserError(`${shown} already exists; not overwriting it`, { hint: `add --force to replace it, or choose another ${flag} file` });
  }
  const folder = await stat(dirname(resolve(path))).catch(() => undefined);
  if (!folder?.isDirectory()) {
    throw new UserError(`cannot write ${shown}: folder ${dirname(shown)} does not exist`, { hint: `create it first, or choose another ${flag} file` });
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, force: boolean): Promise<void> {
  await assertWritable(path, force);
  const dir = dirname(resolve(path));
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
