/**
 * One did-you-mean everywhere a name can be mistyped on the command line: a value outside
 * an option's choices (commander's own check, hint added), a metric name, a missing file.
 * Every case keeps exit 2 and the one-line error.
 */
import { describe, expect, it } from 'vitest';
import { closest } from '../src/diagnostics/did-you-mean.js';
import { main } from '../src/cli/main.js';
import { memoryIo } from '../src/cli/io.js';
import { invalidChoiceHint } from '../src/cli/choice-hint.js';

async function run(args: string[]) {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const DESIGN = 'programs/lifecycle.yaml';
const HISTORY = ['--history', 'fixtures/sample/history.csv'];

describe('did-you-mean on choice-valued options (commander .choices)', () => {
  it.each([
    [['validate', 'programs/', '--format', 'jsn'], '-f, --format <format>', 'jsn', 'json'],
    [['run', DESIGN, ...HISTORY, '--format', 'markdwn'], '-f, --format <format>', 'markdwn', 'markdown'],
    [['run', DESIGN, ...HISTORY, '--by', 'regoin'], '--by <dimension>', 'regoin', 'region'],
    // p09 is two edits from both p50 and p90; the swapped digits win the tie.
    [['check', DESIGN, ...HISTORY, '--at', 'p09'], '--at <measure>', 'p09', 'p90'],
    [['transition', DESIGN, ...HISTORY, '--format', 'HTML'], '-f, --format <format>', 'HTML', 'html'],
  ])('%j', async (args, flags, value, guess) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^error: option '${flags.replace(/[-[\]<>,]/g, '\\$&')}' argument '${value}' is invalid\\. Allowed choices are `));
    // The hint comes right under the message, before commander's pointer to --help.
    expect(lines[1]).toBe(`hint: did you mean \`${guess}\`?`);
    expect(lines[2]).toBe('(add --help for usage)');
  });

  it('adds no hint when nothing is close, and keeps the list of choices', async () => {
    const r = await run(['validate', 'programs/', '--format', 'spreadsheet']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("error: option '-f, --format <format>' argument 'spreadsheet' is invalid. Allowed choices are text, json, github, junit, sarif.\n(add --help for usage)\n");
  });

  it('reads commander\'s message for positional arguments too, and ignores other errors', () => {
    expect(invalidChoiceHint("error: command-argument value 'simulat' is invalid for argument 'kind'. Allowed choices are run, simulate.\n")).toBe('did you mean `simulate`?');
    expect(invalidChoiceHint("error: unknown option '--fromat'\n")).toBeUndefined();
  });
});

describe('did-you-mean on --metric', () => {
  it('guesses the headline metric of a misspelt family: cots → cost.total', async () => {
    const r = await run(['sensitivity', DESIGN, ...HISTORY, '--metric', 'cots']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: --metric: unknown metric `cots`\nhint: did you mean `cost.total`?\n');
  });

  it('family guesses only when no whole name is close, and never for dotted input', () => {
    const metrics = ['cost.total', 'cost.rewards', 'liability', 'points.earned', 'points.redeemed'];
    expect(closest('liabilty', metrics)).toBe('liability');
    expect(closest('pionts', metrics)).toBe('points.earned');
    expect(closest('cost.totl', metrics)).toBe('cost.total');
    expect(closest('xyz.abc', metrics)).toBeUndefined();
    expect(closest('budget', metrics)).toBeUndefined();
  });
});

describe('did-you-mean on missing paths', () => {
  it('suggests the sibling of the closest existing folder: a design', async () => {
    const r = await run(['run', 'programs/lifecyle.yaml', ...HISTORY]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: cannot read programs/lifecyle.yaml: no such file or folder\nhint: did you mean `programs/lifecycle.yaml`?\n');
  });

  it('repairs a misspelt folder and file together: a history', async () => {
    const r = await run(['run', DESIGN, '--history', 'fixtures/sampel/histroy.csv']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: cannot read fixtures/sampel/histroy.csv: no such file or folder\nhint: did you mean `fixtures/sample/history.csv`?\n');
  });

  it('suggests for validate\'s inputs and --partners', async () => {
    const v = await run(['validate', 'programs/servces.yaml']);
    expect(v.code).toBe(2);
    expect(v.err).toBe('error: cannot read programs/servces.yaml: no such file or folder\nhint: did you mean `programs/services.yaml`?\n');
    const p = await run(['run', DESIGN, ...HISTORY, '--partners', 'fixtures/sample/partner.csv']);
    expect(p.code).toBe(2);
    expect(p.err).toBe('error: cannot read fixtures/sample/partner.csv: no such file or folder\nhint: did you mean `fixtures/sample/partners.csv`?\n');
  });

  it('falls back to the plain hint when nothing is close', async () => {
    const r = await run(['validate', 'nothing/here.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: cannot read nothing/here.yaml: no such file or folder\nhint: check the path (relative paths start from the current folder)\n');
  });
});
