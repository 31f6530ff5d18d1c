/**
 * explain's "Rules acting" for rounding where the program rounds and for best of tracks,
 * through the real bin on fixtures/rounding and fixtures/tracks.
 */
import { describe, expect, it } from 'vitest';
import { pointsmith } from '../support/bin.js';

interface Explained {
  rule_notes: { period: string; rule: string; text: string; points: number | null }[];
}

describe('explain: rules acting', () => {
  it('points.round at category: 13.333 + 56.65 = 69.983 exact, read as 13.3 + 56.7 = 70.0, which reaches Gold (70)', async () => {
    // person_trained: 2 × 20/3 = 13.333 in Q1 (training); deal_closed: 5,665 / 100 = 56.65 in Q2 (sell).
    const text = await pointsmith('explain', 'fixtures/rounding/program.yaml', '--history', 'fixtures/rounding/history.csv', '--partner', 'acme');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Rounding: tier Gold after 2024-Q4; 70 points in the tier window.');
    expect(text.out).toContain('2024-Q1: category training window total 13.333 rounded to 13.3 (half_up)');
    expect(text.out).toContain('2024-Q2: category sell window total 56.65 rounded to 56.7 (half_up)');
    expect(text.out).toContain('2024-Q2: Registered → Gold');
    const json = await pointsmith('explain', 'fixtures/rounding/program.yaml', '--history', 'fixtures/rounding/history.csv', '--partner', 'acme', '--format', 'json');
    const notes = (JSON.parse(json.out) as Explained).rule_notes;
    expect(notes[0]).toEqual({ period: '2024-Q1', rule: 'points.round', text: 'category training window total 13.333 rounded to 13.3 (half_up)', points: null });
    // Q1 training; Q2-Q4 training and sell (the trailing_4 window keeps both).
    expect(notes).toHaveLength(7);
  });

  it('tracks.mode: best with set: the kept track and what the others reached, every evaluation', async () => {
    // Q1: 1 deal, 2 webinars: sell 300 + 20 = 320, market 100 + 120 = 220, both Registered → sell (higher total).
    // Q2: 2 deals, 2 webinars: sell 620 (< 1000), market 200 + 120 = 320 (Gold at 300) → market (higher tier).
    // Q3: 4 deals: sell 1200 (Gold), market 400 (Gold) → sell. Q4: nothing, a tie → sell (listed first).
    const { code, out } = await pointsmith('explain', 'fixtures/tracks/program.yaml', '--history', 'fixtures/tracks/history.csv', '--partner', 'acme');
    expect(code).toBe(0);
    expect(out).toContain('2024-Q1: track sell kept: Registered on 320 points (market: Registered on 220)');
    expect(out).toContain('2024-Q2: track market kept: Gold on 320 points (sell: Registered on 620)');
    expect(out).toContain('2024-Q3: track sell kept: Gold on 1200 points (market: Gold on 400)');
    expect(out).toContain('2024-Q4: track sell kept: Registered on 0 points (market: Registered on 0)');
    // One balance: 320 + 320 + 1200 = 1,840 earned, nothing redeemed.
    expect(out).toContain('Earned 1,840, redeemed 0, expired 0; balance 1,840.');
  });
});
