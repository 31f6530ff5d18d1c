import { describe, expect, it } from 'vitest';
import { stderrBesidesHandDates } from '../support/hand-stderr.js';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import type { Statement } from '../../src/analysis/statement-types.js';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const DIR = 'fixtures/transition';
const history = ['--history', `${DIR}/explain-history.csv`, '--partners', `${DIR}/explain-partners.csv`, '--no-cache'];

// No row of explain-history.csv is a perpetual deal: the design's `perpetual: 0.8` never applies,
// and every command that reads this data says so once, at the key (line 16, column 42).
const PERPETUAL_NEVER_APPLIES =
  'warning: fixtures/transition/explain.yaml:16:42: design-value-not-in-data: no row or partner has product `perpetual` (the data has `saas`), ' +
  'so activities.deal_closed.multipliers.product.perpetual never applies (values match exactly, case included: write one of the data\'s values, ' +
  'or map them with a data manifest\'s `values:` (docs/data.md))\n';

async function explain(partner: string, format: string) {
  const io = memoryIo();
  const code = await main(['explain', `${DIR}/explain.yaml`, ...history, '--partner', partner, '--format', format], io);
  return { code, out: io.out(), err: io.err() };
}

/*
 * P-EAST over the quarters of 2024 (explain.yaml):
 *   Q1 (Registered during): deal 200,000 saas → base 2,000, ×1.5 → +1,000 → 3,000;
 *       2 certs → 200. Earned 3,200; decision 3,000 ≥ 1,000, 2 certs → Gold at Q1.
 *   Q2 (Gold during, ×1.1): deal 10,000 saas → base 100, ×1.5 → +50, promotion ×2 → +150,
 *       accelerator ×1.1 → +30 → 330.
 *   Q3 (Gold): 3 webinars → base 180, accelerator → +18 = 198, cap 120 per period → −78 → 120.
 *   Window at Q4 = 3,200 + 330 + 120 = 3,650 → Gold (Platinum needs 5,000 and 500 advocacy).
 * Redemption spends half of each quarter's points: 1,600, 165, 60, 0 → 1,825: asks of 320, 33,
 * 12 and 0 mdf units of 5 points, whole, so every draw takes them: 365 units, 182.50 USD.
 * FIFO lots, expiry 6 months = 2 quarters after the quarter earned:
 *   Q1 lot 3,200 − 1,600 (Q1) − 165 (Q2) − 60 (Q3) = 1,375 expires at the end of Q3;
 *   Q2 lot 330 expires at the end of Q4 → expired 1,705; balance 3,650 − 1,825 − 1,705 = 120,
 *   the Q3 lot, which expires at the end of 2025-Q1 (2025-03-31).
 */
