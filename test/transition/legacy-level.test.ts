import { describe, expect, it } from 'vitest';
import { assessLegacyLevels, fiscalYearContaining, levelFor } from '../../src/analysis/legacy-level.js';
import { buildStore } from '../../src/history/store-builder.js';
import { parseDay } from '../../src/history/day.js';
import { programSchema } from '../../src/program/schema.js';
import type { Program } from '../../src/program/program.js';

const program: Program = programSchema.parse({
  pointsmith: 1,
  program: { name: 'Legacy test', starts: '2024-01-01' },
  calendar: { period: 'quarter', fiscal_year_start: '02-01' },
  categories: { decision: {}, skilling: {} },
  activities: {
    deal_closed: { category: 'decision', points_per: { amount: 1000, points: 10 } },
    cert_earned: { category: 'skilling', points: 100, distinct: 'person_id' },
  },
  tiers: [{ name: 'Registered', min_points: 0 }],
  legacy: {
    levels: [
      { name: 'Silver', revenue: 100000, certified: 2 },
      { name: 'Gold', revenue: 500000, certified: 5 },
    ],
    equivalent: { Silver: 'Registered', Gold: 'Registered' },
  },
});

const day = (iso: string): number => parseDay(iso) as number;

describe('fiscalYearContaining', () => {
  it('starts the year on fiscal_year_start, before or after the day', () => {
    // 2025-12-31 is after 2025-02-01, so its fiscal year is 2025-02-01 .. 2026-01-31.
    const late = fiscalYearContaining('02-01', day('2025-12-31'));
    expect([late.from, late.to]).toEqual([day('2025-02-01'), day('2026-01-31')]);
    // 2025-01-15 is before 2025-02-01, so it belongs to 2024-02-01 .. 2025-01-31.
    const early = fiscalYearContaining('02-01', day('2025-01-15'));
    expect([early.from, early.to]).toEqual([day('2024-02-01'), day('2025-01-31')]);
    // a calendar fiscal year: 01-01 gives the calendar year.
    const calendar = fiscalYearContaining('01-01', day('2024-02-29'));
    expect([calendar.from, calendar.to]).toEqual([day('2024-01-01'), day('2024-12-31')]);
  });
});

describe('levelFor', () => {
  it('takes the highest level whose revenue and certified minimums are both met', () => {
    const legacy = program.legacy!;
    expect(levelFor(legacy, 600000, 5)).toBe('Gold');
    expect(levelFor(legacy, 600000, 4)).toBe('Silver'); // Gold needs 5 certified people
    expect(levelFor(legacy, 99999, 9)).toBe('(none)'); // Silver needs 100,000 of revenue
  });
});

describe('assessLegacyLevels', () => {
  // Last event day: 2025-12-31 → legacy fiscal year 2025-02-01 .. 2026-01-31.
  const store = buildStore([
    // A: 90,000 before the fiscal year (not counted) + 120,000 inside = 120,000 of revenue.
    { partner_id: 'A', date: '2025-01-31', activity: 'deal_closed', amount: 90000 },
    { partner_id: 'A', date: '2025-02-01', activity: 'deal_closed', amount: 120000 },
    // A: people p1, p2, p1 again (and a 2024 certification still counts) → 2 distinct people.
    { partner_id: 'A', date: '2024-03-01', activity: 'cert_earned', person_id: 'p1' },
    { partner_id: 'A', date: '2025-03-01', activity: 'cert_earned', person_id: 'p2' },
    { partner_id: 'A', date: '2025-04-01', activity: 'cert_earned', person_id: 'p1' },
    // B: 600,000 of revenue but one certified person → below Silver's 2 → (none).
    { partner_id: 'B', date: '2025-12-31', activity: 'deal_closed', amount: 600000 },
    { partner_id: 'B', date: '2025-06-01', activity: 'cert_earned', person_id: 'q1' },
    // C: has a legacy_level in the partners file, which wins over the numbers.
    { partner_id: 'C', date: '2025-06-01', activity: 'deal_closed', amount: 1000 },
  ]);

  it('computes revenue and certified people, or takes the partners file level', () => {
    const result = assessLegacyLevels(program, store, [
      { id: 'A', legacyLevel: '' },
      { id: 'B', legacyLevel: '' },
      { id: 'C', legacyLevel: 'gold' },
      { id: 'D', legacyLevel: '' }, // no events at all
    ]);
    expect(result.revenueFrom).toBe('2025-02-01');
    expect(result.revenueTo).toBe('2026-01-31');
    expect(result.certifiedActivity).toBe('cert_earned');
    expect(result.byPartner.get('A')).toEqual({ level: 'Silver', source: 'computed', revenue: 120000, certified: 2 });
    expect(result.byPartner.get('B')).toEqual({ level: '(none)', source: 'computed', revenue: 600000, certified: 1 });
    // the file's `gold` is matched case-insensitively and spelled as the design spells it.
    expect(result.byPartner.get('C')).toEqual({ level: 'Gold', source: 'partners_file', revenue: 1000, certified: 0 });
    expect(result.byPartner.get('D')).toEqual({ level: '(none)', source: 'computed', revenue: 0, certified: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('warns about a level the design does not know', () => {
    const result = assessLegacyLevels(program, store, [{ id: 'A', legacyLevel: 'Diamond' }]);
    expect(result.byPartner.get('A')?.level).toBe('Diamond');
    expect(result.warnings).toEqual(['legacy level `Diamond` in the partners file is not one of legacy.levels (Silver, Gold)']);
  });
});

describe('assessLegacyLevels without person_id', () => {
  // 120,000 of revenue and 2 cert_earned rows (quantity 1 each) but no person_id column.
  const store = buildStore([
    { partner_id: 'A', date: '2025-03-01', activity: 'deal_closed', amount: 120000 },
    { partner_id: 'A', date: '2025-03-02', activity: 'cert_earned' },
    { partner_id: 'A', date: '2025-03-03', activity: 'cert_earned' },
  ]);

  it('counts certification occurrences and says so when it computes a level', () => {
    const result = assessLegacyLevels(program, store, [{ id: 'A', legacyLevel: '' }]);
    // 2 occurrences ≥ Silver's 2 certified and 120,000 ≥ 100,000 → Silver.
    expect(result.byPartner.get('A')).toEqual({ level: 'Silver', source: 'computed', revenue: 120000, certified: 2 });
    expect(result.warnings).toEqual(['the history has no person_id column: certified people are counted as cert_earned occurrences']);
  });

  it('stays quiet when every level comes from the partners file', () => {
    expect(assessLegacyLevels(program, store, [{ id: 'A', legacyLevel: 'Gold' }]).warnings).toEqual([]);
  });
});
