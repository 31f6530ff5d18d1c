/**
 * A progress bar on stderr for long reads: only on a TTY (never in pipes, CI logs or
 * tests), redrawn at most every 100 ms, and erased when done so the report starts on a
 * clean line.
 */
import type { OutStream } from './io.js';

export interface Progress {
  update(done: number): void;
  finish(): void;
}

const SILENT: Progress = { update: () => undefined, finish: () => undefined };
const WIDTH = 30;
const EVERY_MS = 100;

export function progressBar(stream: OutStream, label: string, total: number, now: () => number = Date.now): Progress {
  if (!stream.isTTY || total <= 0) return SILENT;
  let last = 0;
  let drawn = false;
  return {
    update(done: number): void {
      const t = now();
      if (t - last < EVERY_MS) return;
      last = t;
      const share = Math.min(1, done / total);
      const filled = Math.round(share * WIDTH);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}%`);
      drawn = true;
    },
    finish(): void {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
