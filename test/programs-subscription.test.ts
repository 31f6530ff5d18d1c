/**
 * programs/subscription.yaml over fixtures/subscription (generated for it: cancellations
 * and refunds included): the four rules it uses act, and every figure agrees with every
 * other: run's points balance (opening + earned − clawed back = redeemed + expired +
 * outstanding), the statements add up to run's totals, and each rounding a statement
 * reports is the rounding of the exact total it reports.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../src/analysis/summary-types.js';
import type { Statement } from '../src/analysis/statement-types.js';
import { pointsmith } from './support/bin.js';

const DATA = ['--history', 'fixtures/subscription/history.csv', '--partners', 'fixtures/subscription/partners.csv'];
const DESIGN = 'programs/subscription.yaml';

describe('programs/subscription.yaml over fixtures/subscription', () => {
  it('validates clean with --strict against its data, and holds its guardrails', async () => {
    const v = await pointsmith('validate', DESIGN, '--strict', ...DATA);
    expect(v.err).toBe('');
    expect(v.code).toBe(0);
    const c = await pointsmith('check', DESIGN, ...DATA);
    expect(c.code).toBe(0);
  });

  it('run: opening balances and clawbacks in the points, no warm-up, the points balance', async () => {
    const r = await pointsmith('run', DESIGN, ...DATA, '--format', 'json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as RunSummary & { warm_up: unknown; points: { opening?: number } };
    // The launch grandfathers and opens balances: no warm-up.
    expect(s.warm_up).toBeNull();
    expect(s.points.opening ?? 0).toBeGreaterThan(0);
    expect(s.points.clawed_back).toBeGreaterThan(0);
    const p = s.points;
    expect(Math.abs((p.opening ?? 0) + p.earned - p.clawed_back - (p.redeemed + p.expired + p.outstanding))).toBeLessThanOrEqual(0.05);
  });

  it('explain shows each rule acting, and each rounding it reports is the rounding of the total it reports', async () => {
    // P00022: a legacy Gold partner with refunds and a cancellation (see its rule notes).
    const r = await pointsmith('explain', DESIGN, ...DATA, '--partner', 'P00022', '--format', 'json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as Statement;
    const rules = new Set(s.rule_notes.map((n) => n.rule));
    for (const rule of ['launch.opening_points', 'launch.grandfather', 'calendar.term', 'clawback', 'points.round']) expect(rules, rule).toContain(rule);
    for (const n of s.rule_notes.filter((x) => x.rule === 'points.round')) {
      const m = /window total ([\d.]+) rounded to (\d+) \(half_up\)/.exec(n.text);
      expect(m, n.text).not.toBeNull();
      // half_up to 0 decimals: the exact total's nearest whole number (no total here ends in .5).
      expect(Math.round(Number(m?.[1]))).toBe(Number(m?.[2]));
    }
    const clawed = s.rule_notes.filter((n) => n.rule === 'clawback').reduce((sum, n) => sum - (n.points ?? 0), 0);
    expect(clawed).toBeCloseTo(s.totals.clawed_back, 1);
  });
});
