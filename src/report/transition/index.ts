/** The transition report's formats (`transition --format`), for the CLI and the library. */
import type { TransitionReport } from '../../analysis/transition-types.js';
import type { Formats } from '../formatter.js';
import type { ChunkedFormatter } from './chunked.js';
import { transitionCsvFormat } from './csv.js';
import { transitionHtmlFormat } from './html.js';
import { transitionJsonFormat } from './json.js';
import { transitionMarkdownFormat } from './markdown.js';
import type { TransitionFormatOptions } from './selection.js';

const registry: Readonly<Record<'markdown' | 'html' | 'json' | 'csv', ChunkedFormatter>> = {
  markdown: transitionMarkdownFormat,
  html: transitionHtmlFormat,
  json: transitionJsonFormat,
  csv: transitionCsvFormat,
};

export type TransitionFormat = keyof typeof registry;
export const formats: Formats<TransitionFormat, TransitionReport, TransitionFormatOptions> = registry;
/** The same registry, with each format's text in pieces (what the CLI writes). */
export const chunkedFormats: Readonly<Record<TransitionFormat, ChunkedFormatter>> = registry;
export type { TransitionFormatOptions } from './selection.js';
