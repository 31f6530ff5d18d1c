/**
 * A metric's value as people read it, by its kind: money in the design's currency,
 * shares as percentages, points with two decimals, reward units and counts whole
 * (partners redeem whole units; an expectation of 92.25 units reads as 92). Shared by
 * the what-if reports (compare, sensitivity, simulate, check) so they agree.
 */
import type { MetricKind } from '../../analysis/metrics.js';
import { formatCount, formatMoney, formatPercent, formatPoints } from '../../format/number.js';

export function formatMetric(kind: MetricKind, value: number | null, currency: string): string {
  if (value === null) return '—';
  switch (kind) {
    case 'money':
      return formatMoney(value, currency);
    case 'share':
      return formatPercent(value);
    case 'count':
    case 'units':
      return formatCount(value);
    default:
      return formatPoints(value);
  }
}

/** A change, always signed: `+$12.00`, `−3.5 pp` for shares (percentage points), `+0` for none. */
export function formatDelta(kind: MetricKind, delta: number | null, currency: string): string {
  if (delta === null) return '—';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const magnitude = Math.abs(delta);
  // One decimal always, so a column of changes lines up (+3.0 pp beside +4.7 pp).
  if (kind === 'share') return `${sign}${(Math.round(magnitude * 1000) / 10).toFixed(1)} pp`;
  return `${sign}${formatMetric(kind, magnitude, currency)}`;
}

/**
 * A distance between two values of a metric, unsigned (the impact of a tornado bar): for a
 * share it is a difference of percentages, so percentage points (`0.7 pp`), never `0.7%`,
 * which would read as a change relative to the share.
 */
export function formatSpread(kind: MetricKind, spread: number | null, currency: string): string {
  if (spread === null) return '—';
  if (kind === 'share') return `${(Math.round(Math.abs(spread) * 1000) / 10).toFixed(1)} pp`;
  return formatMetric(kind, spread, currency);
}

/** A relative change: `+8.8%`, `−100.0%`; `—` when the base was 0. */
export function formatChange(share: number | null): string {
  if (share === null) return '—';
  const sign = share > 0 ? '+' : share < 0 ? '−' : '±';
  return `${sign}${formatPercent(Math.abs(share))}`;
}
