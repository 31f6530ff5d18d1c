import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { CommandContext } from '../../src/cli/context.js';
import { InputError, UserError } from '../../src/cli/errors.js';
import { memoryIo } from '../../src/cli/io.js';
import { addHistoryOptions, loadHistoryForCommand, parseColumnMapping } from '../../src/cli/load-history.js';
import { loadProgram } from '../../src/program/load.js';
import type { Program } from '../../src/program/program.js';

const FIX = resolve(__dirname, '../../fixtures/history');
const cacheHome = mkdtempSync(join(tmpdir(), 'ps-cache-'));
afterAll(() => rmSync(cacheHome, { recursive: true, force: true }));

function design(): Program {
  const { program } = loadProgram(readFileSync(join(FIX, 'design.yaml')), 'design.yaml');
  if (program === undefined) throw new Error('fixture design does not load');
  return program;
}

async function load(args: string[], env: Record<string, string> = { XDG_CACHE_HOME: cacheHome }) {
  const io = memoryIo({ cwd: FIX, env });
  const ctx = new CommandContext(io);
  const command = addHistoryOptions(new Command('run').exitOverride());
  command.parse(args, { from: 'user' });
  const loaded = await loadHistoryForCommand(ctx, command, design());
  return { loaded, io };
}

async function failure(args: string[]): Promise<unknown> {
  try {
    await load(args);
  } catch (error) {
    return error;
  }
  throw new Error('expected the load to fail');
}

