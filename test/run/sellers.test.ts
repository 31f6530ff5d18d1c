/**
 * The seller programme (`individuals:`) on the hand fixture fixtures/sellers/: three sellers
 * (acme/ann, acme/bob, bolt/ann) in two partners. Every figure is worked out below from the
 * design's rules; the run goes through the real bin/pointsmith.js.
 *
 * Seller rules: deal_closed 2 points per 1,000 of amount, demo_given 20, cert_earned 20;
 * redemption rate 0.5 of a quarter's points on gift cards of 10 points (vendor cost 8), so
 * every ask below is a whole number of cards (no draw is fractional: the figures are exact);
 * a lot expires at the end of the second quarter after its own (expiry_months 6).
 *
 *   acme/ann  Q1 deal 10,000 → 20 + demo 20 = 40; Q2 deal 20,000 → 40          earned 80
 *   acme/bob  Q1 demo 20 + cert 20 = 40; Q3 deal 30,000 → 60                    earned 100
 *   bolt/ann  Q1 demo 20 + deal 10,000 → 20 = 40; Q4 cert 20                    earned 60
 *   (acme 2024-05-05 deal_closed has no person_id: no seller points, 1 unattributed row)
 *
 * Redemption (ask = 0.5 × earned / 10 cards, paid from the oldest lots first):
 *   acme/ann  Q1 2 cards (20 from the Q1 lot, 20 left); Q2 2 cards (the Q1 lot's 20);
 *             Q4: the Q2 lot's 40 expire → redeemed 40, expired 40, balance 0
 *   acme/bob  Q1 2 cards (Q1 lot 20 left); Q3 3 cards = 30 (the Q1 lot's 20, then 10 of Q3's)
 *             → redeemed 50, expired 0, balance 50
 *   bolt/ann  Q1 2 cards (Q1 lot 20 left); Q3: the Q1 lot's 20 expire; Q4 1 card of 20 earned
 *             → redeemed 30, expired 20, balance 10
 *   sellers: earned 240 = redeemed 120 + expired 60 + outstanding 60; breakage 60 / 240 = 0.25
 *   cards per quarter: Q1 2 + 2 + 2 = 6, Q2 2, Q3 3, Q4 1 → 12 cards, 120 points, 12 × 8 = 96;
 *   capacity 5 a quarter (20 over the year): Q1 is 1 short.
 *   liability: 60 outstanding × 0.5 × 8 / 10 = 24
 *   levels at Q4 (trailing_4 = the whole year): Star from 100 → acme/bob (100); Rep the others.
 *
 * Firm: deal_closed 10 per 1,000, cert_earned 40 (demo_given is not scored by the firm):
 *   acme Q1 100 + 40 = 140, Q2 200 + 50 = 250, Q3 300 → 690; bolt Q1 100, Q4 40 → 140; 830.
 *   Gold from 300 in the window: acme Gold at the Q2, Q3, Q4 evaluations, in force during Q3
 *   and Q4 → benefits 2 × 400 / 4 = 200. No firm rewards.
 *   total cost 200 + 96 (sellers) = 296; budget 2,000 a year → 296 / 2000 = 0.148.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { pointsmith } from '../support/bin.js';

const DATA = ['--history', 'fixtures/sellers/history.csv', '--partners', 'fixtures/sellers/partners.csv'];

async function run(program = 'fixtures/sellers/program.yaml', warning = ''): Promise<RunSummary> {
  const r = await pointsmith('run', program, ...DATA, '--format', 'json');
  expect(r.err).toBe(warning);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as RunSummary;
}

/** The fixture's design without its `individuals:` section (a temporary file). */
function withoutIndividuals(): string {
  const text = readFileSync('fixtures/sellers/program.yaml', 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'pointsmith-sellers-'));
  const file = join(dir, 'firm-only.yaml');
  writeFileSync(file, text.slice(0, text.indexOf('individuals:')));
  return file;
}

