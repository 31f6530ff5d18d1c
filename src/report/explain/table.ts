/**
 * `explain --format table`: the statement for a terminal. Box tables from cli-table3,
 * colour only through the given Style; text from the design or the partners file has its
 * control characters and bidi marks shown as escapes (src/report/sanitize), so a name can neither break a row nor drive the terminal.
 */
import type { Statement } from '../../analysis/statement-types.js';
import { terminalText } from '../sanitize/index.js';
import { plainStyle, type Style } from '../style.js';
import { headedTable } from '../terminal-table.js';
import { statementSections, type Grid } from './sections.js';
import type { Formatter } from '../formatter.js';

const clean = terminalText;

function grid(style: Style, g: Grid): string {
  return headedTable(style, g.head.map(clean), g.rows.map((r) => r.map(clean)), g.align);
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

export const statementTableFormat: Formatter<Statement> = {
  description: 'for a terminal',
  mediaType: 'text/plain',
  terminal: true,
  render: (statement, { style }) => renderStatementTable(statement, style),
};
