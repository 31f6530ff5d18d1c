/** The notes every report page carries: the warm-up note under the header, the dated changes, and the footer. */
import { VERSION } from '../../version.js';
import { htmlText as h } from '../sanitize/index.js';

/**
 * The warm-up note of a replay without `launch:` (src/analysis/warm-up.ts). `id` for the
 * page's one note (`#warm-up`); compare, with a note per distinct line, marks each by class.
 */
export function warmUpNote(line: string, one = true): string {
  return `<div class="${one ? 'warning" id="warm-up' : 'warning warm-up'}"><strong>Warm-up</strong> ${h(line)}</div>`;
}

/** The design's dated changes (src/analysis/design-versions.ts), one line each; empty without any. */
export function changesNote(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  return `<div class="note" id="changes"><strong>Dated changes</strong><ul>${lines.map((line) => `<li>${h(line)}</li>`).join('')}</ul></div>`;
}

/** "Written by pointsmith 1.2.3 from PROGRAM." (without `from` when the page covers several). */
export function pageFooter(from?: string): string {
  return `<footer>${h(`Written by pointsmith ${VERSION}${from !== undefined ? ` from ${from}` : ''}.`)}</footer>`;
}
