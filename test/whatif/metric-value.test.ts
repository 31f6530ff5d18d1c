import { describe, expect, it } from 'vitest';
import { formatCounted } from '../../src/format/number.js';
import { formatDelta } from '../../src/report/compare/metric-value.js';

describe('formatDelta', () => {
  it('shows a share change in percentage points with one decimal, so a column lines up', () => {
    // 0.658 − 0.628 = 0.030 → 3.0 pp; 0.982 − 0.935 = 0.047 → 4.7 pp; −0.005 → 0.5 pp down.
    expect(formatDelta('share', 0.658 - 0.628, 'USD')).toBe('+3.0 pp');
    expect(formatDelta('share', 0.982 - 0.935, 'USD')).toBe('+4.7 pp');
    expect(formatDelta('share', -0.005, 'USD')).toBe('−0.5 pp');
    expect(formatDelta('share', 0, 'USD')).toBe('±0.0 pp');
  });
});

describe('formatCounted', () => {
  it('says 1 partner but 2,000 partners and 0 events', () => {
    expect([formatCounted(1, 'partner'), formatCounted(2000, 'partner'), formatCounted(0, 'event')]).toEqual(['1 partner', '2,000 partners', '0 events']);
  });
});