describe('run with a seller programme (fixtures/sellers)', () => {
  it('reports seller points, cost, levels, rewards and top sellers as worked out by hand', async () => {
    const s = await run();
    const sellers = s.sellers;
    expect(sellers).toBeDefined();
    if (sellers === undefined) return;
    expect(sellers.person_column).toBe('person_id');
    // 3 sellers in 2 firms; 10 rows, 1 without a person → 9 seller events
    expect([sellers.sellers, sellers.partners, sellers.events, sellers.unattributed_events]).toEqual([3, 2, 9, 1]);
    expect(sellers.points).toEqual({ earned: 240, redeemed: 120, expired: 60, clawed_back: 0, outstanding: 60, debt: 0, breakage: 0.25 });
    expect(sellers.cost).toEqual({ rewards: 96, benefits: 0, discounts: 0, total: 96, liability: 24 });
    expect(sellers.levels).toEqual([
      { level: 'Rep', sellers: 2, share: 0.6667 },
      { level: 'Star', sellers: 1, share: 0.3333 },
    ]);
    const card = sellers.rewards[0];
    expect(card?.reward).toBe('gift_card');
    expect([card?.units, card?.points, card?.vendor_cost, card?.capacity, card?.shortfall]).toEqual([12, 120, 96, 20, 1]);
    expect(card?.by_period.map((p) => p.units)).toEqual([6, 2, 3, 1]);
    expect(sellers.top).toEqual([
      { seller: 'acme/bob', partner: 'acme', person: 'bob', earned: 100, redeemed: 50, balance: 50, level: 'Star', partner_tier: 'Gold' },
      { seller: 'acme/ann', partner: 'acme', person: 'ann', earned: 80, redeemed: 40, balance: 0, level: 'Rep', partner_tier: 'Gold' },
      { seller: 'bolt/ann', partner: 'bolt', person: 'ann', earned: 60, redeemed: 30, balance: 10, level: 'Rep', partner_tier: 'Registered' },
    ]);
  });

  it('counts the seller programme in the cost total and the budget', async () => {
    const s = await run();
    expect(s.points.earned).toBe(830);
    expect(s.cost).toEqual({ rewards: 0, benefits: 200, discounts: 0, sellers: 96, total: 296, liability: 0 });
    expect(s.budget.used_share).toBe(0.148);
    expect(s.budget.by_year.map((y) => [y.year, y.cost, y.used_share])).toEqual([['2024', 296, 0.148]]);
    expect(s.budget.worst_year_share).toBe(0.148);
  });

  it('charges each seller\'s cost to its firm\'s --by group and to the period: the groups add up to cost.total', async () => {
    // Cards at $8: acme/ann 4 (Q1 2, Q2 2), acme/bob 5 (Q1 2, Q3 3), bolt/ann 3 (Q1 2, Q4 1).
    // reseller (acme): benefits 200 + (4 + 5) × 8 = 272; msp (bolt): 3 × 8 = 24; 272 + 24 = 296.
    const H = ['--history', 'fixtures/sellers/history.csv', '--partners', 'fixtures/sellers/partners.csv'];
    const bySegment = JSON.parse((await pointsmith('run', 'fixtures/sellers/program.yaml', ...H, '--format', 'json', '--by', 'segment')).out) as RunSummary;
    expect(bySegment.by?.groups.map((g) => [g.key, g.cost_total])).toEqual([['msp', 24], ['reseller', 272]]);
    // Per period: Q1 6 cards = 48; Q2 2 = 16; Q3 3 cards 24 + acme's Gold 100 = 124; Q4 1 card 8 + 100 = 108.
    const byPeriod = JSON.parse((await pointsmith('run', 'fixtures/sellers/program.yaml', ...H, '--format', 'json', '--by', 'period')).out) as RunSummary;
    expect(byPeriod.by?.groups.map((g) => g.cost_total)).toEqual([48, 16, 124, 108]);
  });

  it('leaves every firm figure as it is without the individuals section (the cost less the sellers\' 96)', async () => {
    const withSellers = await run();
    const file = withoutIndividuals();
    // Without the seller programme nothing scores demo_given: the usual warning, the same firm figures.
    const firmOnly = await run(file, (await pointsmith('run', file, ...DATA, '--format', 'json')).err);
    expect(firmOnly.events).toBe(7);
    expect(firmOnly.sellers).toBeUndefined();
    expect(firmOnly.cost).toEqual({ rewards: 0, benefits: 200, discounts: 0, total: 200, liability: 0 });
    const { sellers: _s, cost: _c, budget: _b, ...firm } = withSellers;
    const { cost: _c2, budget: _b2, ...alone } = firmOnly;
    // The firm's rows are the same (demo_given stays unscored by the firm: 7 events either way).
    expect(firm).toEqual(alone);
  });

  it('shows the sellers in the table report', async () => {
    const r = await pointsmith('run', 'fixtures/sellers/program.yaml', ...DATA);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Sellers \(by person_id: 3 sellers in 2 partners, 9 events\)/);
    expect(r.out).toMatch(/seller programme\s+│\s+\$96\.00/);
    expect(r.out).toMatch(/│ bob\s+│ acme\s+│\s+100 │\s+50 │ Star\s+│ Gold/);
  });
});

