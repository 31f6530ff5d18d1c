import { afterAll, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { CommandContext } from '../../src/cli/context.js';
import { InputError, UserError } from '../../src/cli/errors.js';
import { expandInputs } from '../../src/cli/expand-inputs.js';
import { memoryIo } from '../../src/cli/io.js';
import { readProgramFile } from '../../src/cli/load-program.js';
import { join } from 'node:path';
import { CLEAN, TYPO, UNREACHABLE, removeTempTrees, tempTree } from './design-files.js';

afterAll(removeTempTrees);

function setup(files: Record<string, string>) {
  const cwd = tempTree(files);
  const io = memoryIo({ cwd });
  return { io, ctx: new CommandContext(io), command: new Command('run') };
}

describe('readProgramFile (for every replaying command)', () => {
  it('returns the loaded, frozen program', async () => {
    const { ctx, command, io } = setup({ 'tiny.yaml': CLEAN });
    const program = await readProgramFile(ctx, command, 'tiny.yaml');
    expect(program.program.name).toBe('Tiny');
    expect(Object.isFrozen(program)).toBe(true);
    expect(io.err()).toBe('');
  });

  it('prints warnings on stderr with file:line:col and still returns the program', async () => {
    const { ctx, command, io } = setup({ 'capped.yaml': UNREACHABLE });
    const program = await readProgramFile(ctx, command, 'capped.yaml');
    expect(program.tiers).toHaveLength(2);
    // Gold's min_points is on line 8 of UNREACHABLE.
    expect(io.err()).toMatch(/^warning: capped\.yaml:8:\d+: unreachable-tier: /);
  });

  it('throws an InputError (exit 2) carrying the errors', async () => {
    const { ctx, command } = setup({ 'typo.yaml': TYPO });
    const error = await readProgramFile(ctx, command, 'typo.yaml').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).diagnostics).toEqual([expect.objectContaining({ code: 'unknown-key', file: 'typo.yaml', line: 5, col: 21 })]);
  });

  it.each([
    ['a missing file', 'nope.yaml', 'cannot read nope.yaml: no such file or folder'],
    ['a folder', 'sub', 'cannot read sub: it is a folder, not a design file'],
    ['a path through a file', 'tiny.yaml/x.yaml', 'cannot read tiny.yaml/x.yaml: a part of the path is a file, not a folder'],
  ])('refuses %s with a one-line UserError (exit 2)', async (_what, path, message) => {
    const { ctx, command } = setup({ 'tiny.yaml': CLEAN, 'sub/keep.txt': '' });
    const error = await readProgramFile(ctx, command, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(message);
    expect((error as UserError).exitCode).toBe(2);
  });
});

describe('expandInputs', () => {
  it('keeps files as named, expands folders recursively in code-unit order, skips hidden folders and node_modules, drops duplicates', async () => {
    const { ctx } = setup({
      'b/Z.yaml': CLEAN,
      'b/a.YML': CLEAN,
      'b/sub/m.yaml': CLEAN,
      'b/.git/x.yaml': CLEAN,
      'b/node_modules/y.yaml': CLEAN,
      'b/readme.md': '',
      'one.txt': CLEAN,
    });
    // 'Z' (0x5A) sorts before 'a' (0x61) and 's' in code-unit order.
    expect(await expandInputs(ctx, ['one.txt', 'b', 'b/Z.yaml'])).toEqual(['one.txt', join('b', 'Z.yaml'), join('b', 'a.YML'), join('b', 'sub', 'm.yaml')]);
  });

  it('names the folder that holds no design', async () => {
    const { ctx } = setup({ 'docs/a.md': '' });
    await expect(expandInputs(ctx, ['docs'])).rejects.toThrow('no .yaml or .yml files in folder docs');
  });
});
