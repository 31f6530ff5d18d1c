/** The sensitivity report's formats (`sensitivity --format`), for the CLI and the library. */
import type { ReportFormats } from '../formatter.js';
import { sensitivityCsvFormat } from './csv.js';
import { sensitivityHtmlFormat } from './html.js';
import { sensitivityJsonFormat } from './json.js';
import { sensitivityMarkdownFormat } from './markdown.js';
import type { SensitivityModel } from './model.js';
import { sensitivityTableFormat } from './table.js';
import { sensitivityXlsxFormat } from './xlsx.js';

const registry = {
  table: sensitivityTableFormat,
  json: sensitivityJsonFormat,
  markdown: sensitivityMarkdownFormat,
  csv: sensitivityCsvFormat,
  html: sensitivityHtmlFormat,
  xlsx: sensitivityXlsxFormat,
};

export type SensitivityFormat = keyof typeof registry;
export const formats: ReportFormats<SensitivityFormat, SensitivityModel> = registry;
export type { SensitivityModel } from './model.js';
