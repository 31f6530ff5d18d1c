/**
 * init without questions (issue 18): every question has a flag, the flags' answers land in
 * the design and in `--format json`, CI takes the defaults, and every bad flag gets one
 * message with a hint and exit 2. Run through the real bin/pointsmith.js.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { pointsmith } from './support/bin.js';

const dir = mkdtempSync(join(tmpdir(), 'ps-init-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(dir, `d${++n}.yaml`);

interface Design {
  program: { name: string; currency: string; starts: string; ends: string };
  calendar: { period: string };
  activities: Record<string, unknown>;
  tiers: { name: string; min_points: number; min_points_by?: { region: Record<string, number> } }[];
  budget: { amount: number };
  legacy?: { levels: { name: string; revenue: number; certified?: number }[]; equivalent: Record<string, string>; certified_activity?: string };
}

describe('init flags', () => {
  it('writes every answer the flags give, reports them in JSON, and the design validates', async () => {
    const out = fresh();
    const r = await pointsmith(
      'init', '--yes', '--out', out, '--format', 'json',
      '--name', 'Acme Points', '--currency', 'EUR', '--starts', '2025-02-01', '--ends', '2026-01-31', '--period', 'month',
      '--activities', 'demo_delivered,cert_earned', '--silver', '300', '--gold', '900', '--budget', '120000',
      '--regions', 'emea,dach', '--legacy-levels', 'Silver:50000:1,Gold:250000:3,Elite:900000', '--base-level', 'Member',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { answers: Record<string, unknown>; history: unknown };
    expect(json.answers).toMatchObject({ name: 'Acme Points', currency: 'EUR', period: 'month', silver: 300, gold: 900, budget: 120000, regions: ['emea', 'dach'] });
    expect(json.history).toBeNull();
    const design = parse(readFileSync(out, 'utf8')) as Design;
    expect(design.program).toEqual({ name: 'Acme Points', currency: 'EUR', starts: '2025-02-01', ends: '2026-01-31' });
    expect(design.calendar.period).toBe('month');
    expect(Object.keys(design.activities)).toEqual(['demo_delivered', 'cert_earned']);
    expect(design.tiers.map((t) => [t.name, t.min_points])).toEqual([['Registered', 0], ['Silver', 300], ['Gold', 900]]);
    // Each region starts at Gold's threshold.
    expect(design.tiers[2]?.min_points_by).toEqual({ region: { emea: 900, dach: 900 } });
    expect(design.budget.amount).toBe(120000);
    // The base level first (revenue 0), then the levels; Elite, a name no tier has, goes to the top tier.
    expect(design.legacy?.levels).toEqual([
      { name: 'Member', revenue: 0 },
      { name: 'Silver', revenue: 50000, certified: 1 },
      { name: 'Gold', revenue: 250000, certified: 3 },
      { name: 'Elite', revenue: 900000 },
    ]);
    expect(design.legacy?.equivalent).toEqual({ Member: 'Registered', Silver: 'Silver', Gold: 'Gold', Elite: 'Gold' });
    const v = await pointsmith('validate', out, '--strict');
    expect(v.err + v.out).toContain('1 file valid');
    expect(v.code).toBe(0);
  });

  it('none: no regional thresholds and no legacy section', async () => {
    const out = fresh();
    expect((await pointsmith('init', '--yes', '--out', out, '--regions', 'none', '--legacy-levels', 'none')).code).toBe(0);
    const design = parse(readFileSync(out, 'utf8')) as Design;
    expect(design.tiers[2]?.min_points_by).toBeUndefined();
    expect(design.legacy).toBeUndefined();
  });

  it('the defaults: amer, apac, emea and the legacy levels generate assumes, above Registered', async () => {
    const out = fresh();
    expect((await pointsmith('init', '--yes', '--out', out)).code).toBe(0);
    const design = parse(readFileSync(out, 'utf8')) as Design;
    expect(Object.keys(design.tiers[2]?.min_points_by?.region ?? {})).toEqual(['amer', 'apac', 'emea']);
    expect(design.legacy?.levels.map((l) => l.name)).toEqual(['Registered', 'Silver', 'Gold', 'Platinum']);
    expect(design.legacy?.levels[0]).toEqual({ name: 'Registered', revenue: 0 });
  });

  it('with CI set and no terminal, takes the defaults instead of refusing', async () => {
    const cwd = mkdtempSync(join(dir, 'ci-'));
    const io = memoryIo({ cwd, env: { CI: 'true' } });
    expect(await main(['init', '--format', 'json'], io)).toBe(0);
    expect((JSON.parse(io.out()) as { defaults: boolean }).defaults).toBe(true);
    // CI=false is a developer's shell: still refused without a terminal.
    const local = memoryIo({ cwd, env: { CI: 'false' } });
    expect(await main(['init', '--out', 'other.yaml'], local)).toBe(2);
    expect(local.err()).toContain('not a terminal');
  });

  const bad: [string, string[], string, string][] = [
    ['a misspelt activity', ['--activities', 'demo_deliverd'], 'error: --activities: `demo_deliverd` is not one of the ways to earn init knows', 'hint: did you mean `demo_delivered`?'],
    ['a lower-case currency', ['--currency', 'eur'], 'error: --currency eur: expected a 3-letter currency code in capitals', 'hint: e.g. --currency EUR'],
    ['a date that is not one', ['--starts', '2025/01/01'], 'error: --starts 2025/01/01: expected a date as YYYY-MM-DD', 'hint: e.g. --starts 2024-01-01'],
    ['a threshold that is not a number', ['--gold', 'lots'], 'error: --gold lots: expected the points a partner needs for Gold', 'hint: e.g. --gold 8000'],
    ['Gold at or below Silver', ['--silver', '500', '--gold', '500'], 'error: Gold (500) must need more points than Silver (500)', 'hint: give --gold above --silver'],
    ['the last day before the first', ['--starts', '2025-01-01', '--ends', '2024-12-31'], 'error: the last day (2024-12-31) is before the first (2025-01-01)', 'hint: give --starts and --ends in order'],
    ['a legacy level without revenue', ['--legacy-levels', 'Silver'], 'error: --legacy-levels: legacy level `Silver`: expected NAME:REVENUE or NAME:REVENUE:CERTIFIED', 'hint: e.g. Silver:100000:2,Gold:500000:5, or none'],
    ['a legacy revenue that is not a number', ['--legacy-levels', 'Silver:lots'], 'error: --legacy-levels: legacy level `Silver:lots`: the revenue `lots` is not a number of 0 or more', 'hint: e.g.'],
    ['a legacy level named like the base', ['--legacy-levels', 'Registered:100'], 'error: --legacy-levels: legacy level `Registered` is named twice (it is the base level)', 'hint: give each level its own name'],
    [
      'certified people with nothing to count them',
      ['--activities', 'demo_delivered', '--legacy-levels', 'Silver:1000:2'],
      'error: legacy level `Silver` asks for 2 certified people, but no activity of the design counts certifications',
      'hint: add cert_earned to the ways to earn (--activities)',
    ],
    ['a share without a history', ['--gold-share', '10%'], 'error: --gold-share and --silver-share calibrate the thresholds on a history: add --history', 'hint: or set the thresholds by hand'],
  ];
  for (const [what, flags, message, hint] of bad) {
    it(`refuses ${what} (exit 2), writing nothing`, async () => {
      const out = fresh();
      const r = await pointsmith('init', '--yes', '--out', out, ...flags);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).toContain(hint);
      expect(r.err).not.toContain('    at ');
      expect(() => readFileSync(out)).toThrow();
    });
  }
});
