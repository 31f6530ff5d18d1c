/**
 * The shell of a self-contained HTML report: one file, inline CSS, no script. The
 * Content-Security-Policy forbids every fetch (`default-src 'none'`) and every script,
 * so even a browser opening the file offline makes no request, and nothing in it can run.
 */
import { htmlText as escapeHtml } from '../sanitize/index.js';
import { REPORT_CSS } from './page-style.js';

export interface PageInput {
  title: string;
  /** Body markup; already escaped by the caller. */
  body: string;
}

export function htmlPage(input: PageInput): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    input.body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