describe('every run format shows the seller programme (fixtures/sellers)', () => {
  async function report(format: string, history = 'fixtures/sellers/history.csv'): Promise<string> {
    const r = await pointsmith('run', 'fixtures/sellers/program.yaml', '--history', history, '--partners', 'fixtures/sellers/partners.csv', '--format', format);
    expect(r.code).toBe(0);
    return r.out;
  }
  /** A report's money, `$1,234.50` → 1234.5. */
  const dollars = (text: string | undefined): number => Number((text ?? '').replace(/[$,*]/g, ''));

  it('markdown: the cost rows add up to the total ($0 rewards + $200 benefits + $0 discounts + $96 sellers = $296), and the seller sections', async () => {
    const md = await report('markdown');
    const cost = md.slice(md.indexOf('### Cost against budget'), md.indexOf('| budget'));
    const row = (label: string): number => dollars(new RegExp(`\\| ${label.replace(/[*()]/g, '\\$&')} \\| ([^|]+) \\|`).exec(cost)?.[1]);
    const parts = ['rewards (at vendor cost)', 'tier benefits', 'discounts', 'seller programme'].map(row);
    expect(parts).toEqual([0, 200, 0, 96]);
    expect(row('**total cost**')).toBe(296);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(row('**total cost**'));
    expect(md).toContain('Counted by person_id: 3 sellers in 2 partners, 9 events.');
    // Seller points: 240 earned = 120 redeemed + 60 expired + 60 outstanding; cost 12 cards × $8 = $96; liability $24.
    for (const line of ['| seller points earned | 240 |', '| redeemed | 120 |', '| expired | 60 |', '| outstanding | 60 |', '| seller rewards (at vendor cost) | $96.00 |', '| **seller programme cost (in total cost)** | **$96.00** |', '| seller liability (outstanding points) | $24.00 |', '| rows without a person (no seller points) | 1 |']) {
      expect(md).toContain(line);
    }
    // Levels at Q4: Rep 2 of 3 (66.7%), Star 1 (33.3%); 12 cards, 120 points, capacity 20, 1 short (Q1).
    expect(md).toContain('| Rep | 2 | 66.7% |\n| Star | 1 | 33.3% |');
    expect(md).toContain('| gift_card | 12 | 120 | $96.00 | 20 | **1** |');
    expect(md).toContain('### Top 3 sellers');
    expect(md).toContain(['| bob | acme | 100 | 50 | Star | Gold |', '| ann | acme | 80 | 0 | Rep | Gold |', '| ann | bolt | 60 | 10 | Rep | Registered |'].join('\n'));
  });

  it('html: the cost rows add up to the total ($200 + $96 = $296, the total row after the seller row), and the seller sections', async () => {
    const html = await report('html');
    const section = (id: string): string => /<section id="[^"]*">[^]*?<\/section>/g.exec(html.slice(html.indexOf(`<section id="${id}">`)))?.[0] ?? '';
    const cells = (table: string): string[][] => [...table.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...(m[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1] ?? ''));
    const cost = cells(section('cost').split('</table>')[0] ?? '');
    const amount = (label: string): number => dollars(cost.find((r) => r[0] === label)?.[1]);
    const parts = ['Rewards (at vendor cost)', 'Tier benefits', 'Discounts', 'Seller programme'].map(amount);
    expect(parts).toEqual([0, 200, 0, 96]);
    expect(amount('Total cost')).toBe(296);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(amount('Total cost'));
    expect(section('cost')).toContain('<tr class="total"><td>Total cost</td>');
    const sellers = section('sellers');
    expect(sellers).toContain('Sellers by person_id: 3 sellers in 2 partners, 9 events');
    const rows = cells(sellers);
    for (const row of [['Seller points earned', '240'], ['Seller programme cost (in total cost)', '$96.00'], ['Seller liability (outstanding points)', '$24.00'], ['Rep', '2', '66.7%'], ['Star', '1', '33.3%'], ['gift_card', '12', '120', '$96.00', '20', '1']]) {
      expect(rows).toContainEqual(row);
    }
    const top = rows.slice(rows.findIndex((r) => r[0] === 'Seller' && r[1] === 'Partner') + 1);
    expect(top).toEqual([
      ['bob', 'acme', '100', '50', 'Star', 'Gold'],
      ['ann', 'acme', '80', '0', 'Rep', 'Gold'],
      ['ann', 'bolt', '60', '10', 'Rep', 'Registered'],
    ]);
  });

  it('csv: the sellers rows are the JSON\'s sellers, and cost.sellers is a cost row', async () => {
    const [csv, s] = [await report('csv'), await run()];
    const lines = csv.trimEnd().split(/\r?\n/).map((l) => l.split(','));
    expect(lines).toContainEqual(['cost', '', '', 'sellers', '96']);
    const sellers = lines.filter((l) => l[0] === 'sellers').map((l) => l.slice(1));
    const sel = s.sellers;
    if (sel === undefined) throw new Error('no sellers');
    const expected: string[][] = [
      ['', '', 'person_column', 'person_id'],
      ...(['sellers', 'partners', 'events', 'unattributed_events'] as const).map((k) => ['', '', k, String(sel[k])]),
      ...Object.entries(sel.points).map(([k, v]) => ['', '', `points.${k}`, String(v)]),
      ...Object.entries(sel.cost).map(([k, v]) => ['', '', `cost.${k}`, String(v)]),
      ...sel.levels.flatMap((l) => [['2024-Q4', l.level, 'level.sellers', String(l.sellers)], ['2024-Q4', l.level, 'level.share', String(l.share)]]),
      ...sel.rewards.flatMap((r) => [
        ...(['units', 'expected_units', 'points', 'vendor_cost', 'capacity', 'shortfall', 'expected_shortfall'] as const).map((k) => ['', r.reward, `reward.${k}`, String(r[k])]),
        ...r.by_period.flatMap((p) => [[p.period, r.reward, 'reward.units', String(p.units)], [p.period, r.reward, 'reward.expected_units', String(p.expected_units)]]),
        ...r.by_window.flatMap((w) => (['capacity', 'units', 'shortfall', 'expected_shortfall', 'exceeded_share'] as const).map((k) => [w.window, r.reward, `capacity.${k}`, String(w[k])])),
      ]),
      ...sel.top.flatMap((t, i) => [
        ['', t.seller, 'top.rank', String(i + 1)],
        ...(['partner', 'person', 'earned', 'redeemed', 'balance', 'level', 'partner_tier'] as const).map((k) => ['', t.seller, `top.${k}`, String(t[k])]),
      ]),
    ];
    expect(sellers).toEqual(expected);
    // The hand figures among them: 240 earned, $96 cost, top acme/bob 100, acme/ann 80, bolt/ann 60.
    expect(sellers).toContainEqual(['', '', 'points.earned', '240']);
    expect(sellers).toContainEqual(['', '', 'cost.total', '96']);
    expect(sellers.filter((l) => l[2] === 'top.earned').map((l) => [l[1], l[3]])).toEqual([['acme/bob', '100'], ['acme/ann', '80'], ['bolt/ann', '60']]);
  });

  it('hostile seller names stay text in markdown and html (escaped by the sanitizers)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-sellers-'));
    const history = join(dir, 'history.csv');
    writeFileSync(history, readFileSync('fixtures/sellers/history.csv', 'utf8').replaceAll(',bob\n', ',<img src=x onerror=alert(1)>|**b**\n'));
    const html = await report('html', history);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;|**b**</td>');
    const md = await report('markdown', history);
    expect(md).not.toContain('<img');
    const bob = md.split('\n').find((l) => l.includes('| acme | 100 |')) ?? '';
    // One cell before the partner: the pipe is escaped, not a column break.
    expect(bob.split(/(?<!\\)\|/).length).toBe(8);
  });
});

