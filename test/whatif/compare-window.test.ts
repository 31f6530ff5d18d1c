/**
 * compare's tier movers show the points the last tier evaluation counted (the tier window's),
 * the figure the thresholds apply to, not the whole span's. fixtures/compare-window, by hand:
 *   quarters Q1, Q2 of 2024; tier_window trailing_1 (one quarter); Gold from 500.
 *   P1 makes one deal a month, 3 a quarter.
 *   As written (deal 100): Q2 window 3 × 100 = 300 < 500 → Registered (the span's 600 would pass 500).
 *   double_deal (deal 200): Q2 window 3 × 200 = 600 ≥ 500 → Gold (the span's would be 1,200).
 *   Difference 600 − 300 = +300.
 */
import { describe, expect, it } from 'vitest';
import { pointsmith } from '../support/bin.js';

const ARGS = ['compare', 'fixtures/compare-window/design.yaml', '--scenario', 'double_deal', '--history', 'fixtures/compare-window/history.csv', '--partners', 'fixtures/compare-window/partners.csv'];

describe('compare: the movers\' points are the tier window\'s at the last evaluation', () => {
  it('json: points_from 300, points_to 600, points_delta 300 (not 600, 1,200, 600)', async () => {
    const r = await pointsmith(...ARGS, '--format', 'json');
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out) as { tier_changes: { top: unknown[] }[] };
    expect(doc.tier_changes[0]?.top).toEqual([{ partner: 'P1', name: 'Pine Partners', from: 'Registered', to: 'Gold', points_from: 300, points_to: 600, points_delta: 300 }]);
  });

  it('table and markdown say what the points are', async () => {
    const table = await pointsmith(...ARGS);
    expect(table.code).toBe(0);
    expect(table.out).toContain('Top 1 by difference in window points (the tier window\'s points at the last evaluation)');
    expect(table.out).toMatch(/│ Window points design \(as written\) │ Window points double_deal │/);
    expect(table.out).toMatch(/│ P1 +│ Pine Partners │ Registered +│ Gold +│ +300 │ +600 │ +\+300 │/);
    const md = await pointsmith(...ARGS, '--format', 'markdown');
    expect(md.out).toContain('| Window points before | Window points after |');
  });

  it('agrees with explain\'s points_in_window for the same partner and column', async () => {
    const r = await pointsmith('explain', 'fixtures/compare-window/design.yaml', '--partner', 'P1', '--history', 'fixtures/compare-window/history.csv', '--partners', 'fixtures/compare-window/partners.csv', '--format', 'json');
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { points_in_window: number }).points_in_window).toBe(300);
  });
});
