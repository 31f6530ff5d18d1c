/**
 * `transition`, `run` and `explain` on the launch fixture (fixtures/launch/, worked out in
 * test/engine/launch.test.ts): the reports read the launch state from the ledger, and a
 * replay without it flags its warm-up periods.
 */
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import type { Statement } from '../../src/analysis/statement-types.js';
import type { TransitionReport } from '../../src/analysis/transition-types.js';
import { pointsmith } from '../support/bin.js';

const DIR = 'fixtures/launch';
const data = ['--history', `${DIR}/history.csv`, '--partners', `${DIR}/partners.csv`];

describe('launch in the reports', () => {
  it('transition: before/after tiers under the launch state; no warm-up', async () => {
    const r = await pointsmith('transition', `${DIR}/program.yaml`, ...data, '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as TransitionReport;
    const row = (id: string) => report.partner_rows.find((p) => p.partner === id);
    // anvil: Premier → Gold, held through Q2 (grandfathered), Registered from Q3 → moves down.
    expect(row('anvil')?.tiers_by_period).toEqual(['Gold', 'Gold', 'Registered', 'Registered']);
    expect(row('anvil')?.movement).toBe('down');
    // birch: Platinum from Q1 (680 points) → up; cedar (level computed: Basic) and dune (Basic) stay Registered.
    expect(row('birch')?.movement).toBe('up');
    expect(row('cedar')?.movement).toBe('same');
    // Q1 and Q2: anvil Gold = its equivalent (same), birch up; Q3 and Q4: anvil down.
    expect(report.by_period.map((p) => [p.up, p.same, p.down])).toEqual([[1, 3, 0], [1, 3, 0], [1, 2, 1], [1, 2, 1]]);
    expect(report.warm_up).toBeNull();
    // cedar has no legacy_level: its level is computed, and the launch state does not grandfather it.
    expect(r.err).toContain('the 1 partner(s) whose level is computed here (no legacy_level) started the replay as new partners');
  });

  it('run: opening balances in the points, no warm-up with `launch:`; the warm-up without it', async () => {
    const r = await pointsmith('run', `${DIR}/program.yaml`, ...data, '--format', 'json');
    const s = JSON.parse(r.out) as RunSummary;
    // 520 × 2 (anvil, birch); earned 80 + 680 + 40 = 800; opening + earned = redeemed + expired + outstanding.
    expect(s.points.opening).toBe(1040);
    expect(s.points.earned).toBe(800);
    expect(s.points.redeemed + s.points.expired + s.points.outstanding).toBeCloseTo(1840, 9);
    expect(s.warm_up).toBeNull();

    const without = await pointsmith('run', `${DIR}/program.yaml`, ...data, '--format', 'json', '--set', 'launch=null');
    expect(without.code).toBe(0);
    const w = JSON.parse(without.out) as RunSummary;
    // trailing_4 on quarters: the window is first full at Q4, so Q1-Q3 (t < 4 − 1) are the warm-up.
    expect(w.warm_up?.periods).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
    expect(w.points.opening).toBeUndefined();
  });

  it('explain: the rules acting (opening balance, grandfathered tier)', async () => {
    const r = await pointsmith('explain', `${DIR}/program.yaml`, '--partner', 'anvil', ...data, '--format', 'json');
    const s = JSON.parse(r.out) as Statement;
    expect(s.totals.opening).toBe(520);
    expect(s.warm_up).toBeNull();
    expect(s.rule_notes).toEqual([
      { period: '2024-Q1', rule: 'launch.opening_points', text: 'opening balance (legacy Premier)', points: 520 },
      { period: '2024-Q1', rule: 'launch.grandfather', text: 'Gold held until 2024-06-30 (grandfathered from legacy Premier; the window qualified for Registered)', points: null },
      { period: '2024-Q2', rule: 'launch.grandfather', text: 'Gold held until 2024-06-30 (grandfathered from legacy Premier; the window qualified for Registered)', points: null },
    ]);
  });

  it('explain: a term holding a tier through a drop', async () => {
    const r = await pointsmith('explain', 'fixtures/term/program.yaml', '--partner', 'pine', '--history', 'fixtures/term/history.csv', '--partners', 'fixtures/term/partners.csv', '--format', 'json');
    const s = JSON.parse(r.out) as Statement;
    // pine: Gold at Q1 2024, 0 points in Q2, Gold kept to the 2024-08-15 anniversary (test/engine/term.test.ts).
    expect(s.rule_notes).toEqual([{ period: '2024-Q2', rule: 'calendar.term', text: 'Gold held until 2024-08-15 (term; the window qualified for Registered)', points: null }]);
  });
});
