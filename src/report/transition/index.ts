/** The transition report's formats (`transition --format`), for the CLI and the library. */
import type { TransitionReport } from '../../analysis/transition-types.js';
import type { ReportFormats } from '../formatter.js';
import { transitionCsvFormat } from './csv.js';
import { transitionHtmlFormat } from './html.js';
import { transitionJsonFormat } from './json.js';
import { transitionMarkdownFormat } from './markdown.js';
import type { TransitionFormatOptions } from './selection.js';
import { transitionXlsxFormat } from './xlsx.js';

const registry = {
  markdown: transitionMarkdownFormat,
  html: transitionHtmlFormat,
  json: transitionJsonFormat,
  csv: transitionCsvFormat,
  xlsx: transitionXlsxFormat,
};

export type TransitionFormat = keyof typeof registry;
export const formats: ReportFormats<TransitionFormat, TransitionReport, TransitionFormatOptions> = registry;
export type { TransitionFormatOptions } from './selection.js';