describe('mistakes in the individuals section', () => {
  it('an unknown key: its line and column, a did-you-mean, exit 1', async () => {
    const r = await pointsmith('validate', 'fixtures/sellers/invalid.yaml');
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain('fixtures/sellers/invalid.yaml:34:3  error  unknown-key  unknown key `person_colum` in individuals');
    expect(r.out + r.err).toContain('did you mean `person_column`?');
  });

  it('a category and a reward the seller programme does not declare: checked by the firm\'s rules, placed under individuals', async () => {
    const r = await pointsmith('validate', 'fixtures/sellers/invalid-references.yaml');
    expect(r.code).toBe(1);
    const text = r.out + r.err;
    expect(text).toContain('fixtures/sellers/invalid-references.yaml:41:30  error  unknown-category  unknown category `skill`');
    expect(text).toContain('did you mean `skills`?');
    expect(text).toContain('fixtures/sellers/invalid-references.yaml:49:34  error  unknown-reward  unknown reward `gift_crd`');
    expect(text).toContain('did you mean `gift_card`?');
  });

  it('run refuses the design as unreadable input (exit 2, as for any invalid design) and prints nothing on stdout', async () => {
    const r = await pointsmith('run', 'fixtures/sellers/invalid-references.yaml', ...DATA);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('unknown reward `gift_crd`');
  });
});

