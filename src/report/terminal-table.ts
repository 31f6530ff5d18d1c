/**
 * The terminal tables of every report, drawn alike: a box with a rule under the header
 * row and none between body rows (cli-table3 draws either every row rule or none, so
 * the header rule is drawn from the top border).
 */
import Table from 'cli-table3';
import type { Style } from './style.js';

export type Align = 'left' | 'right' | 'center';

const NO_ROW_RULES = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

export function headedTable(style: Style, head: readonly string[], rows: readonly string[][], align: readonly Align[]): string {
  const t = new Table({ colAligns: [...align], style: { head: [], border: [] }, chars: NO_ROW_RULES });
  t.push(head.map((h) => style.bold(h)), ...rows);
  const lines = t.toString().split('\n');
  const top = lines[0] ?? '';
  lines.splice(2, 0, top.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤'));
  return lines.join('\n');
}

/** Label on the left, figure on the right, no header. */
export function keyValueTable(rows: readonly [string, string][]): string {
  const t = new Table({ colAligns: ['left', 'right'], style: { head: [], border: [] }, chars: NO_ROW_RULES });
  t.push(...rows.map(([k, v]) => [k, v]));
  return t.toString();
}
