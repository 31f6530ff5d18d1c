/**
 * A tornado as inline SVG: one row per weight, largest impact first, a centre line at the
 * base value, a bar from the base to the metric with the weight lowered and one to the
 * metric with it raised, each labelled with its value. Readable without script and in
 * print; the two sides' colours are named in the legend. Every bar carries its row, side
 * and exact value (`data-value`, the number the report's JSON holds), so what is drawn
 * can be read back and checked.
 */
import { htmlText as escapeHtml } from '../sanitize/index.js';
import { textWidth } from './text-width.js';

export interface TornadoChartRow {
  label: string;
  low: number | null;
  high: number | null;
}

export interface TornadoChartInput {
  title: string;
  base: number;
  rows: readonly TornadoChartRow[];
  /** Legend names of the two sides (`weight −20%`, `weight +20%`). */
  lowName: string;
  highName: string;
  format: (value: number) => string;
}

const FONT = 12;
const ROW_H = 24;
const PLOT_W = 420;
const LOW = '#8fa6c4';
const HIGH = '#0b3d7a';
/** Longest row label drawn whole; longer ones are cut with … (the full path is in the bar's tooltip and the table). */
const MAX_LABEL = 44;

export function tornadoChartSvg(input: TornadoChartInput): string {
  const cut = (s: string): string => ([...s].length > MAX_LABEL ? `${[...s].slice(0, MAX_LABEL - 1).join('')}…` : s);
  const labelW = Math.max(60, ...input.rows.map((r) => textWidth(cut(r.label), FONT))) + 12;
  const valueW = Math.max(60, ...input.rows.flatMap((r) => [r.low, r.high]).map((v) => (v === null ? 0 : textWidth(input.format(v), 10)))) + 8;
  const left = 8 + labelW + valueW;
  const top = 58;
  const width = left + PLOT_W + valueW + 8;
  const height = top + input.rows.length * ROW_H + 12;
  const spread = Math.max(0, ...input.rows.flatMap((r) => [r.low, r.high]).map((v) => (v === null ? 0 : Math.abs(v - input.base))));
  const centre = left + PLOT_W / 2;
  const x = (v: number): number => centre + (spread > 0 ? ((v - input.base) / spread) * (PLOT_W / 2) : 0);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart tornado" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="${FONT}">`,
    `<title>${escapeHtml(input.title)}</title>`,
    `<rect x="8" y="6" width="12" height="12" fill="${LOW}"/>`,
    `<text x="26" y="16" fill="#333">${escapeHtml(input.lowName)}</text>`,
    `<rect x="${40 + textWidth(input.lowName, FONT)}" y="6" width="12" height="12" fill="${HIGH}"/>`,
    `<text x="${58 + textWidth(input.lowName, FONT)}" y="16" fill="#333">${escapeHtml(input.highName)}</text>`,
    `<text class="base" data-value="${input.base}" x="${centre}" y="${top - 10}" text-anchor="middle" fill="#333">${escapeHtml(`base ${input.format(input.base)}`)}</text>`,
    `<line x1="${centre}" y1="${top - 4}" x2="${centre}" y2="${height - 8}" stroke="#333" stroke-width="1"/>`,
  ];
  input.rows.forEach((row, i) => {
    const y = top + i * ROW_H;
    parts.push(`<text x="${8 + labelW - 8}" y="${y + ROW_H / 2 + 4}" text-anchor="end" fill="#333">${escapeHtml(cut(row.label))}</text>`);
    for (const [side, value, color] of [['low', row.low, LOW], ['high', row.high, HIGH]] as const) {
      if (value === null) continue;
      const a = Math.min(x(value), centre);
      const b = Math.max(x(value), centre);
      const w = Math.max(value === input.base ? 0 : 1, b - a);
      const after = value >= input.base;
      parts.push(
        `<rect class="side" data-row="${escapeHtml(row.label)}" data-side="${side}" data-value="${value}" x="${a.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW_H - 8}" fill="${color}" fill-opacity="${side === 'low' ? 1 : 0.85}"><title>${escapeHtml(`${row.label}, ${side === 'low' ? input.lowName : input.highName}: ${input.format(value)}`)}</title></rect>`,
        `<text x="${(after ? b + 4 : a - 4).toFixed(1)}" y="${y + ROW_H / 2 + 4}" text-anchor="${after ? 'start' : 'end'}" font-size="10" fill="#333">${escapeHtml(input.format(value))}</text>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('');
}
