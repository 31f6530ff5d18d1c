/**
 * Text for a terminal or a plain log (table cells, headings, diagnostics, warnings on
 * stderr): every user-supplied string on one line, with nothing that a terminal or a CI
 * runner would act on. A line can only start where a renderer puts a newline itself.
 */
import { makeVisible } from './visible.js';

export function terminalText(text: string): string {
  return makeVisible(text);
}
