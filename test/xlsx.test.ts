/**
 * `--format xlsx` (run, compare, sensitivity, simulate, transition): each workbook is
 * written by the real binary, read back with exceljs (the library that wrote it) and
 * compared cell by cell with the same command's `--format json` on the same inputs.
 * Also: typed cells and number formats, the frozen header, hostile names stay text, the
 * same inputs give the same bytes (zip entry dates included), and the terminal refusal.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { readZipDates } from '../src/report/xlsx-zip-dates.js';
import { pointsmith } from './support/bin.js';

const work = mkdtempSync(join(tmpdir(), 'ps-xlsx-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const WHATIF = ['fixtures/whatif/design.yaml', '--history', 'fixtures/whatif/history.csv'];
const TRANSITION = ['fixtures/transition/program.yaml', '--history', 'fixtures/transition/history.csv', '--partners', 'fixtures/transition/partners.csv'];
const SAMPLE = ['programs/lifecycle.yaml', '--history', 'fixtures/sample/history.csv', '--partners', 'fixtures/sample/partners.csv'];
const SELLERS = ['fixtures/sellers/program.yaml', '--history', 'fixtures/sellers/history.csv', '--partners', 'fixtures/sellers/partners.csv'];
const CHANGES = ['fixtures/changes/program.yaml', '--history', 'fixtures/changes/history.csv'];
const FORMULAS = ['fixtures/csv-formulas/design.yaml', '--history', 'fixtures/csv-formulas/history.csv', '--partners', 'fixtures/csv-formulas/partners.csv'];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- any: the JSON documents are read by key, as a user's script would
type Value = string | number | boolean | null;

let counter = 0;
/** Writes the command's workbook with the real binary (SOURCE_DATE_EPOCH as given, unset by default) and reads it back. */
async function xlsx(args: string[], epoch?: string): Promise<{ bytes: Buffer; book: ExcelJS.Workbook }> {
  const file = join(work, `book-${counter++}.xlsx`);
  const saved = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = epoch;
  try {
    const r = await pointsmith(...args, '--format', 'xlsx', '--out', file);
    expect(r.err).toMatch(new RegExp(`(^|\\n)wrote ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n$`));
    expect(r.code).toBe(0);
  } finally {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  }
  const bytes = readFileSync(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, book };
}

async function json(args: string[]): Promise<Json> {
  const r = await pointsmith(...args, '--format', 'json');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Json;
}

