/**
 * `explain --format table`: the statement for a terminal. Box tables from cli-table3,
 * colour only through the given Style; text from the design or the partners file has its
 * control characters replaced, so a name can neither break a row nor drive the terminal.
 */
import Table from 'cli-table3';
import type { Statement } from '../../analysis/statement-types.js';
import { plainStyle, type Style } from '../style.js';
import { statementSections, type Grid } from './sections.js';

const clean = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function grid(style: Style, g: Grid): string {
  const t = new Table({ colAligns: g.align, style: { head: [], border: [] }, chars: COMPACT });
  t.push(g.head.map((h) => style.bold(clean(h))), ...g.rows.map((r) => r.map(clean)));
  const lines = t.toString().split('\n');
  const top = lines[0] ?? '';
  lines.splice(2, 0, top.replace('┌', '├').replace(/┬/g, '┼').replace('┐', '┤'));
  return lines.join('\n');
}

export function renderStatementTable(statement: Statement, style: Style = plainStyle): string {
  const blocks = statementSections(statement).map((section) => {
    const parts = [style.bold(clean(section.title))];
    for (const line of section.lines) parts.push(clean(line));
    if (section.grid !== undefined) parts.push(section.grid.rows.length > 0 ? grid(style, section.grid) : 'none');
    return parts.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}
