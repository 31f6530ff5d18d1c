/**
 * The CSV examples of docs/commands/{simulate,check,explain}.md are the real output of the
 * command line above them, run by the real binary: keep them true.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/pointsmith.js', import.meta.url));
const exec = promisify(execFile);

/** The first fenced block after the heading, split into its `$ pointsmith …` line and the output under it. */
function example(doc: string, heading: string): { args: string[]; output: string } {
  const text = readFileSync(new URL(`../../docs/commands/${doc}`, import.meta.url), 'utf8');
  const at = text.indexOf(`\n${heading}\n`);
  expect(at, `${doc}: ${heading}`).toBeGreaterThan(0);
  const block = /```\n([^]*?)```/.exec(text.slice(at))?.[1] ?? '';
  const [command = '', ...output] = block.split('\n');
  expect(command.startsWith('$ pointsmith ')).toBe(true);
  return { args: command.slice('$ pointsmith '.length).split(' '), output: output.join('\n') };
}

describe('the CSV examples in the docs', () => {
  it.each([
    ['simulate.md', '## CSV'],
    ['check.md', '### CSV'],
    ['explain.md', '## CSV'],
  ])('%s %s', async (doc, heading) => {
    const { args, output } = example(doc, heading);
    const { stdout } = await exec(process.execPath, [bin, ...args, '--no-cache', '--quiet'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    expect(stdout).toBe(output);
  });
});
