/** The run report's formats (`run --format`), for the CLI and the library. */
import type { RunSummary } from '../../analysis/summary-types.js';
import type { ReportFormats } from '../formatter.js';
import { runCsvFormat } from './csv.js';
import { runHtmlFormat } from './html.js';
import { runJsonFormat } from './json.js';
import { runMarkdownFormat } from './markdown.js';
import { runTableFormat } from './table.js';
import { runXlsxFormat } from './xlsx.js';

const registry = {
  table: runTableFormat,
  json: runJsonFormat,
  markdown: runMarkdownFormat,
  csv: runCsvFormat,
  html: runHtmlFormat,
  xlsx: runXlsxFormat,
};

export type RunFormat = keyof typeof registry;
export const formats: ReportFormats<RunFormat, RunSummary> = registry;
