/**
 * Text from a design or a history placed in GitHub-flavoured Markdown (a table cell, a
 * heading, a list item): controls and bidi marks made visible first (Markdown reports are
 * printed to the terminal too), then every character that Markdown or the HTML it allows
 * would read as syntax is escaped, so the text is shown as written:
 * - `|` (a table cell), `` ` `` (code spans), `\` (escapes);
 * - `[` and `]` (links and images: without them `(javascript:…)` is plain text, so
 *   `[x](javascript:alert(1))` stays text; parentheses in ordinary sentences are left);
 * - `*`, `~` and a `_` not inside a word (emphasis, strike-through; `deal_closed` keeps
 *   its underscore, which GFM never reads as emphasis between two word characters);
 * - `#` (headings; a setext underline, a list or a quote needs a line of its own, and
 *   with newlines made visible input text never starts one);
 * - `<`, `>`, `&` as entities (raw HTML, autolinks, entity references).
 */
import { makeVisible } from './visible.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const WORD = /[\p{L}\p{N}]/u;

export function markdownText(text: string): string {
  const visible = makeVisible(text);
  let out = '';
  for (let i = 0; i < visible.length; i++) {
    const c = visible.charAt(i);
    const entity = ENTITIES[c];
    if (entity !== undefined) out += entity;
    else if ('\\|`[]*~#'.includes(c)) out += `\\${c}`;
    else if (c === '_') out += WORD.test(visible.charAt(i - 1)) && WORD.test(visible.charAt(i + 1)) ? '_' : '\\_';
    else out += c;
  }
  return out;
}

/** The inverse of the Markdown layer only (a reader's view of it), for tests and tools. */
export function decodeMarkdown(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Text shown as a code span (`` `activities.*.points` ``): Markdown escapes are not read
 * inside one, so only what could end it or the table around it is handled: controls made
 * visible, `|` escaped (GFM splits table cells before it reads code spans), and a fence
 * of one more backtick than the longest run inside, padded when the text starts or ends
 * with a backtick.
 */
export function markdownCode(text: string): string {
  const visible = makeVisible(text).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(visible.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = visible.startsWith('`') || visible.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${visible}${pad}${fence}`;
}
