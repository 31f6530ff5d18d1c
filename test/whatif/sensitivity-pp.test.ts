/**
 * A tornado on a share metric prints its impact in percentage points: the impact is a
 * difference of two shares, and "50.0%" would read as half of the share.
 *
 * fixtures/whatif (Gold at 300 points): P1 has 2 deals of 100 and 3 webinars of 50 capped
 * at 100 in the quarter = 300, Gold; P2 has 100 + 50 = 150. Base: 1 of 2 partners = 50.0%.
 * Deals at 80 (−20%): P1 160 + 100 = 260 < 300, no Gold, 0.0%. Deals at 120: 240 + 100 =
 * 340, 50.0%. Impact = 50.0% − 0.0% = 50.0 pp. Webinars at 40 or 60 still hit P1's cap of
 * 100 and leave P2 far below: 0.0 pp.
 */
import { describe, expect, it } from 'vitest';
import { formatSpread } from '../../src/report/compare/metric-value.js';
import { cli, DESIGN, HISTORY } from './cli-helpers.js';

const sens = (...args: string[]) => cli('sensitivity', DESIGN, '--history', HISTORY, '--metric', 'tiers.Gold.share', '--workers', '0', ...args);

describe('sensitivity impact of a share', () => {
  it('table: 50.0 pp, the low and high still as shares', async () => {
    const r = await sens();
    expect(r.code).toBe(0);
    const deal = r.out.split('\n').find((l) => l.includes('activities.deal.points'));
    expect(deal).toMatch(/│\s+100 │\s+0\.0% │\s+50\.0% │ 50\.0 pp │\s+2\.50 │/);
    expect(r.out.split('\n').find((l) => l.includes('activities.webinar.points'))).toMatch(/│\s+0\.0 pp │/);
  });

  it('markdown: 50.0 pp', async () => {
    const r = await sens('--format', 'markdown');
    expect(r.code).toBe(0);
    expect(r.out).toContain('| `activities.deal.points` | 100 | 0.0% | 50.0% | 50.0 pp | 2.50 |');
  });

  it('formatSpread: pp for shares (one decimal), the metric\'s own unit otherwise', () => {
    expect(formatSpread('share', 0.007, 'USD')).toBe('0.7 pp');
    expect(formatSpread('share', -0.0125, 'USD')).toBe('1.3 pp');
    expect(formatSpread('money', 1500, 'USD')).toBe('$1,500.00');
    expect(formatSpread('share', null, 'USD')).toBe('—');
  });
});
