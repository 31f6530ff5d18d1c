/**
 * An HTML table for the reports: header and body cells, numbers right-aligned in tabular
 * figures, an optional total row (bold, rule above). Cell text is escaped unless the
 * caller marks it as markup it has escaped itself.
 */
import { htmlText as h } from '../sanitize/index.js';

export type Cell = { text: string; num?: boolean; html?: boolean; cls?: string };

/** `totalRow`: the index of the row drawn as a total (bold, rule above). */
export function tableHtml(header: readonly Cell[], rows: readonly (readonly Cell[])[], options: { cls?: string; totalRow?: number } = {}): string {
  const cell = (tag: 'th' | 'td', c: Cell): string => {
    const classes = [c.num === true ? 'num' : '', c.cls ?? ''].filter((x) => x !== '').join(' ');
    return `<${tag}${classes ? ` class="${classes}"` : ''}>${c.html === true ? c.text : h(c.text)}</${tag}>`;
  };
  const body = rows.map((r, i) => {
    const total = options.totalRow === i;
    return `<tr${total ? ' class="total"' : ''}>${r.map((c) => cell('td', c)).join('')}</tr>`;
  });
  return `<table${options.cls ? ` class="${options.cls}"` : ''}><thead><tr>${header.map((c) => cell('th', c)).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

export const num = (text: string): Cell => ({ text, num: true });
export const txt = (text: string): Cell => ({ text });
