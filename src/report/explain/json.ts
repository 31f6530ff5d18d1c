/**
 * `explain --format json`: the statement model as JSON (DESIGN §6 keys), two-space
 * indented, newline-terminated.
 */
import { jsonText } from '../sanitize/index.js';
import type { Statement } from '../../analysis/statement-types.js';
import type { Formatter } from '../formatter.js';

export function renderStatementJson(statement: Statement): string {
  return `${jsonText(statement)}\n`;
}

export const statementJsonFormat: Formatter<Statement> = {
  description: 'the statement for tools (its keys are a contract)',
  mediaType: 'application/json',
  terminal: false,
  render: (statement) => renderStatementJson(statement),
};
