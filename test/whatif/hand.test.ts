/**
 * Doubling one activity's points on the engine's hand fixture (fixtures/hand/, whose
 * every number is derived in test/engine/hand.test.ts). Total points earned as written:
 * acme 685 + bolt 445 + cirrus 0 = 1130.
 */
import { describe, expect, it } from 'vitest';
import { stderrBesidesHandDates } from '../support/hand-stderr.js';
import { cli } from './cli-helpers.js';

const HAND = ['fixtures/hand/program.yaml', '--history', 'fixtures/hand/history.csv', '--partners', 'fixtures/hand/partners.csv'];

async function earnedAt(path: string, values: string): Promise<number[]> {
  const r = await cli('sensitivity', ...HAND, '--sweep', `${path}=${values}`, '--metric', 'points.earned', '--format', 'json');
  expect(stderrBesidesHandDates(r.err)).toBe('');
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out) as { rows: { values: Record<string, number> }[] };
  return doc.rows.map((row) => row.values['points.earned'] ?? Number.NaN);
}

describe('doubling one weight on the hand fixture', () => {
  it('moves total points by exactly the activity\'s contribution when no cap binds', async () => {
    // new_customer scores 100 once, for acme in Q1 (K1; the repeat of K1 is not distinct, K2 fails
    // `where amount ≥ 1000`). acme starts Q1 Registered (earn ×1) and the decision category has no
    // cap, so 100 → 200 credits 200. acme is Silver at Q1 either way (350 or 450 ≥ 300), and the
    // Q3 window (Q2 + Q3 = 275) does not contain Q1, so no tier, accelerator or grace changes:
    // 1130 + 100 = 1230, exactly new_customer's contribution.
    expect(await earnedAt('activities.new_customer.points', '100,200')).toEqual([1130, 1230]);
  });

  it('moves them by less when a cap binds', async () => {
    // webinar_hosted contributes 175 as written: acme Q1 100 (50 + 50, the third clipped by the
    // activity cap of 100 per period) and bolt Q4 75 (50 × the Silver accelerator 1.5).
    // Doubled to 100: acme Q1 100 + 100 + 100 = 300 is clipped to the same 100 by the per-period
    // cap (+0); bolt Q4 100 × 1.5 = 150 is clipped to 100 by the same cap (+25; the awareness
    // category cap, 150 in the Q3..Q4 window, has room). Bolt stays Silver and Q4 is the last
    // period, so nothing else moves: 1130 + 25 = 1155, not the 1130 + 175 the doubling suggests.
    expect(await earnedAt('activities.webinar_hosted.points', '50,100')).toEqual([1130, 1155]);
  });
});
