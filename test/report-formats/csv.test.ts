/**
 * `--format csv` for simulate, check and explain (issue 18), through the real binary on
 * fixtures/. The figures are worked out by hand from fixtures/whatif:
 *
 *   design   deal 100 points; webinar 50, capped at 100 points a quarter; Gold at 300
 *            (benefit $400 a year); redemption rate 0.5 of each period's earnings into MDF
 *            vouchers of 100 points, $10 each, capacity 1 a quarter; budget $1,000 a year;
 *            program 2024-01-01 to 2024-06-30; guardrails max_cost 1,000, Gold share ≤ 0.5
 *   P1       Q1: 2 deals (200) + 3 webinars (150, capped to 100) = 300, Gold after Q1;
 *            asks for 150 points of vouchers: 1 or 2 units (0.5 each), 1.5 expected
 *   P2       Q2: 1 deal + 1 webinar = 150, Registered; 75 points: 0 or 1 unit, 0.75 expected
 *
 * So `run` expects 2.25 units = $22.50, plus P1's Gold benefit in Q2 ($400 / 4 = $100):
 * cost $122.50. The Q1 capacity (1 unit) is exceeded when P1 draws 2: half the runs.
 * max_cost is yearly: $1,000 prorated to the program's half of 2024, $500.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/pointsmith.js', import.meta.url));
const exec = promisify(execFile);

async function pointsmith(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args, '--no-cache'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const WHATIF = ['fixtures/whatif/design.yaml', '--history', 'fixtures/whatif/history.csv'];
const FORMULAS = ['fixtures/csv-formulas/design.yaml', '--history', 'fixtures/csv-formulas/history.csv', '--partners', 'fixtures/csv-formulas/partners.csv'];

/** The CSV as records of named cells (the reports quote only cells with a comma, none here but notes). */
function records(csv: string): Record<string, string>[] {
  const [head, ...lines] = csv.trimEnd().split('\n');
  const names = (head ?? '').split(',');
  return lines.map((line) => {
    const cells = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1] ?? '').slice(0, names.length);
    return Object.fromEntries(names.map((n, i) => [n, (cells[i] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"')]));
  });
}

describe('simulate --format csv', () => {
  const args = ['simulate', ...WHATIF, '--runs', '20', '--seed', '1'];

  it('a row per measure, then per limit, with the hand-worked expectations', async () => {
    const r = await pointsmith(...args, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('record,name,kind,expected,mean,p10,p50,p90,probability,run_exceeds,runs,seed');
    const rows = records(r.stdout);
    expect(rows.map((x) => `${x.record} ${x.name}`)).toEqual([
      'measure cost.total',
      'measure cost.rewards',
      'measure liability',
      'measure rewards.mdf.units',
      'risk rewards.mdf.capacity',
      'risk budget',
      // No `launch:`, a lifetime window: both quarters are warm-up.
      'warm_up 2024-Q1',
      'warm_up 2024-Q2',
    ]);
    const row = (name: string) => rows.find((x) => x.name === name)!;
    expect(row('rewards.mdf.units')).toMatchObject({ kind: 'units', expected: '2.25', probability: '', run_exceeds: '' });
    expect(row('cost.rewards')).toMatchObject({ kind: 'money', expected: '22.5' });
    expect(row('cost.total')).toMatchObject({ kind: 'money', expected: '122.5' });
    // Half the runs draw P1's second unit over the capacity of 1; run's expected shortfall (0.5) reads as a unit.
    expect(row('rewards.mdf.capacity')).toMatchObject({ kind: '', expected: '', probability: '0.5', run_exceeds: 'yes' });
    // $122.50 at most in a half year of a $1,000 budget: never over.
    expect(row('budget')).toMatchObject({ probability: '0', run_exceeds: 'no' });
    for (const x of rows) expect(x).toMatchObject({ runs: '20', seed: '1' });
  });

  it('every number is the JSON\'s, unformatted', async () => {
    const [csv, json] = await Promise.all([pointsmith(...args, '--format', 'csv'), pointsmith(...args, '--format', 'json')]);
    const doc = JSON.parse(json.stdout) as {
      measures: { name: string; kind: string; expected: number; mean: number; p10: number; p50: number; p90: number }[];
      risks: { limit: string; probability: number; expected_run_exceeds: boolean }[];
    };
    const rows = records(csv.stdout);
    for (const m of doc.measures) {
      expect(rows.find((x) => x.name === m.name)).toMatchObject({ kind: m.kind, expected: String(m.expected), mean: String(m.mean), p10: String(m.p10), p50: String(m.p50), p90: String(m.p90) });
    }
    for (const k of doc.risks) {
      expect(rows.find((x) => x.name === k.limit)).toMatchObject({ probability: String(k.probability), run_exceeds: k.expected_run_exceeds ? 'yes' : 'no' });
    }
  });
});

describe('check --format csv', () => {
  it('a row per guardrail: the hand-worked measures, limits and their lines in the design', async () => {
    const r = await pointsmith('check', ...WHATIF, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'record,name,kind,measured,comparison,limit,passed,measured_at,note,line,col\n' +
        'guardrail,max_cost,money,122.5,<=,500,yes,mean,"year 2024, 50.0% of it in the program, the yearly limit prorated",19,3\n' +
        'guardrail,tier_share.Gold.max,share,0.5,<=,0.5,yes,mean,,21,13\n',
    );
  });

  it('a crossed guardrail: passed no, exit 1', async () => {
    // 100 a year prorated to half of 2024: 50, under the $122.50 spent.
    const r = await pointsmith('check', ...WHATIF, '--set', 'guardrails.max_cost=100', '--format', 'csv');
    expect(r.code).toBe(1);
    expect(records(r.stdout)[0]).toMatchObject({ name: 'max_cost', measured: '122.5', limit: '50', passed: 'no' });
  });

  it('--at p90: maxima measured at p90, minima at p10', async () => {
    const r = await pointsmith('check', ...WHATIF, '--set', 'guardrails.tier_share.Gold.min=0.1', '--at', 'p90', '--runs', '20', '--format', 'csv');
    expect(r.code).toBe(0);
    const rows = records(r.stdout);
    expect(rows.map((x) => [x.name, x.comparison, x.measured_at])).toEqual([
      ['max_cost', '<=', 'p90'],
      ['tier_share.Gold.min', '>=', 'p10'],
      ['tier_share.Gold.max', '<=', 'p90'],
    ]);
    // Tier shares do not move between runs: still one partner of two.
    expect(rows[1]).toMatchObject({ measured: '0.5', limit: '0.1', passed: 'yes' });
  });

  it('no evidence: a row per problem before the guardrails, passed no, exit 1', async () => {
    // fixtures/evidence/us-dates.csv: 4 rows, all MM/DD/YYYY dates, so all skipped as bad.
    const r = await pointsmith('check', 'fixtures/evidence/design.yaml', '--history', 'fixtures/evidence/us-dates.csv', '--partners', 'fixtures/evidence/partners.csv', '--skip-bad-rows', '--format', 'csv');
    expect(r.code).toBe(1);
    const rows = records(r.stdout);
    expect(rows.map((x) => [x.record, x.name, x.passed])).toEqual([
      ['evidence', 'no-events-in-program', 'no'],
      ['evidence', 'too-many-skipped-rows', 'no'],
      ['guardrail', 'max_cost', 'yes'],
    ]);
    expect(rows[1]!.note).toBe('4 of 4 history rows (100.0%) were skipped as bad rows; at most 1% may be (--max-skipped)');
    expect(rows[1]).toMatchObject({ kind: '', measured: '', limit: '', measured_at: '', line: '', col: '' });
  });

  it('a design that does not validate: the problems on stderr, nothing on stdout, exit 1', async () => {
    const r = await pointsmith('check', 'fixtures/invalid/hex-points.yaml', '--history', 'fixtures/whatif/history.csv', '--format', 'csv');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^fixtures\/invalid\/hex-points\.yaml:\d+:\d+: error /m);
  });
});

describe('explain --format csv', () => {
  it('P1: a row per period, its activities, then the activities over the replay', async () => {
    const r = await pointsmith('explain', ...WHATIF, '--partner', 'P1', '--format', 'csv', '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'record,partner,period,start,end,tier_during,tier,in_grace,points_in_window,earned,redeemed,expired,balance,amount,activity,count,base,multipliers,promotions,accelerator,rounding,released,capped,points,clawed_back',
        // 300 earned, half redeemed (150), Gold after the quarter.
        'period,P1,2024-Q1,2024-01-01,2024-03-31,Registered,Gold,no,300,300,150,0,150,0,,,,,,,,,,,0',
        'activity,P1,2024-Q1,,,,,,,,,,,,deal,2,200,0,0,0,0,0,0,200,0',
        // 3 webinars of 50, 50 over the cap of 100.
        'activity,P1,2024-Q1,,,,,,,,,,,,webinar,3,150,0,0,0,0,0,50,100,0',
        // Nothing earned in Q2: no activity rows; the lifetime window keeps 300 points, Gold.
        'period,P1,2024-Q2,2024-04-01,2024-06-30,Gold,Gold,no,300,0,0,0,150,0,,,,,,,,,,,0',
        'activity,P1,,,,,,,,,,,,,deal,2,200,0,0,0,0,0,0,200,0',
        'activity,P1,,,,,,,,,,,,,webinar,3,150,0,0,0,0,0,50,100,0',
        // No launch state and a lifetime window: the first year of periods is warm-up, here both quarters.
        'warm_up,P1,2024-Q1,,,,,,,,,,,,,,,,,,,,,,',
        'warm_up,P1,2024-Q2,,,,,,,,,,,,,,,,,,,,,,',
        '',
      ].join('\n'),
    );
  });

  it('P2: 150 points in Q2, Registered', async () => {
    const rows = records((await pointsmith('explain', ...WHATIF, '--partner', 'P2', '--format', 'csv', '--quiet')).stdout);
    expect(rows.filter((x) => x.record === 'period').map((x) => [x.period, x.tier, x.earned, x.balance])).toEqual([
      ['2024-Q1', 'Registered', '0', '0'],
      // 75 of the 150 redeemed, expected.
      ['2024-Q2', 'Registered', '150', '75'],
    ]);
    expect(rows.filter((x) => x.record === 'activity' && x.period === '').map((x) => [x.activity, x.points])).toEqual([
      ['deal', '100'],
      ['webinar', '50'],
    ]);
  });
});

describe('the new CSV reports pass the sanitising layer', () => {
  // fixtures/csv-formulas: partner `-P1`, activity `+deal`, tier `@Gold`, reward `=mdf`.
  it('check: a note starting with the reward `=mdf` gets a leading quote', async () => {
    const r = await pointsmith('check', ...FORMULAS, '--format', 'csv');
    expect(r.code).toBe(1);
    // Capacity 0 a quarter: P1 redeems everything it earns, 2 units in Q1 and 1 in Q2.
    expect(r.stdout).toContain('guardrail,capacity_shortfall.max_units,units,3,<=,0,no,mean,"\'=mdf is short by 3 units in 2024-Q1, 2024-Q2",18,25\n');
  });

  it('explain: the partner, the activity and the tier', async () => {
    const r = await pointsmith('explain', ...FORMULAS, '--partner', '-P1', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("\nperiod,'-P1,2024-Q2,2024-04-01,2024-06-30,'@Gold,'@Gold,no,300,100,100,0,0,0,,,,,,,,,,,0\n");
    expect(r.stdout).toContain("\nactivity,'-P1,,,,,,,,,,,,,'+deal,3,300,0,0,0,0,0,0,300,0\n");
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/(^|,)[=+\-@]/);
  });

  it('simulate: names start with the measure, never with the reward', async () => {
    const r = await pointsmith('simulate', ...FORMULAS, '--runs', '4', '--seed', '1', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nmeasure,rewards.=mdf.units,units,3,3,3,3,3,,,4,1\n');
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/(^|,)[=+\-@]/);
  });
});

describe('--bom on the new CSV reports', () => {
  it.each([
    ['simulate', ['simulate', ...WHATIF, '--runs', '4']],
    ['check', ['check', ...WHATIF]],
    ['explain', ['explain', ...WHATIF, '--partner', 'P1']],
  ])('%s: EF BB BF, then the same CSV; with another format, exit 2 before any work', async (_name, args) => {
    const [plain, marked] = await Promise.all([pointsmith(...args, '--format', 'csv'), pointsmith(...args, '--format', 'csv', '--bom')]);
    expect(marked.code).toBe(0);
    expect(marked.stdout).toBe(`\uFEFF${plain.stdout}`);
    const wrong = await pointsmith(...args, '--format', 'json', '--bom');
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toBe('error: --bom only applies to --format csv (the format is json)\nhint: add --format csv, or leave out --bom\n');
  });
});