describe('pointsmith explain', () => {
  it('explains every point of P-EAST (json)', async () => {
    const { code, out, err } = await explain('P-EAST', 'json');
    expect(stderrBesidesHandDates(err)).toBe(PERPETUAL_NEVER_APPLIES);
    expect(code).toBe(0);
    const s = JSON.parse(out) as Statement;
    expect([s.partner, s.name, s.tier, s.points_in_window, s.evaluated_at]).toEqual(['P-EAST', 'East Systems', 'Gold', 3650, '2024-Q4']);
    expect(s.by_activity).toEqual({
      deal_closed: { count: 2, base: 2100, multipliers: 1050, promotions: 150, accelerator: 30, rounding: 0, released: 0, capped: 0, points: 3330, clawed_back: 0 },
      cert_earned: { count: 2, base: 200, multipliers: 0, promotions: 0, accelerator: 0, rounding: 0, released: 0, capped: 0, points: 200, clawed_back: 0 },
      webinar_hosted: { count: 3, base: 180, multipliers: 0, promotions: 0, accelerator: 18, rounding: 0, released: 0, capped: 78, points: 120, clawed_back: 0 },
    });
    expect(s.by_category).toEqual({ decision: 3330, skilling: 200, awareness: 120 });
    expect(s.totals).toEqual({ earned: 3650, clawed_back: 0, redeemed: 1825, expired: 1705, balance: 120 });
    expect(s.periods.map((p) => [p.period, p.tier_during, p.tier, p.earned, p.redeemed, p.expired, p.balance])).toEqual([
      ['2024-Q1', 'Registered', 'Gold', 3200, 1600, 0, 1600],
      ['2024-Q2', 'Gold', 'Gold', 330, 165, 0, 1765],
      ['2024-Q3', 'Gold', 'Gold', 120, 60, 1375, 450],
      ['2024-Q4', 'Gold', 'Gold', 0, 0, 330, 120],
    ]);
    expect(s.promotions).toEqual([{ name: 'Spring push', from: '2024-04-01', to: '2024-06-30', multiply: 2, activities: ['deal_closed'], points: 150 }]);
    // Both of P-EAST's deals are saas: the design's perpetual ×0.8 never applied to it, so the rule names saas alone.
    expect(s.multipliers).toEqual([{ activity: 'deal_closed', rule: 'product: saas ×1.5', points: 1050 }]);
    expect(s.accelerator.map((a) => [a.activity, a.rule, a.points])).toEqual([
      ['deal_closed', 'earn_multiplier of Gold ×1.1', 30],
      ['webinar_hosted', 'earn_multiplier of Gold ×1.1', 18],
    ]);
    expect(s.caps).toEqual([{ activity: 'webinar_hosted', rule: 'cap 120 per period', points: 78 }]);
    expect(s.redemptions).toEqual([{ reward: 'mdf', units: 365, expected_units: 365, points: 1825, vendor_cost: 182.5 }]);
    expect(s.expiry).toEqual({ months: 6, expired: 1705, next: { date: '2025-03-31', points: 120 } });
    expect(s.tier_history).toEqual([{ period: '2024-Q1', from: 'Registered', to: 'Gold' }]);
  });

  it('says what would take P-EAST to the next tier', async () => {
    const s = JSON.parse((await explain('P-EAST', 'json')).out) as Statement;
    // Platinum: 5,000 − 3,650 = 1,350 points; advocacy 0 of 500.
    expect(s.next_tier?.tier).toBe('Platinum');
    expect(s.next_tier?.points_needed).toBe(1350);
    expect(s.next_tier?.gaps.map((g) => [g.kind, g.id, g.short])).toEqual([
      ['points', 'Platinum', 1350],
      ['category', 'advocacy', 500],
    ]);
    // At Gold (×1.1): a case study 550 (advocacy room 1,000); a deal at P-EAST's average
    // (200,000 + 10,000) / 2 = 105,000 → 1,050 × 1.5 × 1.1 = 1,732.5.
    // advocacy 500 → 1 case study (+550); points 1,350 − 550 = 800 → 1 deal (+1,732.5).
    expect(s.next_tier?.plan).toEqual({
      closes_gap: true,
      steps: [
        { activity: 'case_study', label: 'Case study', category: 'advocacy', occurrences: 1, points_per_occurrence: 550, points: 550, basis: 'per occurrence' },
        {
          activity: 'deal_closed',
          label: 'Closed-won deal',
          category: 'decision',
          occurrences: 1,
          points_per_occurrence: 1732.5,
          points: 1732.5,
          basis: 'a deal of USD 105,000 with product saas',
        },
      ],
    });
  });

  it("statements add up to run's totals", async () => {
    const io = memoryIo();
    expect(await main(['run', `${DIR}/explain.yaml`, ...history, '--format', 'json'], io)).toBe(0);
    const run = JSON.parse(io.out()) as RunSummary;
    const east = JSON.parse((await explain('P-EAST', 'json')).out) as Statement;
    const west = JSON.parse((await explain('P-WEST', 'json')).out) as Statement;
    // P-WEST: one webinar in Q1 → 60 earned, 30 redeemed (6 units of 5), the other 30 expire at the end of Q3.
    expect(west.totals).toEqual({ earned: 60, clawed_back: 0, redeemed: 30, expired: 30, balance: 0 });
    const sum = (k: 'earned' | 'redeemed' | 'expired' | 'balance') => east.totals[k] + west.totals[k];
    expect(run.points.earned).toBe(sum('earned'));
    expect(run.points.redeemed).toBe(sum('redeemed'));
    expect(run.points.expired).toBe(sum('expired'));
    expect(run.points.outstanding).toBe(sum('balance'));
  });

  it('prints a table and Markdown with the figures, names escaped in Markdown', async () => {
    const table = await explain('P-EAST', 'table');
    expect(table.code).toBe(0);
    expect(table.out).toContain('P-EAST — East Systems · reseller · emea');
    expect(table.out).toContain('Platinum: 1,350 points needed.');
    expect(table.out).toContain('the next 120 points expire after 2025-03-31 unless spent');
    // Activities by their label (webinar_hosted is "Webinar" in explain.yaml); the multiplier line names only saas, the one product P-EAST sold.
    expect(table.out).toContain('multiplier on Closed-won deal (product: saas ×1.5): +1,050 points');
    expect(table.out).toMatch(/│ Webinar\s+│\s+3 │\s+180 │\s+0 │\s+0 │\s+\+18 │\s+0 │\s+0 │\s+−78 │\s+120 │/);
    const markdown = await explain('P-WEST', 'markdown');
    expect(markdown.code).toBe(0);
    expect(markdown.out).toContain('**P-WEST — &lt;b&gt;West&lt;/b&gt; \\| Partners · agency · amer**');
    expect(markdown.out).not.toContain('<b>');
  });

  it('refuses an unknown partner with a did-you-mean (exit 2)', async () => {
    const { code, out, err } = await explain('P-EAXT', 'json');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(stderrBesidesHandDates(err)).toBe(`${PERPETUAL_NEVER_APPLIES}error: partner \`P-EAXT\` is not in the history or the partners file\nhint: did you mean \`P-EAST\`?\n`);
  });

  it('requires --partner or --person (exit 2)', async () => {
    const io = memoryIo();
    const code = await main(['explain', `${DIR}/explain.yaml`, ...history], io);
    expect(code).toBe(2);
    expect(io.err()).toContain('explain needs --partner ID (a firm) or --person ID (a seller)');
  });

  it('refuses to overwrite --out without --force', async () => {
    const io = memoryIo();
    const code = await main(['explain', `${DIR}/explain.yaml`, ...history, '--partner', 'P-EAST', '--out', `${DIR}/explain.yaml`], io);
    expect(code).toBe(2);
    expect(io.err()).toContain('already exists; not overwriting it');
  });
});

