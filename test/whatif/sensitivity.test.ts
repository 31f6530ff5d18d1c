/**
 * sensitivity on fixtures/whatif (earned 450 as written: deals 3 × 100 = 300, webinars
 * P1 Q1 150 capped to 100, P2 50). Default weights: activities.deal.points (100) and
 * activities.webinar.points (50).
 */
import { PeopleHistory } from '../../src/engine/people/replay-sellers.js';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, DESIGN, HISTORY } from './cli-helpers.js';

interface TornadoJson {
  metric: string;
  by: number;
  base: number;
  weights: { path: string; value: number; value_low: number; value_high: number; low: number; high: number; impact: number; elasticity: number | null }[];
}

const sens = (...args: string[]) => cli('sensitivity', DESIGN, '--history', HISTORY, ...args);

describe('sensitivity', () => {
  it('json lists every weight with the metric at its low and high values, ranked by impact', async () => {
    const r = await sens('--metric', 'points.earned', '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as TornadoJson;
    expect(doc.base).toBe(450);
    // deal 80: 3 × 80 + 150 = 390; deal 120: 360 + 150 = 510 → impact 120;
    //   elasticity ((390 − 450)/450/−0.2 + (510 − 450)/450/0.2)/2 = 0.6667.
    // webinar 40: P1 Q1 120 → cap 100, P2 40 → 440; webinar 60: 180 → 100, P2 60 → 460 → impact 20;
    //   elasticity (10/450/0.2 + 10/450/0.2)/2 = 0.1111.
    expect(doc.weights).toEqual([
      { path: 'activities.deal.points', value: 100, value_low: 80, value_high: 120, low: 390, high: 510, impact: 120, elasticity: 0.6667 },
      { path: 'activities.webinar.points', value: 50, value_low: 40, value_high: 60, low: 440, high: 460, impact: 20, elasticity: 0.1111 },
    ]);
  });

  it('--by and --metric by tier share: a threshold effect shows as a one-sided bar', async () => {
    // ±50%: deal 50 → P1 2 × 50 + 100 = 200 < 300 → nobody Gold (share 0); deal 150 → P2 150 + 50 = 200 → still only P1.
    const r = await sens('--by', '50%', '--metric', 'tiers.Gold.share', '--vary', 'activities.deal.points', '--format', 'json');
    const doc = JSON.parse(r.out) as TornadoJson;
    expect(doc.weights).toEqual([
      { path: 'activities.deal.points', value: 100, value_low: 50, value_high: 150, low: 0, high: 0.5, impact: 0.5, elasticity: 1 },
    ]);
    const table = await sens('--by', '50%', '--metric', 'tiers.Gold.share', '--vary', 'activities.deal.points');
    expect(table.out).toContain('████████████│             ');
  });

  it('--sweep gives a tidy table; two sweeps a grid', async () => {
    const r = await sens('--sweep', 'activities.deal.points=50,200', '--sweep', 'tiers.Gold.min_points=300,600', '--format', 'csv');
    expect(r.code).toBe(0);
    // deal 50: 150 + 150 = 300 earned; deal 200: 600 + 150 = 750. With Gold at 600 nobody but P1 at
    // deal 200 (400 + 100 = 500 < 600) reaches it → no benefits: cost = rewards only.
    // The budget ($1,000 a year) over the program's half of 2024 is $500, and 2024 is its
    // one year: the worst year's share equals the span's (15 / 500 = 0.03).
    expect(r.out).toBe(
      [
        'activities.deal.points,tiers.Gold.min_points,cost.total,points.earned,liability,budget.used_share,budget.worst_year_share',
        '50,300,15,300,7.5,0.03,0.03',
        '50,600,15,300,7.5,0.03,0.03',
        '200,300,137.5,750,18.75,0.275,0.275',
        '200,600,37.5,750,18.75,0.075,0.075',
        '',
      ].join('\n'),
    );
  });

  it('unknown metric, unmatched --vary, bad --sweep or --by: exit 2 with a did-you-mean', async () => {
    const metric = await sens('--metric', 'tiers.Gld.share');
    expect(metric.code).toBe(2);
    expect(metric.err).toBe('error: --metric: unknown metric `tiers.Gld.share`\nhint: did you mean `tiers.Gold.share`?\n');
    const vary = await sens('--vary', 'activities.*.pionts');
    expect(vary.code).toBe(2);
    expect(vary.err).toContain('did you mean `points`?');
    const sweep = await sens('--sweep', 'activities.dael.points=1,2');
    expect(sweep.code).toBe(2);
    expect(sweep.err).toContain('did you mean `deal`?');
    const sweepType = await sens('--sweep', 'activities.deal.points=many');
    expect(sweepType.code).toBe(2);
    expect(sweepType.err).toContain('expects a number');
    const by = await sens('--by', 'lots');
    expect(by.code).toBe(2);
    expect(by.err).toContain('--by "lots": expected a positive percentage such as 20%');
    const both = await sens('--vary', 'activities.*.points', '--sweep', 'activities.deal.points=1,2');
    expect(both.code).toBe(2);
  });

  it('markdown has a tornado column', async () => {
    const r = await sens('--format', 'markdown');
    expect(r.out).toContain('## Sensitivity of `cost.total`');
    expect(r.out).toContain('| Weight | Value | Low (−20.0%) | High (+20.0%) | Impact | Elasticity | Tornado |');
  });

  // Workers load the compiled worker from dist/ (npm test builds first); from the sources alone
  // there is nothing to start, and sensitivity runs in-thread.
  it.skipIf(!existsSync('dist/cli/sensitivity-worker.js'))('worker threads give the same bytes as one thread', async () => {
    const { execFileSync } = await import('node:child_process');
    const run = (workers: string) =>
      execFileSync(process.execPath, ['bin/pointsmith.js', 'sensitivity', DESIGN, '--history', HISTORY, '--no-cache', '--format', 'json', '--workers', workers], { encoding: 'utf8' });
    expect(run('2')).toBe(run('0'));
  });

  it.skipIf(!existsSync('dist/cli/sensitivity-worker.js'))('a variant that breaks the design on a worker stops with exit 2, naming the change', async () => {
    const { spawnSync } = await import('node:child_process');
    // Four variants on this thread and two workers; Gold at 0 ties with Registered's 0 (tiers must ascend strictly).
    const r = spawnSync(
      process.execPath,
      ['bin/pointsmith.js', 'sensitivity', DESIGN, '--history', HISTORY, '--no-cache', '--sweep', 'tiers.Gold.min_points=250,350,0,400', '--workers', '2'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('tiers.Gold.min_points=0');
    expect(r.stderr).not.toContain('    at ');
  });

  it.skipIf(!existsSync('dist/cli/sensitivity-worker.js'))('with workers and only weights of 0 (nothing to replay), it reports the base and ends', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(
      process.execPath,
      ['bin/pointsmith.js', 'sensitivity', DESIGN, '--history', HISTORY, '--no-cache', '--vary', 'tiers.Registered.min_points', '--workers', '2', '--format', 'json'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    // It used to wait for a last worker reply that never came (exit 13, unsettled await).
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as TornadoJson;
    // cost.total as written: $122.50 (test/whatif/check.test.ts works it out); a weight of 0 stays 0 either way.
    expect(doc.weights).toEqual([
      { path: 'tiers.Registered.min_points', value: 0, value_low: 0, value_high: 0, low: 122.5, high: 122.5, impact: 0, elasticity: null },
    ]);
  });
});

describe('sensitivity: the store and queue workers share', () => {
  it('the shared store holds the same columns in shared memory and replays the same', async () => {
    const { buildStore } = await import('../../src/history/store-builder.js');
    const { claim, runReplays, sharedStore } = await import('../../src/cli/sensitivity-pool.js');
    const { loadProgram } = await import('../../src/program/load.js');
    const { readFileSync } = await import('node:fs');
    const { prepareHistory } = await import('../../src/engine/prepare.js');
    const store = buildStore([
      { partner_id: 'P1', date: '2025-01-10', activity: 'deal', product: 'saas' },
      { partner_id: 'P1', date: '2025-02-10', activity: 'webinar', product: '' },
      { partner_id: 'P2', date: '2025-04-10', activity: 'deal', product: 'perp' },
    ]);
    const twin = sharedStore(store);
    for (const key of ['partnerStart', 'partner', 'day', 'activity', 'quantity', 'amount', 'row'] as const) {
      expect(twin[key].buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Array.from(twin[key])).toEqual(Array.from(store[key]));
    }
    const product = twin.dimensions['product'];
    expect(product?.codes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(product?.codes ?? [])).toEqual(Array.from(store.dimensions['product']?.codes ?? []));
    expect(product?.values).toEqual(store.dimensions['product']?.values);

    const { program } = loadProgram(readFileSync(DESIGN), DESIGN);
    if (program === undefined) throw new Error('the what-if design does not load');
    const job = { program, file: DESIGN, partners: undefined, metrics: ['points.earned', 'cost.total'], variants: [[['activities.deal.points', 80]], [['activities.deal.points', 120]]] as const };
    expect(await runReplays({ ...job, store: twin, history: prepareHistory(twin), people: new PeopleHistory(twin) }, { workers: 0 })).toEqual(await runReplays({ ...job, store, history: prepareHistory(store), people: new PeopleHistory(store) }, { workers: 0 }));

    // Every claim takes the next index, past the end too (the caller stops there).
    const queue = new Int32Array(new SharedArrayBuffer(4));
    expect([claim(queue), claim(queue), claim(queue)]).toEqual([0, 1, 2]);
  });
});

describe('sensitivity: a variant that breaks the design', () => {
  it('stops with exit 2, naming the change', async () => {
    // Tiers must ascend strictly: Gold at 0 ties with Registered's 0.
    const r = await cli('sensitivity', DESIGN, '--history', HISTORY, '--sweep', 'tiers.Gold.min_points=0');
    expect(r.code).toBe(2);
    expect(r.err).toContain('tiers.Gold.min_points=0');
  });
});

describe('sensitivity: how many workers `auto` picks', () => {
  it('none on 1 core or for a small job; one per further core (at most 3) otherwise', async () => {
    const { workerCount, workerScript } = await import('../../src/cli/sensitivity-pool.js');
    const big = { store: { size: 1_000_000 }, variants: new Array<never[]>(80).fill([]) };
    const small = { store: { size: 1_000 }, variants: new Array<never[]>(80).fill([]) };
    expect(workerCount('auto', big, 1)).toBe(0);
    expect(workerCount('auto', big, 2)).toBe(workerScript() === undefined ? 0 : 1);
    expect(workerCount('auto', small, 8)).toBe(0);
    expect(workerCount(2, small, 2)).toBe(2);
    // From the TypeScript sources there is no compiled worker to start: always this thread.
    expect(workerCount('auto', big, 8)).toBe(workerScript() === undefined ? 0 : 3);
    expect(workerCount('auto', big, 3)).toBe(workerScript() === undefined ? 0 : 2);
  });
});
