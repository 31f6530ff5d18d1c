/**
 * `explain --format json`: the statement model as JSON (DESIGN §6 keys), two-space
 * indented, newline-terminated.
 */
import { jsonText } from '../sanitize/index.js';
import type { Statement } from '../../analysis/statement-types.js';

export function renderStatementJson(statement: Statement): string {
  return `${jsonText(statement)}\n`;
}
