/**
 * Grouped vertical bars as inline SVG: one group per category (a tier, "Cost"...), one
 * bar per series (before / after), value labels above the bars and a legend. Readable
 * without script and in print; colours are paired with the legend text, never alone.
 * Each bar carries its series, category and exact value as data attributes (`data-value`
 * is the number the report's JSON holds), so what is drawn can be read back and checked.
 */
import { htmlText as escapeHtml } from '../sanitize/index.js';
import { textWidth } from './text-width.js';

export interface BarSeries {
  name: string;
  color: string;
  values: readonly number[];
}

export interface BarChartInput {
  title: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** How a value is labelled above its bar. */
  format: (value: number) => string;
}

const FONT = 12;
const PLOT_H = 180;
const MIN_BAR_W = 34;
const GAP = 26;

export function barChartSvg(input: BarChartInput): string {
  const values = input.series.flatMap((s) => s.values);
  const max = Math.max(0, ...values);
  // A bar is at least as wide as its value label, so neighbouring labels never overlap.
  const BAR_W = Math.max(MIN_BAR_W, ...values.map((v) => textWidth(input.format(v), 10) + 8));
  const groupW = Math.max(
    input.series.length * BAR_W + 8,
    ...input.categories.map((c) => textWidth(c, FONT) + 8),
  );
  const left = 16;
  const legendH = 26;
  const top = legendH + 22;
  const width = left + input.categories.length * (groupW + GAP) + 8;
  const height = top + PLOT_H + 30;
  const base = top + PLOT_H;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="${FONT}">`,
    `<title>${escapeHtml(input.title)}</title>`,
  );
  let legendX = left;
  for (const s of input.series) {
    parts.push(
      `<rect x="${legendX}" y="6" width="12" height="12" fill="${s.color}"/>`,
      `<text x="${legendX + 18}" y="16" fill="#333">${escapeHtml(s.name)}</text>`,
    );
    legendX += 18 + textWidth(s.name, FONT) + 18;
  }
  parts.push(`<line x1="${left}" y1="${base}" x2="${width - 8}" y2="${base}" stroke="#999" stroke-width="1"/>`);
  input.categories.forEach((category, c) => {
    const groupX = left + c * (groupW + GAP);
    const barsW = input.series.length * BAR_W;
    const startX = groupX + (groupW - barsW) / 2;
    input.series.forEach((s, k) => {
      const value = s.values[c] ?? 0;
      const h = max > 0 ? Math.max(value > 0 ? 1 : 0, (value / max) * PLOT_H) : 0;
      const x = startX + k * BAR_W;
      parts.push(
        `<rect class="bar" data-series="${escapeHtml(s.name)}" data-category="${escapeHtml(category)}" data-value="${value}" x="${x + 2}" y="${(base - h).toFixed(1)}" width="${BAR_W - 4}" height="${h.toFixed(1)}" fill="${s.color}"><title>${escapeHtml(`${s.name}, ${category}: ${input.format(value)}`)}</title></rect>`,
        `<text x="${x + BAR_W / 2}" y="${(base - h - 4).toFixed(1)}" text-anchor="middle" font-size="10" fill="#333">${escapeHtml(input.format(value))}</text>`,
      );
    });
    parts.push(`<text x="${groupX + groupW / 2}" y="${base + 18}" text-anchor="middle" fill="#333">${escapeHtml(category)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
