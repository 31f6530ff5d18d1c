/**
 * The lazy command table (src/cli/commands/index.ts): the root help lists every command
 * from the table without importing it, so the table must say what each command's module
 * declares; main registers in full only the command the arguments invoke; and the CLI's
 * entry does not import the heavy parts (the engine, the analyses, the renderers, the
 * worker pool, playwright) before a command asks for them. Timings: bench/startup.js.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/commands/index.js';
import { CommandContext } from '../src/cli/context.js';
import { memoryIo } from '../src/cli/io.js';
import { buildProgram, invokedCommand, main } from '../src/cli/main.js';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the command table', () => {
  it.each(commands.map((c) => [c.name, c] as const))('%s: name, term and description as the module declares them', async (_name, entry) => {
    const register = await entry.load();
    const scratch = new Command('pointsmith');
    const sub = register(scratch, new CommandContext(memoryIo()));
    expect(sub.name()).toBe(entry.name);
    expect(new Help().subcommandTerm(sub)).toBe(entry.term);
    expect(sub.description()).toBe(entry.description);
  });

  it('the root help lists every command, in the table order, with its term', async () => {
    const io = memoryIo();
    expect(await main(['--help'], io)).toBe(0);
    const listed = io
      .out()
      .split('\n')
      .map((line) => /^ {2}(\S+)/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined && !name.startsWith('-') && !name.startsWith('$'));
    expect(listed).toEqual([...commands.map((c) => c.name), 'help']);
    for (const c of commands) expect(io.out()).toContain(`  ${c.term}`);
  });
});

describe('main registers in full only the invoked command', () => {
  const ctx = () => new CommandContext(memoryIo());
  const registered = async (argv: string[]) => {
    const program = await buildProgram(ctx(), argv);
    // A stub has no options; every full command has at least --help's companions (--format and others).
    return program.commands.filter((c) => c.options.length > 0).map((c) => c.name());
  };

  it.each([
    [['--help'], []],
    [[], []],
    [['rn'], []],
    [['run', 'programs/lifecycle.yaml'], ['run']],
    [['--out', 'run', 'validate', 'programs/'], ['validate']],
    [['-o', 'x.json', '-q', 'check', 'programs/lifecycle.yaml'], ['check']],
    [['--out=x.json', 'explain', '--help'], ['explain']],
    [['help', 'transition'], ['transition']],
    [['--', 'schema'], ['schema']],
  ])('%j → %j', async (argv, expected) => {
    expect(await registered(argv)).toEqual(expected);
    expect(invokedCommand(new Command().option('-o, --out <file>'), argv)?.name).toBe(expected[0]);
  });

  it('keeps commander\'s unknown command and its suggestion', async () => {
    const io = memoryIo();
    expect(await main(['rn'], io)).toBe(2);
    expect(io.err()).toBe("error: unknown command 'rn'\n(Did you mean run?)\n(add --help for usage)\n");
  });
});

/** The modules a built module imports statically (import / export ... from), transitively; bare names as given. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?:[^'"()]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1] as string;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else seen.add(spec);
    }
  };
  visit(entry);
  return seen;
}

describe('the static import graph of the CLI entry (dist/cli/main.js)', () => {
  const graph = [...staticGraph(join(root, 'dist', 'cli', 'main.js'))];
  const local = graph.filter((m) => m.startsWith(root)).map((m) => m.slice(root.length));
  const bare = graph.filter((m) => !m.startsWith(root));

  it('reaches no command module but the table, nor the engine, analyses, renderers, pool or PDF printer', () => {
    expect(local.filter((m) => m.startsWith('dist/cli/commands/'))).toEqual(['dist/cli/commands/index.js']);
    expect(local.filter((m) => /^dist\/(engine|analysis|history|program)\//.test(m))).toEqual([]);
    // Of src/report: the terminal sanitiser (error messages) and the colour styles only.
    expect(local.filter((m) => m.startsWith('dist/report/') && !m.startsWith('dist/report/sanitize/')).sort()).toEqual(['dist/report/style.js']);
    expect(local.filter((m) => /sensitivity-pool|sensitivity-worker|pdf|browser/.test(m))).toEqual([]);
  });

  it('imports no heavy package: only commander, chalk and fastest-levenshtein besides node built-ins', () => {
    const packages = bare.filter((m) => !m.startsWith('node:') && !builtinModules.includes(m));
    expect(packages.sort()).toEqual(['chalk', 'commander', 'fastest-levenshtein']);
    expect(bare).not.toContain('node:worker_threads');
  });
});
