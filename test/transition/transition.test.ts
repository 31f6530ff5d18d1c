import type { Ledger } from '../../src/engine/ledger.js';
import { describe, expect, it } from 'vitest';
import { buildTransition } from '../../src/analysis/transition.js';
import { ledger, partnersTable, store } from './hand-case.js';

describe('buildTransition on a hand-built ledger', () => {
  const report = buildTransition(ledger(), store, partnersTable);

  it('classifies every partner and says where its legacy level came from', () => {
    const rows = report.partner_rows.map((r) => [r.partner, r.legacy_level, r.legacy_source, r.equivalent_tier, r.new_tier, r.movement, r.at_risk]);
    expect(rows).toEqual([
      ['A', 'Gold', 'partners_file', 'Gold', 'Gold', 'same', false],
      ['B', 'Gold', 'partners_file', 'Gold', 'Silver', 'down', true],
      ['C', 'Silver', 'computed', 'Silver', 'Gold', 'up', false],
      ['D', '(none)', 'computed', null, 'Registered', 'unmapped', false],
    ]);
    expect(report.legacy.source).toBe('mixed');
    expect([report.legacy.revenue_from, report.legacy.revenue_to]).toEqual(['2024-01-01', '2024-12-31']);
    expect(report.partner_rows[1]?.tiers_by_period).toEqual(['Gold', 'Gold', 'Silver', 'Silver']);
    expect(report.evaluated_at).toBe('2024-Q4');
  });

  it('builds the migration matrix with counts and row shares', () => {
    // (none) first (it is not a design level), then the design's levels low to high.
    expect(report.matrix.legacy_levels).toEqual(['(none)', 'Silver', 'Gold']);
    expect(report.matrix.tiers).toEqual(['Registered', 'Silver', 'Gold']);
    // D → Registered; C: Silver → Gold; A: Gold → Gold and B: Gold → Silver (1 of 2 = 0.5 each).
    expect(report.matrix.counts).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 1],
    ]);
    expect(report.matrix.row_shares).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 0.5, 0.5],
    ]);
    expect(report.movement).toEqual({
      up: { partners: 1, share: 0.25 },
      same: { partners: 1, share: 0.25 },
      down: { partners: 1, share: 0.25 },
      unmapped: { partners: 1, share: 0.25 },
    });
    // before = equivalent of the legacy level (D has none); after = tier in Q4.
    expect(report.tier_distribution).toEqual([
      { tier: 'Registered', before: 0, after: 1 },
      { tier: 'Silver', before: 1, after: 1 },
      { tier: 'Gold', before: 2, after: 2 },
      { tier: '(none)', before: 1, after: 0 },
    ]);
    // Q1-Q2: A, B, C all hold their equivalent; Q3: B is down; Q4: B down and C up.
    expect(report.by_period.map((p) => [p.period, p.up, p.same, p.down, p.unmapped])).toEqual([
      ['2024-Q1', 0, 3, 0, 1],
      ['2024-Q2', 0, 3, 0, 1],
      ['2024-Q3', 0, 2, 1, 1],
      ['2024-Q4', 1, 1, 1, 1],
    ]);
  });

  it('works out what the at-risk partner lacks and the cheapest way to close it', () => {
    expect(report.at_risk).toHaveLength(1);
    const b = report.at_risk[0]!;
    // Gold for emea needs 3,000 points; B has 1,300 → 1,700 short.
    // decision: 350 + 350 = 700 of 1,000 → 300 short; cert_earned: 1 of 2 → 1 short.
    expect([b.target_tier, b.new_tier, b.threshold, b.points_short]).toEqual(['Gold', 'Silver', 3000, 1700]);
    expect(b.gaps).toEqual([
      { kind: 'points', id: 'Gold', required: 3000, actual: 1300, short: 1700 },
      { kind: 'category', id: 'decision', required: 1000, actual: 700, short: 300 },
      { kind: 'activity', id: 'cert_earned', required: 2, actual: 1, short: 1 },
    ]);
    // Prices for B (Silver, no accelerator): a deal at B's average of (35,000 + 35,000) / 2
    // = 35,000 → 35 × 10 = 350, at the best product factor (saas 1.5) → 525; case study 500;
    // cert 100; webinar 60.
    // 1. cert_earned: 1 more person → +100 (total 100).
    // 2. decision 300 short → deals: ceil(300 / 525) = 1 → +525 (total 625).
    // 3. points: 1,700 - 625 = 1,075 → deals again (525 beats 500): ceil(1,075 / 525) = 3 → +1,575.
    //    Deals: 1 + 3 = 4, 4 × 525 = 2,100 points.
    expect(b.plan).toEqual({
      closes_gap: true,
      steps: [
        { activity: 'cert_earned', label: 'Certification', category: 'skilling', occurrences: 1, points_per_occurrence: 100, points: 100, basis: 'per occurrence' },
        {
          activity: 'deal_closed',
          label: 'Closed-won deal',
          category: 'decision',
          occurrences: 4,
          points_per_occurrence: 525,
          points: 2100,
          basis: 'a deal of USD 35,000 with product saas',
        },
      ],
    });
  });

  it('compares the legacy cost with the new program over the last year', () => {
    // New: rewards 3 × 100 = 300; benefits A 4 × 500 + B 4 × 100 + C 500 = 2,900; total 3,200.
    // Legacy: A Gold 5,000 + 10% × 200,000 = 25,000; B Gold 5,000 + 10% × 70,000 = 12,000;
    //         C Silver 1,000 + 5% × 150,000 = 8,500; D none 0 → 45,500 (benefits 11,000, discounts 34,500).
    expect(report.cost).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
      periods: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'],
      legacy: { benefits: 11000, discounts: 34500, total: 45500 },
      new: { rewards: 300, benefits: 2900, discounts: 0, total: 3200 },
      difference: -42300,
      // -42,300 / 45,500 = -0.92967…
      difference_share: -0.9297,
    });
    expect(report.by_segment).toEqual([
      { key: 'consultant', partners: 1, up: 0, same: 0, down: 0, unmapped: 1, at_risk: 0, legacy_cost: 0, new_cost: 0 },
      { key: 'msp', partners: 1, up: 1, same: 0, down: 0, unmapped: 0, at_risk: 0, legacy_cost: 8500, new_cost: 500 },
      // A 2,000 + 300 = 2,300 and B 400 → 2,700 new; 25,000 + 12,000 = 37,000 legacy.
      { key: 'reseller', partners: 2, up: 0, same: 1, down: 1, unmapped: 0, at_risk: 1, legacy_cost: 37000, new_cost: 2700 },
    ]);
    expect(report.by_region.map((g) => [g.key, g.partners, g.down])).toEqual([
      ['amer', 1, 0],
      ['apac', 1, 0],
      ['emea', 2, 1],
    ]);
  });

  it('writes the executive summary from these numbers', () => {
    expect(report.executive_summary).toEqual([
      'Of 4 partners, 25% keep their level under Hand Points; 25% (1 partner) move up; 25% (1 partner) move down.',
      '1 partner has a legacy level with no equivalent tier and is left out of the comparison.',
      'The largest single move is from legacy Silver to Gold (1 partner).',
      // B misses both the decision minimum and the cert_earned count; the tie goes to the
      // phrase first in code-unit order ("at least 1,000 points in decision" < "at least 2 × Certification").
      '1 partner is at risk of a tier below the one equivalent to its legacy level; it lacks 1,700 points, and the requirement missed most often is at least 1,000 points in decision (1 partner). For it, the activities the design rewards most would close the gap within the caps.',
      'From 2024-01-01 to 2024-12-31, the new program costs USD 3,200 against USD 45,500 for the legacy levels (93% less).',
      'By region, emea has the largest share moving down: 50% of its 2 partners.',
      'Legacy levels come from the partners file where it has one and are otherwise computed from revenue between 2024-01-01 and 2024-12-31 and certified people (cert_earned).',
      // No `launch:` and the default trailing_4 window: it is full from Q4, so Q1-Q3 (t < 4 − 1) are the warm-up.
      'Warm-up periods: 2024-Q1, 2024-Q2, 2024-Q3: no launch state (launch:): every partner starts at the lowest tier with no points, and the trailing_4 window first holds 4 periods at 2024-Q4; tiers and costs in these periods understate a real launch.',
    ]);
  });

  it('counts a partner kept in its tier by a grace period as at risk', () => {
    const L = ledger();
    // A keeps Gold in Q4 only thanks to grace: 2,800 points of 3,000, decision and certs met.
    L.inGrace[L.pt(0, 3)] = 1;
    L.windowPoints[L.pt(0, 3)] = 2800;
    L.pointsByCategory[L.ptc(0, 0, 'decision')] = 2000;
    L.countByActivity[L.pta(0, 0, 'cert_earned')] = 2;
    const a = buildTransition(L, store, partnersTable).at_risk.find((r) => r.partner === 'A');
    // Short 200; a deal at A's average 200,000 → 2,000 × 1.5 (saas) × 1.1 (Gold accelerator) = 3,300
    // → ceil(200 / 3,300) = 1 deal, which adds its full 3,300 points.
    expect(a?.in_grace).toBe(true);
    expect(a?.gaps).toEqual([{ kind: 'points', id: 'Gold', required: 3000, actual: 2800, short: 200 }]);
    expect(a?.plan.steps.map((s) => [s.activity, s.occurrences, s.points_per_occurrence, s.points])).toEqual([['deal_closed', 1, 3300, 3300]]);
  });

  it('counts a partner kept in its tier by the launch state as at risk', () => {
    const L = ledger();
    // As above, but A keeps Gold in Q4 because `launch.grandfather` holds it (the engine's `grandfathered` bit), not grace.
    L.grandfathered[L.pt(0, 3)] = 1;
    L.windowPoints[L.pt(0, 3)] = 2800;
    L.pointsByCategory[L.ptc(0, 0, 'decision')] = 2000;
    L.countByActivity[L.pta(0, 0, 'cert_earned')] = 2;
    const a = buildTransition(L, store, partnersTable).at_risk.find((r) => r.partner === 'A');
    expect(a?.in_grace).toBe(false);
    expect(a?.grandfathered).toBe(true);
    expect(a?.points_short).toBe(200);
  });
});

describe('buildTransition preconditions', () => {
  it('refuses a lean ledger (replayed with detail: false), which has no activity counts', () => {
    const L: Ledger = { ...ledger(), detailed: false };
    expect(() => buildTransition(L, store, partnersTable)).toThrow('buildTransition: needs a detailed ledger');
  });
});
