import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../src/cli/main.js';
import { memoryIo } from '../src/cli/io.js';
import { VERSION } from '../src/version.js';

describe('the CLI shell', () => {
  it('suggests the closest command for a typo and exits 2', async () => {
    const io = memoryIo();
    const code = await main(['valdate'], io);
    expect(code).toBe(2);
    expect(io.err()).toContain("unknown command 'valdate'");
    expect(io.err()).toContain('Did you mean validate?');
    expect(io.err()).toContain('--help');
  });

  it('exits 2 on an unknown option with one line and a --help hint', async () => {
    const io = memoryIo();
    const code = await main(['validate', '--bogus'], io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/unknown option '--bogus'/);
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('points at a mistyped required flag instead of only calling it missing', async () => {
    const io = memoryIo();
    const code = await main(['run', 'programs/starter.yaml', '--histroy', 'fixtures/hand/history.csv'], io);
    expect(code).toBe(2);
    // --history is no longer required by commander (--data may stand for it): the unknown flag is the error.
    expect(io.err()).toContain("error: unknown option '--histroy'\n(Did you mean --history?)");
    const withValue = memoryIo();
    expect(await main(['explain', 'programs/starter.yaml', '--history', 'h.csv', '--partnr=P1'], withValue)).toBe(2);
    expect(withValue.err()).toContain('hint: `--partnr` is not an option of `explain`; did you mean `--partner`?');
  });

  it('prints help with examples and exits 0', async () => {
    const io = memoryIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Examples:');
  });

  it('keeps VERSION in step with package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});

describe('subcommand help', () => {
  it('lists the global options (--out, --force, --quiet, --debug, --no-color)', async () => {
    const io = memoryIo();
    expect(await main(['generate', '--help'], io)).toBe(0);
    const help = io.out();
    expect(help).toContain('Global Options:');
    for (const flag of ['--out <file>', '--force', '--quiet', '--debug', '--no-color']) expect(help).toContain(flag);
  });
});
