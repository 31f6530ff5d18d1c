/**
 * The one output-sanitising layer. Every renderer and every diagnostic passes text that
 * comes from an input (a design, a history, a partners file, a command line) through
 * the function for the context it lands in; nothing else in src/ escapes output.
 *
 * | context  | function                          | what it guarantees |
 * |----------|-----------------------------------|--------------------|
 * | terminal | `terminalText`                    | one line, no control or bidi character (visible escapes) |
 * | markdown | `markdownText`                    | terminal's, plus no Markdown or HTML syntax |
 * | html     | `htmlText`                        | terminal's, plus no markup |
 * | xml      | `xmlText`, `xmlAttribute`         | terminal's, plus no markup, only XML 1.0 characters |
 * | csv      | `writeCsv`                        | terminal's per cell, RFC 4180 quoting, no formulas |
 * | github   | `githubMessage`, `githubProperty` | terminal's, plus the runner's % escapes: no workflow command |
 * | json     | `jsonText`                        | the same value, every unsafe character as a `\u` escape |
 * | xlsx     | `terminalText` (xlsx-workbook.ts) | terminal's per text cell, stored as a string cell: never a formula |
 */
import { githubMessage, githubProperty } from './github.js';
import { htmlText } from './html.js';
import { markdownText } from './markdown.js';
import { terminalText } from './terminal.js';
import { xmlText } from './xml.js';

export { decodeVisible, makeVisible } from './visible.js';
export { decodeMarkdown, markdownCode, markdownText } from './markdown.js';
export { terminalText } from './terminal.js';
export { htmlText } from './html.js';
export { xmlAttribute, xmlLines, xmlText } from './xml.js';
export { githubMessage, githubProperty } from './github.js';
export { jsonText } from './json.js';
export { writeCsv, type CsvCell } from './csv.js';

export type TextContext = 'terminal' | 'markdown' | 'html' | 'xml' | 'github-message' | 'github-property';

/** The registry: one text sanitiser per context, for renderers that take the context as data. */
export const sanitizers: Readonly<Record<TextContext, (text: string) => string>> = {
  terminal: terminalText,
  markdown: markdownText,
  html: htmlText,
  xml: xmlText,
  'github-message': githubMessage,
  'github-property': githubProperty,
};
