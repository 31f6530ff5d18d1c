/**
 * A transition format that can hand its text over in pieces: at 400,000 partners the
 * JSON is about 370 MB and the CSV about 100 MB, and holding that as one string on top of
 * the model is what pushed `transition` past 1.5 GB (issue 13, item 4). The CLI writes the
 * pieces as they come; `render` is their concatenation, so both give the same bytes.
 */
import type { TransitionReport } from '../../analysis/transition-types.js';
import type { Formatter } from '../formatter.js';
import type { TransitionFormatOptions } from './selection.js';

export interface ChunkedFormatter extends Formatter<TransitionReport, TransitionFormatOptions> {
  /** The text of `render`, in order, in pieces of at most a batch of partner rows each. */
  chunks(report: TransitionReport, options: TransitionFormatOptions): Iterable<string>;
}

/**
 * Partners rendered into one piece. Small on purpose: a piece (and the writer's strings for
 * it) over about 128 KB goes to V8's large-object space, which only a full collection
 * frees; at 1,000 rows a piece the CSV grew the heap by 600 MB at 400,000 partners, at 100
 * it stays flat (bench/memory.js).
 */
export const ROWS_PER_CHUNK = 100;

/** A format whose text is small (it lists at most `--top` partners): one piece. */
export function wholeText(description: string, mediaType: Formatter<TransitionReport>['mediaType'], render: (report: TransitionReport, options: TransitionFormatOptions) => string): ChunkedFormatter {
  return { description, mediaType, terminal: false, render, chunks: (report, options) => [render(report, options)] };
}

/** A format streamed in pieces; `render` joins them. */
export function chunkedText(description: string, mediaType: Formatter<TransitionReport>['mediaType'], chunks: (report: TransitionReport) => Iterable<string>): ChunkedFormatter {
  return { description, mediaType, terminal: false, render: (report) => [...chunks(report)].join(''), chunks: (report) => chunks(report) };
}