describe('loadHistoryForCommand', () => {
  it('parses, caches, then serves the same store from the cache', async () => {
    const first = await load(['--history', 'good.csv']);
    expect(first.loaded.fromCache).toBe(false);
    expect(first.loaded.store.size).toBe(3);
    expect(readdirSync(join(cacheHome, 'pointsmith')).filter((f) => f.endsWith('.history'))).toHaveLength(1);
    const second = await load(['--history', 'good.csv']);
    expect(second.loaded.fromCache).toBe(true);
    expect([...second.loaded.store.amount]).toEqual([...first.loaded.store.amount]);
    expect(second.loaded.store.dimensions['product']?.values).toEqual(['', 'saas']);
  });

  it('does not touch the cache with --no-cache', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ps-nocache-'));
    const { loaded } = await load(['--history', 'good.csv', '--no-cache'], { XDG_CACHE_HOME: home });
    expect(loaded.fromCache).toBe(false);
    expect(readdirSync(home)).toEqual([]);
    rmSync(home, { recursive: true, force: true });
  });

  it('has no cache when the environment names no cache or home folder', async () => {
    const first = await load(['--history', 'good.csv'], {});
    const second = await load(['--history', 'good.csv'], {});
    expect([first.loaded.fromCache, second.loaded.fromCache]).toEqual([false, false]);
  });

  it('uses $HOME/.cache/pointsmith without XDG_CACHE_HOME', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ps-home-'));
    await load(['--history', 'good.csv'], { HOME: home });
    expect(readdirSync(join(home, '.cache', 'pointsmith')).filter((f) => f.endsWith('.history'))).toHaveLength(1);
    expect((await load(['--history', 'good.csv'], { HOME: home })).loaded.fromCache).toBe(true);
    rmSync(home, { recursive: true, force: true });
  });

  it('rebuilds a corrupt cache entry instead of trusting it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'ps-corrupt-'));
    await load(['--history', 'good.csv'], { XDG_CACHE_HOME: home });
    const dir = join(home, 'pointsmith');
    const entry = join(dir, readdirSync(dir)[0] as string);
    const bytes = readFileSync(entry);
    bytes[bytes.length - 40] = (bytes[bytes.length - 40] as number) ^ 0xff;
    writeFileSync(entry, bytes);
    const { loaded } = await load(['--history', 'good.csv'], { XDG_CACHE_HOME: home });
    expect(loaded.fromCache).toBe(false);
    expect(loaded.store.size).toBe(3);
    const again = await load(['--history', 'good.csv'], { XDG_CACHE_HOME: home });
    expect(again.loaded.fromCache).toBe(true);
    rmSync(home, { recursive: true, force: true });
  });

  it('adds partners without activity and reads the partners file', async () => {
    const { loaded } = await load(['--history', 'good.csv', '--partners', 'partners.csv']);
    expect(loaded.partners?.byId.get('P2')?.segment).toBe('msp');
    // P3 has no events: it is a partner with an empty range (partnerStart[2] === partnerStart[3]).
    expect(loaded.store.partnerIds).toEqual(['P1', 'P2', 'P3']);
    expect([...loaded.store.partnerStart]).toEqual([0, 2, 3, 3]);
  });

  it('stops when history partners are missing from the partners file', async () => {
    const error = await failure(['--history', 'good.csv', '--partners', 'partners-missing.csv']);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).diagnostics[0]).toMatchObject({
      code: 'partners-missing',
      message: '1 partner(s) of the history good.csv are not in the partners file: `P2`',
      file: 'partners-missing.csv',
    });
  });

  it('stops on bad rows with every one named (exit 2 through InputError)', async () => {
    const error = await failure(['--history', 'bad-rows.csv']);
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.exitCode).toBe(2);
    // Rows 2 and 4-7 are bad (lines 3, 5-8): impossible date, negative quantity, bad amount,
    // empty partner, bad date format. Row 3 (line 4, `deal_closd`) is not bad: it is unscored.
    expect(e.diagnostics.map((d) => [d.line, d.code])).toEqual([
      [3, 'csv-impossible-date'],
      [5, 'csv-negative-quantity'],
      [6, 'csv-bad-amount'],
      [7, 'csv-empty-partner'],
      [8, 'csv-bad-date'],
    ]);
  });

  it('with --strict-activities, an activity the design does not define is one more bad row', async () => {
    const e = (await failure(['--history', 'bad-rows.csv', '--strict-activities'])) as InputError;
    expect(e.exitCode).toBe(2);
    expect(e.diagnostics.map((d) => [d.line, d.code])).toEqual([
      [3, 'csv-impossible-date'],
      [4, 'csv-unknown-activity'],
      [5, 'csv-negative-quantity'],
      [6, 'csv-bad-amount'],
      [7, 'csv-empty-partner'],
      [8, 'csv-bad-date'],
    ]);
    expect(e.diagnostics[1]?.hint).toBe('did you mean `deal_closed`?');
  });

  it('skips bad rows with --skip-bad-rows and says so on stderr; the unscored row is counted apart', async () => {
    const { loaded, io } = await load(['--history', 'bad-rows.csv', '--skip-bad-rows']);
    // 7 data rows: 1 event, 5 bad rows skipped, 1 row (deal_closd) unscored.
    expect(loaded.store.size).toBe(1);
    expect(loaded.skippedRows).toBe(5);
    expect(loaded.unscoredRows).toBe(1);
    expect(loaded.rows).toBe(7);
    expect(io.err()).toContain('skipped 5 bad row(s) of bad-rows.csv:\n');
    expect(io.err()).toContain('bad-rows.csv:3:2: error csv-impossible-date: row 2: date `2024-02-30` does not exist on the calendar');
    expect(io.err()).toContain(
      '  bad-rows.csv:4:3: warning csv-unscored-activity: activity `deal_closd` is not in the design: 1 row(s) not scored, the first is row 3 (did you mean `deal_closed`?)\n',
    );
    expect(loaded.warnings.map((d) => [d.code, d.line])).toEqual([['csv-unscored-activity', 4]]);
  });

  it('maps columns with --column', async () => {
    const error = await failure(['--history', 'good.csv', '--column', 'partner_id=Account ID']);
    expect((error as InputError).diagnostics[0]?.message).toBe('--column partner_id="Account ID": the history has no column `Account ID`');
  });

  it('names a missing history file in one line', async () => {
    const error = await failure(['--history', 'nope.csv']);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('cannot read nope.csv: no such file or folder');
  });
});

describe('parseColumnMapping', () => {
  it('splits at the first =', () => {
    expect(parseColumnMapping(['partner_id=Account ID', 'amount=Net = USD'])).toEqual({ partner_id: 'Account ID', amount: 'Net = USD' });
  });
  it('rejects a value without =', () => {
    expect(() => parseColumnMapping(['partner_id'])).toThrow('--column partner_id: expected NAME=HEADER');
  });
});
