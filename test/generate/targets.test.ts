/**
 * `generate` for designs with `target` activities: one partners-file column per distinct
 * `target.column`, about each partner's expected amount (or count) per tier window times
 * a factor from 0.75 to 1.25 (src/history/generator/targets.ts). The CLI cases run the
 * real bin/ on programs/quota.yaml (a 1,500-point bonus once per fiscal year when the
 * partner's `deal_closed` amount reaches its `revenue_target`).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../src/engine/replay.js';
import { planFromProgram, type ActivityPlan } from '../../src/history/generator/activity-plan.js';
import { Random } from '../../src/history/generator/random.js';
import { drawTarget, monthlyBasis, TARGET_FACTOR_MAX, TARGET_FACTOR_MIN, targetColumns, windowMonths, type SegmentDraws } from '../../src/history/generator/targets.js';
import { readHistory } from '../../src/history/read-history.js';
import { readPartners } from '../../src/history/read-partners.js';
import { loadProgram } from '../../src/program/load.js';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/pointsmith.js');
const exec = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'ps-generate-target-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BASE_HEADER = 'partner_id,name,segment,region,legacy_level,certified,joined';

async function generate(dir: string, ...args: string[]): Promise<void> {
  await exec(process.execPath, [BIN, 'generate', '--out', join(work, dir), '--quiet', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
}
const read = (dir: string, file: string): string => readFileSync(join(work, dir, file), 'utf8');

const plan = (id: string, extra: Partial<ActivityPlan>): ActivityPlan => ({ id, category: 'main', weight: 1, amount: false, minAmount: 0, quantity: 'one', product: false, customer: 'none', person: false, stages: [], ...extra });

describe('the expectation behind a target (targets.ts)', () => {
  // deal_closed (a deal), demo_delivered (occurrences: the segment's units), cert_earned
  // (a class of people, one row each), and the target activities themselves.
  const activities: ActivityPlan[] = [
    plan('deal_closed', { amount: true }),
    plan('demo_delivered', { quantity: 'units' }),
    plan('cert_earned', { person: true }),
    plan('quota', { weight: 0, target: { column: 'revenue_target', basis: 'amount', of: ['deal_closed'] } }),
    plan('skills', { weight: 0, target: { column: 'skills_goal', basis: 'quantity', of: ['demo_delivered', 'cert_earned'] } }),
    plan('quota_again', { weight: 0, target: { column: 'revenue_target', basis: 'quantity', of: ['demo_delivered'] } }),
  ];
  const draws: SegmentDraws = {
    eventsPerMonth: 2,
    quarterPace: [0.9, 0.95, 1.3],
    normal: [1, 1, 2, 0, 0, 0],
    quarterEnd: [1.6, 1, 2, 0, 0, 0],
    meanDeal: 10000,
    meanUnits: 1.5,
    meanVolume: 10,
  };

  it('lists each distinct column once, the first activity naming it deciding basis and `of`', () => {
    expect(targetColumns(activities)).toEqual([
      { column: 'revenue_target', basis: 'amount', of: [0] },
      { column: 'skills_goal', basis: 'quantity', of: [1, 2] },
    ]);
    expect(targetColumns(activities.slice(0, 3))).toEqual([]);
  });

  it('works out the expected amount and count a month, by hand', () => {
    const [revenue, skills] = targetColumns(activities) as [ReturnType<typeof targetColumns>[number], ReturnType<typeof targetColumns>[number]];
    // Amount of deal_closed. Weights total 4 in months 1-2 of a quarter, 4.6 in month 3.
    //   months 1-2: deal share 1/4, × 10,000 a deal = 2,500 an event;
    //   month 3:    deal share 1.6/4.6, × 10,000     = 3,478.2609 an event;
    //   a quarter:  2 events/month × (0.9 + 0.95) × 2,500 + 2 × 1.3 × 3,478.2609
    //             = 9,250 + 9,043.4783 = 18,293.4783; a month: ÷ 3 = 6,097.8261.
    expect(monthlyBasis(revenue, activities, draws)).toBeCloseTo(6097.8261, 3);
    // Count of demo_delivered (1.5 units a row) and cert_earned (1.5 people, a row each, quantity 1):
    //   months 1-2: (1 × 1.5 + 2 × 1.5) / 4 = 1.125 an event; month 3: 4.5 / 4.6 = 0.97826;
    //   a quarter: 2 × 1.85 × 1.125 + 2 × 1.3 × 0.97826 = 4.1625 + 2.54348 = 6.70598; a month: 2.23533.
    expect(monthlyBasis(skills, activities, draws)).toBeCloseTo(2.23533, 4);
  });

  it('sizes the window from the calendar', () => {
    expect(windowMonths({ period: 'quarter', tier_window: 'trailing_4' })).toBe(12);
    expect(windowMonths({ period: 'month', tier_window: 'trailing_6' })).toBe(6);
    expect(windowMonths({ period: 'half', tier_window: 'fiscal_year' })).toBe(12);
    expect(windowMonths({ period: 'quarter', tier_window: 'lifetime' })).toBe(Infinity);
  });

  it('draws a whole target within 0.75..1.25 of the expectation, at least 1', () => {
    const rng = new Random(1);
    const drawn = Array.from({ length: 1000 }, () => drawTarget(10000, rng));
    expect(TARGET_FACTOR_MIN).toBe(0.75);
    expect(TARGET_FACTOR_MAX).toBe(1.25);
    expect(drawn.every((x) => Number.isInteger(x) && x >= 7500 && x <= 12500)).toBe(true);
    // Uniform: 1,000 draws reach both ends of the range.
    expect(Math.min(...drawn)).toBeLessThan(7600);
    expect(Math.max(...drawn)).toBeGreaterThan(12400);
    expect(drawTarget(0.2, rng)).toBe(1);
  });

  it('plans no rows for a target activity summing others, and amounts for what an amount target sums', () => {
    const { program, diagnostics } = loadProgram(
      [
        'pointsmith: 1',
        'program: { name: T, starts: 2024-01-01 }',
        'categories: { main: {} }',
        'activities:',
        '  demo: { category: main, points: 30 }',
        '  demo_bonus: { category: main, target: { column: demo_goal, basis: amount, points: 50, of: [demo] } }',
        '  self_goal: { category: main, target: { column: own_goal, basis: quantity, points: 50 } }',
        'tiers: [ { name: Base, min_points: 0 } ]',
      ].join('\n'),
      't.yaml',
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const byId = new Map(planFromProgram(program!).map((a) => [a.id, a]));
    expect(byId.get('demo')?.amount).toBe(true);
    expect(byId.get('demo_bonus')?.weight).toBe(0);
    expect(byId.get('demo_bonus')?.target).toEqual({ column: 'demo_goal', basis: 'amount', of: ['demo'] });
    // `of` defaults to the activity itself, whose rows then count: it keeps its weight.
    expect(byId.get('self_goal')?.weight).toBeGreaterThan(0);
    expect(byId.get('self_goal')?.target).toEqual({ column: 'own_goal', basis: 'quantity', of: ['self_goal'] });
  });
});

describe('generate --program programs/quota.yaml (bin/)', () => {
  beforeAll(async () => {
    await Promise.all([
      generate('quota-a', '--partners', '400', '--seed', '42', '--program', 'programs/quota.yaml'),
      generate('quota-b', '--partners', '400', '--seed', '42', '--program', 'programs/quota.yaml'),
      generate('quota-c', '--partners', '400', '--seed', '43', '--program', 'programs/quota.yaml'),
      generate('lifecycle', '--partners', '300', '--seed', '9', '--program', 'programs/lifecycle.yaml'),
    ]);
  }, 60_000);

  it('adds the revenue_target column, a positive whole number for every partner', () => {
    const lines = read('quota-a', 'partners.csv').trim().split('\n');
    expect(lines[0]).toBe(`${BASE_HEADER},revenue_target`);
    expect(lines).toHaveLength(401);
    for (const line of lines.slice(1)) expect(line.split(',').at(-1)).toMatch(/^[1-9][0-9]*$/);
  });

  it('writes no such column for a design without targets, and the same bytes as before targets', () => {
    expect(read('lifecycle', 'partners.csv').split('\n')[0]).toBe(BASE_HEADER);
    // SHA-256 of both files measured with the generator of commit 4e59d55 (before targets).
    const sha = (file: string): string => createHash('sha256').update(readFileSync(join(work, 'lifecycle', file))).digest('hex');
    expect(sha('partners.csv')).toBe('7638318b1ecbb6f19ec10dc1b0be147dae92b90865c627f5cdee2182304d1a51');
    expect(sha('history.csv')).toBe('7fbf0afdb5a1ee7a5486d035f1c15540d4cfc349985a4760b8c2554de893444d');
  });

  it('gives byte-identical files for the same seed, other targets for another', () => {
    expect(read('quota-a', 'partners.csv')).toBe(read('quota-b', 'partners.csv'));
    expect(read('quota-a', 'history.csv')).toBe(read('quota-b', 'history.csv'));
    expect(read('quota-a', 'partners.csv')).not.toBe(read('quota-c', 'partners.csv'));
  });

  it('writes no rows of quota_attained (its bonus needs none)', () => {
    const activities = new Set(read('quota-a', 'history.csv').trim().split('\n').slice(1).map((l) => l.split(',')[2]));
    expect(activities.has('quota_attained')).toBe(false);
    expect(activities.has('deal_closed')).toBe(true);
  });

  it('validates --strict with the generated partners file', async () => {
    const { stdout } = await exec(process.execPath, [BIN, 'validate', '--strict', 'programs/quota.yaml', '--partners', join(work, 'quota-a', 'partners.csv')], { cwd: ROOT });
    expect(stdout).toBe('2 files valid\n');
  });

  it('pays the quota bonus to some partners but not all', async () => {
    const { program, diagnostics } = loadProgram(readFileSync(join(ROOT, 'programs/quota.yaml')), 'quota.yaml');
    expect(diagnostics).toEqual([]);
    const { store } = await readHistory(readFileSync(join(work, 'quota-a', 'history.csv')), { file: 'history.csv' });
    const partners = await readPartners(readFileSync(join(work, 'quota-a', 'partners.csv')), { file: 'partners.csv' });
    const ledger = replay(program!, store, partners);
    const T = ledger.periods.length;
    const A = ledger.activityIds.length;
    const a = ledger.activityIds.indexOf('quota_attained');
    let paid = 0;
    for (let p = 0; p < ledger.partners.length; p++) {
      let bonus = 0;
      for (let t = 0; t < T; t++) bonus += ledger.pointsByActivity[(p * T + t) * A + a] as number;
      // 1,500 points once per fiscal year: 0, 1,500 or 3,000 over the two years.
      expect([0, 1500, 3000]).toContain(bonus);
      if (bonus > 0) paid++;
    }
    // Targets sit around each partner's expectation, so neither few nor nearly all reach them.
    expect(paid / ledger.partners.length).toBeGreaterThan(0.2);
    expect(paid / ledger.partners.length).toBeLessThan(0.9);
  });
});