describe('explain on fixtures/hand (caps, staged credit, promotions, grace, redemption, expiry)', () => {
  const hand = ['fixtures/hand/program.yaml', '--history', 'fixtures/hand/history.csv', '--partners', 'fixtures/hand/partners.csv', '--no-cache'];

  it("every statement balances, and together they equal run's points", async () => {
    const io = memoryIo();
    expect(await main(['run', ...hand, '--format', 'json'], io)).toBe(0);
    const run = JSON.parse(io.out()) as RunSummary;
    const statements: Statement[] = [];
    for (const id of ['acme', 'bolt', 'cirrus']) {
      const e = memoryIo();
      expect(await main(['explain', ...hand, '--partner', id, '--format', 'json'], e)).toBe(0);
      statements.push(JSON.parse(e.out()) as Statement);
    }
    const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(0.02);
    for (const s of statements) {
      // earned = redeemed + expired + balance, and the activities' points add up to earned.
      near(s.totals.earned, s.totals.redeemed + s.totals.expired + s.totals.balance);
      near(Object.values(s.by_activity).reduce((sum, l) => sum + l.points, 0), s.totals.earned);
      near(Object.values(s.by_category).reduce((sum, v) => sum + v, 0), s.totals.earned);
      // per activity: points = base + multipliers + promotions + accelerator + rounding − capped.
      for (const l of Object.values(s.by_activity)) near(l.points, l.base + l.multipliers + l.promotions + l.accelerator + l.rounding - l.capped);
    }
    for (const k of ['earned', 'redeemed', 'expired'] as const) near(run.points[k], statements.reduce((sum, s) => sum + s.totals[k], 0));
    near(run.points.outstanding, statements.reduce((sum, s) => sum + s.totals.balance, 0));
  });

  it('lists the grace period as a rule acting (acme keeps Silver at Q3 with 275 < 300 in its window)', async () => {
    const io = memoryIo();
    expect(await main(['explain', ...hand, '--partner', 'acme', '--format', 'json'], io)).toBe(0);
    const s = JSON.parse(io.out()) as Statement;
    // test/engine/hand.test.ts: trailing_2 window 275 at Q3 < Silver's 300; grace_periods 1 keeps Silver.
    expect(s.rule_notes).toEqual([{ period: '2024-Q3', rule: 'grace_periods', text: 'Silver kept by a grace period (the window qualified for Registered)', points: null }]);
    const text = memoryIo();
    expect(await main(['explain', ...hand, '--partner', 'acme'], text)).toBe(0);
    expect(text.out()).toContain('2024-Q3: Silver kept by a grace period (the window qualified for Registered)');
  });

  it('points a partner name to its id', async () => {
    const io = memoryIo();
    const code = await main(['explain', ...hand, '--partner', 'Acme Resellers'], io);
    expect(code).toBe(2);
    expect(stderrBesidesHandDates(io.err())).toBe('error: partner `Acme Resellers` is not in the history or the partners file\nhint: `Acme Resellers` is the name of partner `acme`: pass --partner acme\n');
  });
});
