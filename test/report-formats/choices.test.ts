/**
 * One way to register an output format: each report family's registry
 * (src/report/<family>/index.ts). Every command's `--format` choices are its registry's
 * keys, in the registry's order, as the real binary prints them (`--help`, and the
 * invalid-choice error, exit 2); `--help` lists each format with its registry description;
 * `--bom` is offered exactly where a format is CSV; and the library exports the registries.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import { formats as calibrate } from '../../src/report/calibrate/index.js';
import { formats as check } from '../../src/report/check/index.js';
import { formats as compare } from '../../src/report/compare/index.js';
import { formats as diagnostics } from '../../src/report/diagnostics/index.js';
import { formats as explain } from '../../src/report/explain/index.js';
import { formats as generate } from '../../src/report/generate/index.js';
import { formats as init } from '../../src/report/init/index.js';
import { formats as run } from '../../src/report/run/index.js';
import { formats as schema } from '../../src/report/schema/index.js';
import { formats as sensitivity } from '../../src/report/sensitivity/index.js';
import { formats as simulate } from '../../src/report/simulate/index.js';
import { formats as transition } from '../../src/report/transition/index.js';
import type { MediaType } from '../../src/report/formatter.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/pointsmith.js', import.meta.url));
const exec = promisify(execFile);

async function pointsmith(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

type Registry = Readonly<Record<string, { readonly description: string; readonly mediaType: MediaType }>>;

/** Every command that has --format, with the registry it must read, and the format it defaults to. */
const COMMANDS: readonly [string, Registry, string][] = [
  ['validate', diagnostics, 'text'],
  ['run', run, 'table'],
  ['check', check, 'text'],
  ['compare', compare, 'table'],
  ['sensitivity', sensitivity, 'table'],
  ['simulate', simulate, 'table'],
  ['calibrate', calibrate, 'table'],
  ['transition', transition, 'markdown'],
  ['explain', explain, 'table'],
  ['generate', generate, 'text'],
  ['init', init, 'text'],
  ['schema', schema, 'json'],
];

describe('--format choices come from the registries', () => {
  it('every command of `pointsmith --help` is listed here', async () => {
    const r = await pointsmith(['--help']);
    expect(r.code).toBe(0);
    const commands = [...r.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands.sort()).toEqual(COMMANDS.map(([c]) => c).sort());
  });

  it.each(COMMANDS)('%s: --help lists the registry\'s keys, its default and each format\'s description', async (command, registry, fallback) => {
    const r = await pointsmith([command, '--help']);
    expect(r.code).toBe(0);
    // commander wraps the option's line: read it with the whitespace folded.
    const folded = r.stdout.replace(/\s+/g, ' ');
    const choices = /-f, --format <format> .*?\(choices: (.*?), default: "(\w+)"\)/.exec(folded);
    expect(choices?.[1]).toBe(Object.keys(registry).map((k) => `"${k}"`).join(', '));
    expect(choices?.[2]).toBe(fallback);
    const width = Math.max(...Object.keys(registry).map((k) => k.length));
    const section = Object.entries(registry).map(([k, f]) => `  ${k.padEnd(width)}  ${f.description}`);
    expect(r.stdout).toContain(`\nFormats:\n${section.join('\n')}\n`);
    // --bom where, and only where, a format is CSV.
    const csv = Object.values(registry).some((f) => f.mediaType === 'text/csv');
    expect(r.stdout.includes('  --bom '), `${command} --bom`).toBe(csv);
  });

  it.each(COMMANDS)('%s --format nope: exit 2, the registry\'s keys as the allowed choices', async (command, registry) => {
    const r = await pointsmith([command, '--format', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: option '-f, --format <format>' argument 'nope' is invalid. Allowed choices are ${Object.keys(registry).join(', ')}.\n(add --help for usage)\n`,
    );
  });

  it('the library exports every registry', () => {
    expect(library.diagnosticsFormats).toBe(diagnostics);
    expect(library.runFormats).toBe(run);
    expect(library.checkFormats).toBe(check);
    expect(library.compareFormats).toBe(compare);
    expect(library.sensitivityFormats).toBe(sensitivity);
    expect(library.simulateFormats).toBe(simulate);
    expect(library.calibrateFormats).toBe(calibrate);
    expect(library.transitionFormats).toBe(transition);
    expect(library.explainFormats).toBe(explain);
    expect(library.generateFormats).toBe(generate);
    expect(library.initFormats).toBe(init);
    expect(library.schemaFormats).toBe(schema);
  });

  it('a format renders through its registry entry: run json is the summary as JSON', () => {
    // The smallest model a formatter reads: the JSON format writes it back as it is.
    const summary = { program: { name: 'x' } } as unknown as Parameters<typeof run.json.render>[0];
    expect(library.runFormats.json.render(summary, {})).toBe('{\n  "program": {\n    "name": "x"\n  }\n}\n');
  });
});
