/**
 * A heat map as inline SVG (no script, no external font): one cell per row × column,
 * shaded by the cell's share of its row, labelled with the count and that share. The
 * shares of a row are printed as whole percentages that add up to 100% (largest
 * remainder), and a non-zero count whose share rounds to 0 says "<1%", never "0%".
 * Used for the migration matrix (legacy level × new tier).
 */
import { percentTexts } from '../../analysis/transition-shares.js';
import { htmlText as escapeHtml } from '../sanitize/index.js';
import { textWidth } from './text-width.js';

export interface HeatMapInput {
  title: string;
  rowTitle: string;
  columnTitle: string;
  rows: readonly string[];
  columns: readonly string[];
  counts: readonly (readonly number[])[];
  /** 0..1, shades the cell. */
  shares: readonly (readonly number[])[];
  /** How a count is printed in its cell (default: as is). */
  format?: (count: number) => string;
  /** Cells to outline (the diagonal: same level). */
  highlight?: (row: number, column: number) => boolean;
}

const CELL_W = 96;
const CELL_H = 44;
const FONT = 12;

/** White to a deep blue; the label turns white on the darker half. */
export function shade(share: number): string {
  const t = Math.max(0, Math.min(1, share));
  const from = [0xf4, 0xf8, 0xfc];
  const to = [0x0b, 0x3d, 0x7a];
  const channel = (i: number): string =>
    Math.round((from[i] ?? 0) + ((to[i] ?? 0) - (from[i] ?? 0)) * t)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

export function heatMapSvg(input: HeatMapInput): string {
  const labelW = Math.max(80, ...input.rows.map((r) => textWidth(r, FONT) + 16)) + 24;
  const top = 56;
  const width = labelW + input.columns.length * CELL_W + 8;
  const height = top + input.rows.length * CELL_H + 8;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart heat-map" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="${FONT}">`,
    `<title>${escapeHtml(input.title)}</title>`,
    `<text x="${labelW + (input.columns.length * CELL_W) / 2}" y="14" text-anchor="middle" font-weight="600" fill="#333">${escapeHtml(input.columnTitle)} →</text>`,
    `<text x="4" y="${top - 8}" font-weight="600" fill="#333">${escapeHtml(input.rowTitle)} ↓</text>`,
  );
  input.columns.forEach((column, c) => {
    parts.push(
      `<text x="${labelW + c * CELL_W + CELL_W / 2}" y="${top - 10}" text-anchor="middle" fill="#333">${escapeHtml(column)}</text>`,
    );
  });
  input.rows.forEach((row, r) => {
    const y = top + r * CELL_H;
    const percents = percentTexts(input.columns.map((_, c) => input.counts[r]?.[c] ?? 0));
    parts.push(`<text x="${labelW - 8}" y="${y + CELL_H / 2 + 4}" text-anchor="end" fill="#333">${escapeHtml(row)}</text>`);
    input.columns.forEach((_column, c) => {
      const x = labelW + c * CELL_W;
      const count = input.counts[r]?.[c] ?? 0;
      const share = input.shares[r]?.[c] ?? 0;
      const dark = share > 0.5;
      const outline = input.highlight?.(r, c) === true ? ' stroke="#e07a00" stroke-width="2.5"' : ' stroke="#ffffff" stroke-width="1"';
      parts.push(
        `<rect class="cell" x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" rx="3" fill="${shade(share)}"${outline}/>`,
        `<text x="${x + CELL_W / 2}" y="${y + 19}" text-anchor="middle" font-weight="600" fill="${dark ? '#ffffff' : '#1a1a1a'}">${escapeHtml(input.format?.(count) ?? String(count))}</text>`,
        `<text x="${x + CELL_W / 2}" y="${y + 34}" text-anchor="middle" font-size="10" fill="${dark ? '#e8eef6' : '#555555'}">${escapeHtml(percents[c] ?? '')}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}
