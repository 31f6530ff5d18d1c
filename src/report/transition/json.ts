/**
 * The transition report as JSON: the model itself (its keys are the contract), two-space
 * indented, ending with a newline. Numbers were rounded when the model was built.
 *
 * The text is `jsonText(report)` to the byte, made in pieces: every section but the two
 * per-partner lists (`at_risk`, `partner_rows`) at once, then those lists a batch of
 * partners at a time, each element indented to its depth, so that 400,000 partners never
 * become one string (at 400,000 partners the whole text is about 370 MB).
 */
import { jsonText } from '../sanitize/index.js';
import type { TransitionReport } from '../../analysis/transition-types.js';
import { chunkedText, ROWS_PER_CHUNK } from './chunked.js';

/** The top-level lists written element by element, in the model's key order. */
const STREAMED = ['at_risk', 'partner_rows'] as const;
/** Where JSON.stringify(…, 2) puts an emptied top-level list (neither is the model's last key: `labels` is). */
const emptied = (key: string): string => `\n  "${key}": [],\n`;

/**
 * A batch of a top-level list's elements as they sit in the whole text: stringified as that
 * list (`{ "k": [ … ] }`), its elements are already indented to their depth; the wrapper's
 * first and last lines are cut off. One stringify per batch, not one per element.
 */
function* elements(list: readonly unknown[]): Generator<string> {
  const open = '{\n  "k": [\n';
  const close = '\n  ]\n}';
  for (let from = 0; from < list.length; from += ROWS_PER_CHUNK) {
    const text = jsonText({ k: list.slice(from, from + ROWS_PER_CHUNK) });
    yield `${text.slice(open.length, text.length - close.length)}${from + ROWS_PER_CHUNK < list.length ? ',' : ''}\n`;
  }
}

export function* transitionJsonChunks(report: TransitionReport): Generator<string> {
  const rest = jsonText({ ...report, at_risk: [], partner_rows: [] });
  let written = 0;
  for (const key of STREAMED) {
    const list = report[key];
    if (list.length === 0) continue;
    const marker = emptied(key);
    const at = rest.indexOf(marker, written);
    if (at < 0) throw new Error(`transitionJsonChunks: ${key} is not where the model puts it`);
    yield `${rest.slice(written, at)}\n  "${key}": [\n`;
    yield* elements(list);
    yield '  ],\n';
    written = at + marker.length;
  }
  yield `${rest.slice(written)}\n`;
}

export function renderTransitionJson(report: TransitionReport): string {
  return [...transitionJsonChunks(report)].join('');
}

export const transitionJsonFormat = chunkedText('the whole model for tools, every partner (its keys are a contract)', 'application/json', transitionJsonChunks);