describe('one cost in every command', () => {
  it('simulate draws the sellers too: every run\'s cost.total includes their 96 (whole cards: every draw is the same)', async () => {
    const r = await pointsmith('simulate', 'fixtures/sellers/program.yaml', ...DATA, '--runs', '16', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { measures: { name: string; expected: number; mean: number; p10: number; p90: number }[] };
    const total = report.measures.find((m) => m.name === 'cost.total');
    // 200 firm benefits + 96 seller cards, as run reports
    expect([total?.expected, total?.mean, total?.p10, total?.p90]).toEqual([296, 296, 296, 296]);
  });

  it('sensitivity reads the seller metrics (base: the 96 of run)', async () => {
    const r = await pointsmith('sensitivity', 'fixtures/sellers/program.yaml', ...DATA, '--metric', 'sellers.cost.total');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sensitivity of sellers.cost.total');
    expect(r.out).toContain('base $96.00');
  });
});

describe('a seller programme over a history without its person column', () => {
  it('stops with the column, the activity and the columns present (exit 2), not a seller cost of 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-sellers-'));
    const history = join(dir, 'history.csv');
    // The fixture's rows without the person_id column.
    const rows = readFileSync('fixtures/sellers/history.csv', 'utf8').trimEnd().split('\n').map((line) => line.split(',').slice(0, 5).join(','));
    writeFileSync(history, `${rows.join('\n')}\n`);
    const r = await pointsmith('run', 'fixtures/sellers/program.yaml', '--history', history, '--partners', 'fixtures/sellers/partners.csv');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('csv-missing-person-column');
    expect(r.err).toContain('credits `deal_closed` (and 2 more) to the person in `person_id`, but the history has no such column; its columns: partner_id, date, activity, quantity, amount');
  });

  it('validate --history reports the missing person and amount columns as findings (exit 1), never "valid"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-sellers-'));
    const history = join(dir, 'history.csv');
    // Without amount (column 5) and person_id (column 6).
    const rows = readFileSync('fixtures/sellers/history.csv', 'utf8').trimEnd().split('\n').map((line) => line.split(',').slice(0, 4).join(','));
    writeFileSync(history, `${rows.join('\n')}\n`);
    const r = await pointsmith('validate', 'fixtures/sellers/program.yaml', '--history', history);
    expect(r.code).toBe(1);
    expect(r.out).toContain('csv-missing-amount-column');
    expect(r.out).toContain('csv-missing-person-column');
    expect(r.out).toContain('2 errors in 1 file');
  });
});
