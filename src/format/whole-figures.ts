/**
 * Figures as the transition report, the statements and the executive summary show them
 * (the summary is written in src/analysis, so this lives beside, not under, src/report). Counts and points come
 * from the shared report formats (fixed en-US grouping: the bytes never depend on the
 * machine's locale); money is shown in whole units, because a report comparing two
 * programs' yearly cost reads better without cents (JSON and CSV keep the cents).
 */
import { formatCount, formatPoints } from './number.js';

export { formatCount, formatPoints };

const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** USD 1,234 */
export function formatMoney(value: number, currency: string): string {
  const rounded = Math.round(value);
  return `${rounded < 0 ? '-' : ''}${currency} ${money.format(Math.abs(rounded))}`;
}

/** 0.6234 → 62%; above 0 but below 0.5% → "<1%". */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/** +12% / -3% for a relative change. */
export function formatChange(share: number): string {
  const pct = Math.round(share * 100);
  return `${pct > 0 ? '+' : ''}${pct}%`;
}

/** 1.2M / 345k / 980: chart labels, where the full figure is in the table beside. */
export function formatCompact(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (abs >= 1e6) return `${sign}${trim(abs / 1e6)}M`;
  if (abs >= 1e3) return `${sign}${trim(abs / 1e3)}k`;
  return `${sign}${Math.round(abs)}`;
}

function trim(value: number): string {
  return value >= 100 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
}
