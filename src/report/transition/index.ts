/** The transition report's formats (`transition --format`), for the CLI and the library. */
import type { TransitionReport } from '../../analysis/transition-types.js';
import type { ReportFormats } from '../formatter.js';
import type { ChunkedFormatter } from './chunked.js';
import { transitionCsvFormat } from './csv.js';
import { transitionHtmlFormat } from './html.js';
import { transitionJsonFormat } from './json.js';
import { transitionMarkdownFormat } from './markdown.js';
import type { TransitionFormatOptions } from './selection.js';
import { transitionXlsxFormat } from './xlsx.js';

/** The text formats, each able to hand its text over in pieces (chunked.ts). */
const textFormats: Readonly<Record<'markdown' | 'html' | 'json' | 'csv', ChunkedFormatter>> = {
  markdown: transitionMarkdownFormat,
  html: transitionHtmlFormat,
  json: transitionJsonFormat,
  csv: transitionCsvFormat,
};

const registry = { ...textFormats, xlsx: transitionXlsxFormat };

export type TransitionFormat = keyof typeof registry;
export const formats: ReportFormats<TransitionFormat, TransitionReport, TransitionFormatOptions> = registry;
/** The text formats with their text in pieces (what the CLI writes); xlsx is one binary workbook. */
export const chunkedFormats: Readonly<Record<Exclude<TransitionFormat, 'xlsx'>, ChunkedFormatter>> = textFormats;
export type { TransitionFormatOptions } from './selection.js';
