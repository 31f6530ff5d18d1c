/**
 * A histogram as inline SVG: how many runs fell in each of a few equal-width bins, with
 * vertical markers at given values (P10, P50, P90) labelled with the value. Readable
 * without script and in print. Each bin carries its bounds and count, and each marker its
 * exact value (`data-value`, the number the report's JSON holds), so what is drawn can be
 * read back and checked.
 */
import { htmlText as escapeHtml } from '../sanitize/index.js';
import { textWidth } from './text-width.js';

export interface HistogramMarker {
  label: string;
  value: number;
}

export interface HistogramInput {
  title: string;
  /** The runs' values (any order). */
  values: readonly number[];
  markers: readonly HistogramMarker[];
  format: (value: number) => string;
  /** How many bins; fewer when there are fewer distinct values to spread. */
  bins?: number;
}

const FONT = 12;
const PLOT_W = 440;
const PLOT_H = 150;
const BAR = '#8fa6c4';
const MARK = '#0b3d7a';

export interface Bin {
  from: number;
  to: number;
  runs: number;
}

/** Equal-width bins from the lowest value to the highest; the last bin holds its upper bound. */
export function binValues(values: readonly number[], count: number): Bin[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (hi === lo) return [{ from: lo, to: hi, runs: values.length }];
  const width = (hi - lo) / count;
  const bins = Array.from({ length: count }, (_, i) => ({ from: lo + i * width, to: i === count - 1 ? hi : lo + (i + 1) * width, runs: 0 }));
  for (const v of values) {
    const i = Math.min(count - 1, Math.floor((v - lo) / width));
    const bin = bins[i];
    if (bin !== undefined) bin.runs += 1;
  }
  return bins;
}

export function histogramSvg(input: HistogramInput): string {
  const bins = binValues(input.values, Math.max(1, Math.min(input.bins ?? 20, new Set(input.values).size)));
  const left = 16;
  const top = 40;
  const width = left + PLOT_W + 16;
  const base = top + PLOT_H;
  const height = base + 40;
  const lo = bins[0]?.from ?? 0;
  const hi = bins[bins.length - 1]?.to ?? 0;
  const span = hi - lo;
  // One value per x: a single-valued spread draws one bar across the middle.
  const x = (v: number): number => left + (span > 0 ? ((v - lo) / span) * PLOT_W : PLOT_W / 2);
  const most = Math.max(1, ...bins.map((b) => b.runs));
  const binW = span > 0 ? PLOT_W / bins.length : 40;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart histogram" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="${FONT}">`,
    `<title>${escapeHtml(input.title)}</title>`,
    `<line x1="${left}" y1="${base}" x2="${left + PLOT_W}" y2="${base}" stroke="#999" stroke-width="1"/>`,
  ];
  for (const b of bins) {
    const h = (b.runs / most) * PLOT_H;
    const bx = span > 0 ? x(b.from) : x(lo) - binW / 2;
    parts.push(
      `<rect class="bin" data-from="${b.from}" data-to="${b.to}" data-runs="${b.runs}" x="${bx.toFixed(1)}" y="${(base - h).toFixed(1)}" width="${Math.max(1, binW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${BAR}"><title>${escapeHtml(`${input.format(b.from)} to ${input.format(b.to)}: ${b.runs} runs`)}</title></rect>`,
    );
  }
  // Marker labels alternate above the plot in two rows, so close percentiles stay legible.
  input.markers.forEach((m, i) => {
    const mx = x(m.value);
    const text = `${m.label} ${input.format(m.value)}`;
    const half = textWidth(text, 11) / 2;
    const tx = Math.min(Math.max(mx, left + half), left + PLOT_W - half);
    const ty = i % 2 === 0 ? 14 : 30;
    parts.push(
      `<line class="marker" data-marker="${escapeHtml(m.label)}" data-value="${m.value}" x1="${mx.toFixed(1)}" y1="${ty + 4}" x2="${mx.toFixed(1)}" y2="${base}" stroke="${MARK}" stroke-width="2" stroke-dasharray="${m.label === 'P50' ? '' : '4 3'}"/>`,
      `<text x="${tx.toFixed(1)}" y="${ty}" text-anchor="middle" font-size="11" fill="${MARK}">${escapeHtml(text)}</text>`,
    );
  });
  parts.push(
    `<text x="${left}" y="${base + 16}" font-size="11" fill="#333">${escapeHtml(input.format(lo))}</text>`,
    `<text x="${left + PLOT_W}" y="${base + 16}" text-anchor="end" font-size="11" fill="#333">${escapeHtml(input.format(hi))}</text>`,
    `<text x="${left + PLOT_W / 2}" y="${base + 32}" text-anchor="middle" font-size="11" fill="#5a6270">${escapeHtml(`runs per bin (tallest: ${most})`)}</text>`,
    '</svg>',
  );
  return parts.join('');
}
