/** The run report's formats (`run --format`), for the CLI and the library. */
import type { RunSummary } from '../../analysis/summary-types.js';
import type { Formats } from '../formatter.js';
import { runCsvFormat } from './csv.js';
import { runHtmlFormat } from './html.js';
import { runJsonFormat } from './json.js';
import { runMarkdownFormat } from './markdown.js';
import { runTableFormat } from './table.js';

const registry = {
  table: runTableFormat,
  json: runJsonFormat,
  markdown: runMarkdownFormat,
  csv: runCsvFormat,
  html: runHtmlFormat,
};

export type RunFormat = keyof typeof registry;
export const formats: Formats<RunFormat, RunSummary> = registry;
