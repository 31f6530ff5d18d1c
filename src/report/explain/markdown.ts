/**
 * `explain --format markdown`: the statement for a pull request, a wiki or an e-mail.
 * Every text from the design or the partners file goes through `escapeMarkdownCell`.
 */
import type { Statement } from '../../analysis/statement-types.js';
import { markdownText as md } from '../sanitize/index.js';
import { statementSections, type Grid } from './sections.js';
import type { Formatter } from '../formatter.js';

function grid(g: Grid): string[] {
  return [
    `| ${g.head.map(md).join(' | ')} |`,
    `| ${g.align.map((a) => (a === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...g.rows.map((r) => `| ${r.map(md).join(' | ')} |`),
  ];
}

export function renderStatementMarkdown(statement: Statement): string {
  const out: string[] = [`# Statement: ${md(statement.partner)}`, ''];
  statementSections(statement).forEach((section, i) => {
    out.push(`${i === 0 ? '**' : '## '}${md(section.title)}${i === 0 ? '**' : ''}`, '');
    if (section.lines.length > 0) {
      for (const line of section.lines) out.push(line.startsWith('  ') ? `  - ${md(line.trim())}` : `- ${md(line)}`);
      out.push('');
    }
    if (section.grid !== undefined) out.push(...(section.grid.rows.length > 0 ? grid(section.grid) : ['none']), '');
  });
  return out.join('\n');
}

export const statementMarkdownFormat: Formatter<Statement> = {
  description: 'for a pull request, a wiki or an e-mail',
  mediaType: 'text/markdown',
  terminal: false,
  render: (statement) => renderStatementMarkdown(statement),
};
