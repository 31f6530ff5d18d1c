/** The partner statement's formats (`explain --format`), for the CLI and the library. */
import type { Statement } from '../../analysis/statement-types.js';
import type { Formats } from '../formatter.js';
import { statementCsvFormat } from './csv.js';
import { statementJsonFormat } from './json.js';
import { statementMarkdownFormat } from './markdown.js';
import { statementTableFormat } from './table.js';

const registry = {
  table: statementTableFormat,
  markdown: statementMarkdownFormat,
  json: statementJsonFormat,
  csv: statementCsvFormat,
};

export type ExplainFormat = keyof typeof registry;
export const formats: Formats<ExplainFormat, Statement> = registry;
