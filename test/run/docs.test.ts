/**
 * docs/commands/run.md shows real output on fixtures/hand: keep it true.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const doc = readFileSync(new URL('../../docs/commands/run.md', import.meta.url), 'utf8');
const HAND = ['run', 'fixtures/hand/program.yaml', '--history', 'fixtures/hand/history.csv', '--partners', 'fixtures/hand/partners.csv', '--no-cache'];

/** The first fenced block after a heading. */
function blockAfter(heading: string): string {
  const at = doc.indexOf(`\n${heading}\n`);
  expect(at).toBeGreaterThan(0);
  const match = /```[a-z]*\n([^]*?)```/.exec(doc.slice(at));
  return match?.[1] ?? '';
}

async function output(args: string[]): Promise<string> {
  const io = memoryIo();
  expect(await main([...HAND, ...args], io)).toBe(0);
  return io.out();
}

describe('docs/commands/run.md', () => {
  it('the table example is the real output', async () => {
    const [command, ...report] = blockAfter('### table (default)').split('\n');
    expect(command).toBe('$ pointsmith run fixtures/hand/program.yaml --history fixtures/hand/history.csv --partners fixtures/hand/partners.csv --by segment');
    expect(report.join('\n')).toBe(await output(['--by', 'segment']));
  });

  it('the csv rows shown are rows of the real output', async () => {
    const real = (await output(['--by', 'segment', '--format', 'csv'])).split('\n');
    for (const line of blockAfter('### csv').trimEnd().split('\n')) expect(real).toContain(line);
  });

  it('the markdown excerpt is made of real sections', async () => {
    const real = await output(['--format', 'markdown']);
    for (const part of blockAfter('### markdown').split('\n\n...\n\n')) expect(real).toContain(part.trimEnd());
  });
});
