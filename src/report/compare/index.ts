/** The comparison's formats (`compare --format`), for the CLI and the library. */
import type { Formats } from '../formatter.js';
import { compareCsvFormat } from './csv.js';
import { compareHtmlFormat } from './html.js';
import { compareJsonFormat } from './json.js';
import { compareMarkdownFormat } from './markdown.js';
import type { CompareModel } from './model.js';
import { compareTableFormat } from './table.js';

const registry = {
  table: compareTableFormat,
  json: compareJsonFormat,
  markdown: compareMarkdownFormat,
  csv: compareCsvFormat,
  html: compareHtmlFormat,
};

export type CompareFormat = keyof typeof registry;
export const formats: Formats<CompareFormat, CompareModel> = registry;
export type { CompareModel } from './model.js';
