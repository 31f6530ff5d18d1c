/**
 * `explain --format json`: the statement model as JSON (DESIGN §6 keys), two-space
 * indented, newline-terminated.
 */
import type { Statement } from '../../analysis/statement-types.js';

export function renderStatementJson(statement: Statement): string {
  return `${JSON.stringify(statement, null, 2)}\n`;
}
