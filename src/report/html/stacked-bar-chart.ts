/**
 * Stacked vertical bars as inline SVG: one bar per category (a period), one segment per
 * series (a tier), low series at the bottom, the bar's total above it and a legend.
 * Readable without script and in print. Every segment carries its series, category and
 * exact value as data attributes, so the drawn numbers can be read back and checked.
 */
import { htmlText as escapeHtml } from '../sanitize/index.js';
import { textWidth } from './text-width.js';

export interface StackedSeries {
  name: string;
  color: string;
  /** One value per category. */
  values: readonly number[];
}

export interface StackedBarChartInput {
  title: string;
  categories: readonly string[];
  series: readonly StackedSeries[];
  format: (value: number) => string;
}

const FONT = 12;
const PLOT_H = 200;
const MIN_BAR_W = 40;
const GAP = 14;

export function stackedBarChartSvg(input: StackedBarChartInput): string {
  const totals = input.categories.map((_, c) => input.series.reduce((sum, s) => sum + Math.max(0, s.values[c] ?? 0), 0));
  const max = Math.max(0, ...totals);
  // A bar is as wide as its period label and its total, so no two labels overlap (the SVG
  // scales down to the page, not its labels apart).
  const barW = Math.max(MIN_BAR_W, ...totals.map((t) => textWidth(input.format(t), 10) + 6), ...input.categories.map((c) => textWidth(c, 11) + 2));
  const left = 16;
  let legendX = left;
  let legendRow = 0;
  const legend: string[] = [];
  const rowWidth = Math.max(360, left + input.categories.length * (barW + GAP));
  for (const s of input.series) {
    const w = 18 + textWidth(s.name, FONT) + 18;
    if (legendX > left && legendX + w > rowWidth) {
      legendRow += 1;
      legendX = left;
    }
    const y = 6 + legendRow * 20;
    legend.push(`<rect x="${legendX}" y="${y}" width="12" height="12" fill="${s.color}"/>`, `<text x="${legendX + 18}" y="${y + 10}" fill="#333">${escapeHtml(s.name)}</text>`);
    legendX += w;
  }
  const top = 6 + (legendRow + 1) * 20 + 18;
  const base = top + PLOT_H;
  const labelH = 24;
  const width = Math.max(rowWidth, left + input.categories.length * (barW + GAP)) + 8;
  const height = base + labelH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart stacked-bar-chart" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="${FONT}">`,
    `<title>${escapeHtml(input.title)}</title>`,
    ...legend,
    `<line x1="${left}" y1="${base}" x2="${width - 8}" y2="${base}" stroke="#999" stroke-width="1"/>`,
  ];
  input.categories.forEach((category, c) => {
    const x = left + c * (barW + GAP);
    let y = base;
    for (const s of input.series) {
      const value = s.values[c] ?? 0;
      const h = max > 0 ? (Math.max(0, value) / max) * PLOT_H : 0;
      y -= h;
      parts.push(
        `<rect class="segment" data-series="${escapeHtml(s.name)}" data-category="${escapeHtml(category)}" data-value="${value}" x="${x}" y="${y.toFixed(1)}" width="${barW}" height="${h.toFixed(1)}" fill="${s.color}" stroke="#ffffff" stroke-width="0.5"><title>${escapeHtml(`${category}, ${s.name}: ${input.format(value)}`)}</title></rect>`,
      );
    }
    parts.push(`<text x="${x + barW / 2}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-size="10" fill="#333">${escapeHtml(input.format(totals[c] ?? 0))}</text>`);
    const lx = x + barW / 2;
    parts.push(`<text x="${lx}" y="${base + 16}" text-anchor="middle" font-size="11" fill="#333">${escapeHtml(category)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Colours for tiers, low to high: light to the accent blue. */
export function tierColors(count: number): string[] {
  const ramp = ['#c9d3e0', '#8fa6c4', '#5b7fae', '#2f5d94', '#0b3d7a', '#062a55'];
  // Spread over the ramp, so the lowest tier is always the lightest and the highest the darkest.
  if (count <= 1) return ['#0b3d7a'];
  if (count <= ramp.length) return Array.from({ length: count }, (_, i) => ramp[Math.round((i * (ramp.length - 1)) / (count - 1))] ?? '#0b3d7a');
  return Array.from({ length: count }, (_, i) => ramp[Math.min(ramp.length - 1, Math.floor((i * ramp.length) / count))] ?? '#0b3d7a');
}
