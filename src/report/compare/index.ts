/** The comparison's formats (`compare --format`), for the CLI and the library. */
import type { ReportFormats } from '../formatter.js';
import { compareCsvFormat } from './csv.js';
import { compareHtmlFormat } from './html.js';
import { compareJsonFormat } from './json.js';
import { compareMarkdownFormat } from './markdown.js';
import type { CompareModel } from './model.js';
import { compareTableFormat } from './table.js';
import { compareXlsxFormat } from './xlsx.js';

const registry = {
  table: compareTableFormat,
  json: compareJsonFormat,
  markdown: compareMarkdownFormat,
  csv: compareCsvFormat,
  html: compareHtmlFormat,
  xlsx: compareXlsxFormat,
};

export type CompareFormat = keyof typeof registry;
export const formats: ReportFormats<CompareFormat, CompareModel> = registry;
export type { CompareModel } from './model.js';