/** A sheet as rows of plain values: empty cells null, date cells as their YYYY-MM-DD. */
function rows(book: ExcelJS.Workbook, name: string): Value[][] {
  const ws = book.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}; the sheets are ${book.worksheets.map((w) => w.name).join(', ')}`);
  const width = ws.columnCount;
  const out: Value[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values: Value[] = [];
    for (let c = 1; c <= width; c++) {
      const v = row.getCell(c).value;
      values.push(v instanceof Date ? v.toISOString().slice(0, 10) : (v as Value | undefined) ?? null);
    }
    out.push(values);
  });
  return out;
}

function sheetNames(book: ExcelJS.Workbook): string[] {
  return book.worksheets.map((w) => w.name);
}

describe('run --format xlsx', () => {
  it('the sample with --by segment: every sheet cell by cell against the JSON, typed and formatted', async () => {
    const args = ['run', ...SAMPLE, '--by', 'segment'];
    const [{ book }, j] = await Promise.all([xlsx(args), json(args)]);
    const expectedSheets = ['Summary', 'Periods', 'Budget by year', 'Tiers', 'Tier history', 'Rewards', 'Rewards by period', 'Capacity'];
    if (j.warm_up !== null) expectedSheets.push('Warm-up');
    expect(sheetNames(book)).toEqual([...expectedSheets, 'By segment']);

    const summary = rows(book, 'Summary');
    expect(summary[0]).toEqual(['section', 'metric', 'value']);
    const expectedSummary: Value[][] = [
      ['program', 'name', j.program.name],
      ['program', 'currency', j.program.currency],
      ['summary', 'partners', j.partners],
      ['summary', 'events', j.events],
      ...Object.entries(j.points).map(([k, v]) => ['points', k, v as number]),
      ...Object.entries(j.cost).map(([k, v]) => ['cost', k, v as number]),
      ...['amount', 'per', 'used_share', 'worst_year', 'worst_year_share'].map((k) => ['budget', k, j.budget[k]]),
    ];
    expect(summary.slice(1)).toEqual(expectedSummary);
    expect(rows(book, 'Periods')).toEqual([['period', 'start', 'end'], ...j.periods.map((p: Json) => [p.label, p.start, p.end])]);
    expect(rows(book, 'Budget by year')).toEqual([
      ['year', 'start', 'end', 'covered', 'cost', 'amount', 'used_share'],
      ...j.budget.by_year.map((y: Json) => [y.year, y.start, y.end, y.covered, y.cost, y.amount, y.used_share]),
    ]);
    expect(rows(book, 'Tiers')).toEqual([['tier', 'partners', 'share'], ...j.tiers.map((t: Json) => [t.tier, t.partners, t.share])]);
    expect(rows(book, 'Tier history')).toEqual([
      ['period', 'tier', 'partners', 'share'],
      ...j.tier_history.flatMap((h: Json) => h.tiers.map((t: Json) => [h.period, t.tier, t.partners, t.share])),
    ]);
    const rewardKeys = ['reward', 'units', 'expected_units', 'points', 'vendor_cost', 'capacity_per', 'capacity', 'shortfall', 'expected_shortfall'];
    expect(rows(book, 'Rewards')).toEqual([rewardKeys, ...j.rewards.map((r: Json) => rewardKeys.map((k) => r[k]))]);
    expect(rows(book, 'Rewards by period')).toEqual([
      ['reward', 'period', 'units', 'expected_units'],
      ...j.rewards.flatMap((r: Json) => r.by_period.map((p: Json) => [r.reward, p.period, p.units, p.expected_units])),
    ]);
    const windowKeys = ['window', 'start', 'end', 'capacity', 'units', 'expected_units', 'shortfall', 'expected_shortfall', 'exceeded_share'];
    expect(rows(book, 'Capacity')).toEqual([['reward', ...windowKeys], ...j.rewards.flatMap((r: Json) => r.by_window.map((w: Json) => [r.reward, ...windowKeys.map((k) => w[k])]))]);
    if (j.warm_up !== null) expect(rows(book, 'Warm-up')).toEqual([['period', 'reason'], ...j.warm_up.periods.map((p: string) => [p, j.warm_up.reason])]);
    const tiers: string[] = j.tiers.map((t: Json) => t.tier);
    expect(rows(book, 'By segment')).toEqual([
      ['segment', 'partners', 'points_earned', 'cost_total', ...tiers.flatMap((t) => [`${t} partners`, `${t} share`])],
      ...j.by.groups.map((g: Json) => [g.key, g.partners, g.points_earned, g.cost_total, ...tiers.flatMap((t) => {
        const found = g.tiers.find((x: Json) => x.tier === t);
        return [found.partners, found.share];
      })]),
    ]);

    // Typed cells and formats: money in the design's currency, shares as percentages,
    // points and counts whole with separators; dates are dates; the header is frozen and bold.
    const ws = book.getWorksheet('Summary')!;
    const find = (metric: string): ExcelJS.Cell => ws.getCell(`C${summary.findIndex((r) => r[1] === metric) + 1}`);
    expect(find('total').type).toBe(ExcelJS.ValueType.Number);
    expect(find('total').numFmt).toBe('"USD "#,##0.00');
    expect(find('breakage').numFmt).toBe('0.0%');
    expect(find('earned').numFmt).toBe('#,##0');
    expect(find('events').numFmt).toBe('#,##0');
    expect(find('name').type).toBe(ExcelJS.ValueType.String);
    expect(book.getWorksheet('Periods')!.getCell('B2').type).toBe(ExcelJS.ValueType.Date);
    expect(book.getWorksheet('Periods')!.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    for (const sheet of book.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).font?.bold, sheet.name).toBe(true);
    }
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual('worst_year_share'.length);
  });

  it('the sellers fixture: the seller sheets cell by cell against the JSON, and the hand-worked figures', async () => {
    const args = ['run', ...SELLERS];
    const [{ book }, j] = await Promise.all([xlsx(args), json(args)]);
    const sellerSheets = ['Sellers', 'Seller levels', 'Top sellers', 'Seller rewards', 'Seller rewards by period', 'Seller capacity'];
    expect(sheetNames(book).slice(-sellerSheets.length)).toEqual(sellerSheets);
    const s = j.sellers;
    // Summary's cost rows are the JSON's cost, sellers included: 0 + 200 + 0 + 96 = 296 (test/run/sellers.test.ts).
    const cost = rows(book, 'Summary').filter((r) => r[0] === 'cost');
    expect(cost).toEqual(Object.entries(j.cost).map(([k, v]) => ['cost', k, v as number]));
    expect(cost.map((r) => r[1])).toEqual(['rewards', 'benefits', 'discounts', 'sellers', 'total', 'liability']);
    expect(rows(book, 'Sellers')).toEqual([
      ['section', 'metric', 'value'],
      ...['person_column', 'sellers', 'partners', 'events', 'unattributed_events'].map((k) => ['sellers', k, s[k]]),
      ...Object.entries(s.points).map(([k, v]) => ['points', k, v as number]),
      ...Object.entries(s.cost).map(([k, v]) => ['cost', k, v as number]),
    ]);
    expect(rows(book, 'Seller levels')).toEqual([['level', 'sellers', 'share'], ...s.levels.map((l: Json) => [l.level, l.sellers, l.share])]);
    const topKeys = ['seller', 'partner', 'person', 'earned', 'redeemed', 'balance', 'level', 'partner_tier'];
    expect(rows(book, 'Top sellers')).toEqual([['rank', ...topKeys], ...s.top.map((t: Json, i: number) => [i + 1, ...topKeys.map((k) => t[k])])]);
    const rewardKeys = ['reward', 'units', 'expected_units', 'points', 'vendor_cost', 'capacity_per', 'capacity', 'shortfall', 'expected_shortfall'];
    expect(rows(book, 'Seller rewards')).toEqual([rewardKeys, ...s.rewards.map((r: Json) => rewardKeys.map((k) => r[k]))]);
    expect(rows(book, 'Seller rewards by period')).toEqual([
      ['reward', 'period', 'units', 'expected_units'],
      ...s.rewards.flatMap((r: Json) => r.by_period.map((p: Json) => [r.reward, p.period, p.units, p.expected_units])),
    ]);
    const windowKeys = ['window', 'start', 'end', 'capacity', 'units', 'expected_units', 'shortfall', 'expected_shortfall', 'exceeded_share'];
    expect(rows(book, 'Seller capacity')).toEqual([['reward', ...windowKeys], ...s.rewards.flatMap((r: Json) => r.by_window.map((w: Json) => [r.reward, ...windowKeys.map((k) => w[k])]))]);
    // The hand figures (test/run/sellers.test.ts): 3 sellers, 240 earned, 12 cards × $8 = $96,
    // liability 60 × 0.5 × 8 / 10 = 24; top acme/bob 100, acme/ann 80, bolt/ann 60.
    const sellersSheet = rows(book, 'Sellers');
    const value = (section: string, metric: string): Value | undefined => sellersSheet.find((r) => r[0] === section && r[1] === metric)?.[2];
    expect([value('sellers', 'sellers'), value('points', 'earned'), value('cost', 'total'), value('cost', 'liability')]).toEqual([3, 240, 96, 24]);
    expect(rows(book, 'Top sellers').slice(1).map((r) => [r[1], r[4]])).toEqual([['acme/bob', 100], ['acme/ann', 80], ['bolt/ann', 60]]);
    expect(rows(book, 'Seller rewards')[1]).toEqual(['gift_card', 12, 12, 120, 96, 'period', 20, 1, 1]);
    const ws = book.getWorksheet('Sellers')!;
    expect(ws.getCell(`C${sellersSheet.findIndex((r) => r[0] === 'cost' && r[1] === 'total') + 1}`).numFmt).toBe('"USD "#,##0.00');
    expect(ws.getCell(`C${sellersSheet.findIndex((r) => r[1] === 'breakage') + 1}`).numFmt).toBe('0.0%');
  });

  it('fixtures/changes: the Dated changes sheet, one row per path set, against the JSON', async () => {
    const args = ['run', ...CHANGES];
    const [{ book }, j] = await Promise.all([xlsx(args), json(args)]);
    expect(sheetNames(book)).toContain('Dated changes');
    expect(sheetNames(book)).not.toContain('Sellers');
    expect(rows(book, 'Dated changes')).toEqual([
      ['version', 'effective', 'announced', 'notice_days', 'short_notice', 'description', 'path', 'value', 'periods'],
      ...j.changes.flatMap((c: Json) =>
        Object.entries(c.set).map(([path, v]) => [c.version, c.effective, c.announced, c.notice_days, c.short_notice, c.description, path, v as Value, c.periods.join(', ')]),
      ),
    ]);
    // By hand (test/whatif/changes-cli.test.ts): one change from 2025-08-15, announced 2025-05-01
    // (106 days' notice), setting two paths: two rows.
    expect(rows(book, 'Dated changes').slice(1)).toEqual([
      [1, '2025-08-15', '2025-05-01', 106, false, 'Deals earn more; Gold asks more', 'activities.deal_closed.points', 300, '2025-Q3, 2025-Q4'],
      [1, '2025-08-15', '2025-05-01', 106, false, 'Deals earn more; Gold asks more', 'tiers.Gold.min_points', 900, '2025-Q3, 2025-Q4'],
    ]);
    const ws = book.getWorksheet('Dated changes')!;
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.Date);
    expect(ws.getCell('E2').type).toBe(ExcelJS.ValueType.Boolean);
    expect(ws.getCell('H2').type).toBe(ExcelJS.ValueType.Number);
  });

  it('hostile names stay text, never formulas: program, tier and reward ids starting with = and @', async () => {
    const { bytes, book } = await xlsx(['run', ...FORMULAS]);
    const summary = rows(book, 'Summary');
    expect(summary[1]).toEqual(['program', 'name', '=HYPERLINK("https://evil.example","click")']);
    // -P1 earns `+deal` (100 points) twice on 2024-01-10 and once on 2024-04-10: 2 × 100 + 1 × 100 = 300.
    expect(summary.find((r) => r[0] === 'points' && r[1] === 'earned')?.[2]).toBe(300);
    expect(rows(book, 'Tiers').map((r) => r[0])).toEqual(['tier', 'Registered', '@Gold']);
    expect(rows(book, 'Rewards')[1]?.[0]).toBe('=mdf');
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula)));
    }
    expect(book.getWorksheet('Summary')!.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    // No formula element anywhere in the file's sheets (the text is in the shared strings).
    const zip = await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    expect(zip.worksheets.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from('<f>'))).toBe(false);
  });

  it('the same inputs give the same bytes; the workbook and every zip entry are dated SOURCE_DATE_EPOCH', async () => {
    const epoch = '1735732800'; // 2025-01-01T12:00:00Z
    const [a, b] = [await xlsx(['run', ...WHATIF], epoch), await xlsx(['run', ...WHATIF], epoch)];
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(a.book.created.toISOString()).toBe('2025-01-01T12:00:00.000Z');
    expect(a.book.modified.toISOString()).toBe('2025-01-01T12:00:00.000Z');
    // DOS date: (2025 − 1980) << 9 | 1 << 5 | 1 = 23040 + 32 + 1 = 23073; time: 12 << 11 = 24576.
    const dates = readZipDates(a.bytes);
    expect(dates.length).toBeGreaterThan(5);
    for (const d of dates) expect(d, d.name).toMatchObject({ central: [23073, 24576], local: [23073, 24576] });
  });

  it('without SOURCE_DATE_EPOCH the workbook is dated by the history\'s last event day', async () => {
    const { book } = await xlsx(['run', ...FORMULAS]);
    // fixtures/csv-formulas/history.csv: the last row is dated 2024-04-10.
    expect(book.created.toISOString()).toBe('2024-04-10T00:00:00.000Z');
  });
});

describe('compare, sensitivity, simulate, transition --format xlsx against their JSON', () => {
  it('compare: the rows with deltas, the tier changes and the movers', async () => {
    const args = ['compare', ...WHATIF, '--scenario', 'double_deal'];
    const [{ book }, j] = await Promise.all([xlsx(args), json(args)]);
    expect(sheetNames(book)).toEqual(['Summary', 'Comparison', 'Tier changes', 'Tier movers']);
    const others: string[] = j.columns.slice(1);
    expect(rows(book, 'Summary')).toEqual([
      ['metric', 'value'],
      ['currency', j.currency],
      ['partners', j.partners],
      ['events', j.events],
      ...j.tier_changes.map((c: Json) => [`changed tier: ${c.from} → ${c.to}`, c.changed]),
    ]);
    expect(rows(book, 'Comparison')).toEqual([
      ['section', 'key', ...j.columns, ...others.flatMap((c) => [`Δ ${c}`, `Δ% ${c}`])],
      ...j.rows.map((r: Json) => [r.section, r.key, ...r.values, ...others.flatMap((_, i) => [r.delta[i + 1], r.delta_share[i + 1]])]),
    ]);
    expect(rows(book, 'Tier changes')).toEqual([
      ['from', 'to', 'from_tier', 'to_tier', 'partners'],
      ...j.tier_changes.flatMap((c: Json) => c.from_tiers.flatMap((f: string, i: number) => c.to_tiers.map((t: string, k: number) => [c.from, c.to, f, t, c.counts[i][k]]))),
    ]);
    const moverKeys = ['partner', 'name', 'from', 'to', 'points_from', 'points_to', 'points_delta'];
    expect(rows(book, 'Tier movers')).toEqual([
      ['from', 'to', 'partner', 'name', 'tier_from', 'tier_to', 'points_from', 'points_to', 'points_delta'],
      ...j.tier_changes.flatMap((c: Json) => c.top.map((m: Json) => [c.from, c.to, ...moverKeys.map((k) => m[k])])),
    ]);
  });

  it('sensitivity: the tornado\'s weights, and a sweep\'s grid', async () => {
    const tornado = ['sensitivity', ...WHATIF, '--workers', '0'];
    const [{ book }, j] = await Promise.all([xlsx(tornado), json(tornado)]);
    expect(rows(book, 'Summary')).toEqual([['metric', 'value'], ['metric', j.metric], ['by', j.by], ['base', j.base]]);
    const keys = ['path', 'value', 'value_low', 'value_high', 'low', 'high', 'impact', 'elasticity'];
    expect(rows(book, 'Weights')).toEqual([keys, ...j.weights.map((w: Json) => keys.map((k) => w[k]))]);
    expect(book.getWorksheet('Weights')!.getCell('G2').numFmt).toBe('"USD "#,##0.00'); // the metric is cost.total: money

    const sweep = ['sensitivity', ...WHATIF, '--workers', '0', '--sweep', 'activities.deal.points=50,150'];
    const [s, sj] = await Promise.all([xlsx(sweep), json(sweep)]);
    expect(rows(s.book, 'Sweep')).toEqual([[...sj.paths, ...sj.metrics], ...sj.rows.map((r: Json) => [...sj.paths.map((p: string) => r.set[p]), ...sj.metrics.map((m: string) => r.values[m])])]);
  });

  it('simulate: measures, risks', async () => {
    const args = ['simulate', ...WHATIF, '--runs', '50', '--seed', '7'];
    const [{ book }, j] = await Promise.all([xlsx(args), json(args)]);
    expect(rows(book, 'Summary')).toEqual([['metric', 'value'], ['program', j.program], ['runs', 50], ['seed', 7]]);
    const keys = ['name', 'kind', 'expected', 'mean', 'p10', 'p50', 'p90'];
    expect(rows(book, 'Measures')).toEqual([keys, ...j.measures.map((m: Json) => keys.map((k) => m[k]))]);
    expect(rows(book, 'Risks')).toEqual([['limit', 'probability', 'expected_run_exceeds'], ...j.risks.map((r: Json) => [r.limit, r.probability, r.expected_run_exceeds])]);
  });

  it('transition: every table, every partner', async () => {
    const args = ['transition', ...TRANSITION];
    const [{ book }, j] = await Promise.all([xlsx(args), json(args)]);
    const summary = rows(book, 'Summary');
    expect(summary.find((r) => r[1] === 'partners')?.[2]).toBe(j.partners);
    expect(summary.find((r) => r[1] === 'new.total')?.[2]).toBe(j.cost.new.total);
    expect(summary.find((r) => r[1] === 'difference_share')?.[2]).toBe(j.cost.difference_share);
    for (const m of ['up', 'same', 'down', 'unmapped']) {
      expect(summary.find((r) => r[1] === `${m}.partners`)?.[2]).toBe(j.movement[m].partners);
      expect(summary.find((r) => r[1] === `${m}.share`)?.[2]).toBe(j.movement[m].share);
    }
    expect(rows(book, 'Executive summary')).toEqual([['line'], ...j.executive_summary.map((l: string) => [l])]);
    expect(rows(book, 'Matrix')).toEqual([['legacy_level', ...j.matrix.tiers], ...j.matrix.legacy_levels.map((l: string, i: number) => [l, ...j.matrix.counts[i]])]);
    expect(rows(book, 'Matrix shares')).toEqual([['legacy_level', ...j.matrix.tiers], ...j.matrix.legacy_levels.map((l: string, i: number) => [l, ...j.matrix.row_shares[i]])]);
    const group = ['key', 'partners', 'up', 'same', 'down', 'unmapped', 'at_risk', 'legacy_cost', 'new_cost'];
    expect(rows(book, 'By segment')).toEqual([['segment', ...group.slice(1)], ...j.by_segment.map((g: Json) => group.map((k) => g[k]))]);
    expect(rows(book, 'By region')).toEqual([['region', ...group.slice(1)], ...j.by_region.map((g: Json) => group.map((k) => g[k]))]);
    const periods: string[] = j.by_period.map((p: Json) => p.period);
    const partners = rows(book, 'Partners');
    expect(partners.length - 1).toBe(j.partner_rows.length);
    const head = ['partner', 'name', 'segment', 'region', 'legacy_level', 'legacy_source', 'legacy_revenue', 'legacy_certified', 'equivalent_tier', 'new_tier', 'movement', 'points_in_window'];
    expect(partners[0]).toEqual([...head, ...periods.map((p) => `tier_${p}`), 'legacy_cost', 'new_cost', 'at_risk']);
    expect(partners.slice(1)).toEqual(j.partner_rows.map((p: Json) => [...head.map((k) => p[k]), ...p.tiers_by_period, p.legacy_cost, p.new_cost, p.at_risk]));
    expect(rows(book, 'At risk').slice(1).map((r) => r[0])).toEqual(j.at_risk.map((a: Json) => a.partner));
  });
});

describe('xlsx is a file, not terminal text', () => {
  it('on a terminal without --out: exit 2 before any work, with the --out hint', async () => {
    const io = memoryIo({ tty: true });
    const code = await main(['run', ...WHATIF, '--no-cache', '--format', 'xlsx'], io);
    expect(code).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toBe('error: --format xlsx writes a binary file, not text for the terminal\nhint: add --out report.xlsx, or redirect stdout to a file (> report.xlsx)\n');
  });

  it('to a redirected stdout: the same bytes as --out', async () => {
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1735732800' };
    const bin = fileURLToPath(new URL('../bin/pointsmith.js', import.meta.url));
    const root = fileURLToPath(new URL('..', import.meta.url));
    const piped = await promisify(execFile)(process.execPath, [bin, 'run', ...WHATIF, '--no-cache', '--format', 'xlsx'], { cwd: root, env, encoding: 'buffer' });
    const { bytes } = await xlsx(['run', ...WHATIF], '1735732800');
    expect(Buffer.from(piped.stdout).equals(bytes)).toBe(true);
  });

  it('--out onto an existing file without --force: exit 2, the file untouched', async () => {
    const file = join(work, 'kept.xlsx');
    const first = await pointsmith('run', ...WHATIF, '--format', 'xlsx', '--out', file);
    expect(first.code).toBe(0);
    const before = readFileSync(file);
    const again = await pointsmith('run', ...WHATIF, '--format', 'xlsx', '--out', file);
    expect(again.code).toBe(2);
    expect(again.err).toBe(`error: ${file} already exists; not overwriting it\nhint: add --force to replace it, or choose another --out file\n`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
