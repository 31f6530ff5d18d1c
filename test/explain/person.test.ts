/**
 * `explain --person`: a seller's statement from the seller programme, on the hand fixture
 * fixtures/sellers/ (figures worked out in test/run/sellers.test.ts's header):
 *
 *   acme/ann  Q1 deal 10,000 → 2 × 10 = 20 + demo 20 = 40; Q2 deal 20,000 → 40: earned 80.
 *             Redeemed 2 cards in Q1 and 2 in Q2 (4 × 10 = 40); the Q2 lot's 40 expire at
 *             the end of Q4 (two quarters after its own): expired 40, balance 0.
 *   Level Rep (80 < Star's 100): 20 points short; the dearest-first plan prices one deal at
 *   the history's average deal (10,000 + 20,000 + 5,000 + 30,000 + 10,000) / 5 = 15,000 →
 *   2 × 15 = 30 points.
 * The statement equals the seller's line in run (the same replay, keyed by seller).
 */
import { describe, expect, it } from 'vitest';
import type { Statement } from '../../src/analysis/statement-types.js';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { pointsmith } from '../support/bin.js';

const DESIGN = 'fixtures/sellers/program.yaml';
const H = ['--history', 'fixtures/sellers/history.csv', '--partners', 'fixtures/sellers/partners.csv'];

describe('explain --person', () => {
  it("gives a seller's statement, agreeing with run's seller line", async () => {
    const r = await pointsmith('explain', DESIGN, ...H, '--person', 'acme/ann', '--format', 'json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as Statement;
    expect(s.partner).toBe('acme/ann');
    expect(s.totals).toMatchObject({ earned: 80, redeemed: 40, expired: 40, balance: 0 });
    expect(s.tier).toBe('Rep');
    const run = JSON.parse((await pointsmith('run', DESIGN, ...H, '--format', 'json')).out) as RunSummary & { sellers: { top: { seller: string; earned: number; redeemed: number; balance: number }[] } };
    const line = run.sellers.top.find((x) => x.seller === 'acme/ann');
    expect(line).toMatchObject({ earned: s.totals.earned, redeemed: s.totals.redeemed, balance: s.totals.balance });
    const table = await pointsmith('explain', DESIGN, ...H, '--person', 'acme/ann');
    expect(table.out).toContain('1 × deal_closed (30 pts each: a deal of USD 15,000) → 30 points');
  });

  it('takes a person id alone when one firm has it', async () => {
    const r = await pointsmith('explain', DESIGN, ...H, '--person', 'bob', '--format', 'json');
    expect(r.code).toBe(0);
    // acme/bob: Q1 demo 20 + cert 20, Q3 deal 30,000 → 60: earned 100, Star.
    expect(JSON.parse(r.out)).toMatchObject({ partner: 'acme/bob', tier: 'Star', totals: { earned: 100 } });
  });

  it('refuses an ambiguous, unknown or missing seller, and a design without sellers (exit 2, no stack)', async () => {
    const ambiguous = await pointsmith('explain', DESIGN, ...H, '--person', 'ann');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain('person `ann` sells for several partners: `acme/ann`, `bolt/ann`');
    const unknown = await pointsmith('explain', DESIGN, ...H, '--person', 'acme/anne');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('did you mean `acme/ann`?');
    const neither = await pointsmith('explain', DESIGN, ...H);
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('explain needs --partner ID (a firm) or --person ID (a seller)');
    const both = await pointsmith('explain', DESIGN, ...H, '--partner', 'acme', '--person', 'acme/ann');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--partner and --person name two statements');
    const firmOnly = await pointsmith('explain', 'fixtures/changes/program.yaml', '--history', 'fixtures/changes/history.csv', '--person', 'x');
    expect(firmOnly.code).toBe(2);
    expect(firmOnly.err).toContain('has no seller programme (`individuals:`)');
    expect(`${ambiguous.err}${unknown.err}${neither.err}${both.err}${firmOnly.err}`).not.toMatch(/\n\s+at /);
  });
});
