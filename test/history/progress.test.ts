import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  let text = '';
  return { write: (c: string) => void (text += c), isTTY, text: () => text };
}

describe('progressBar', () => {
  it('draws on a TTY at most every 100 ms and erases itself at the end', () => {
    const s = stream(true);
    let now = 1000;
    const bar = progressBar(s, 'reading h.csv', 200, () => now);
    bar.update(50); // 25%: 30 × 0.25 = 7.5, rounded to 8 hashes
    now += 50;
    bar.update(100); // within 100 ms of the last draw: skipped
    now += 100;
    bar.update(200);
    bar.finish();
    expect(s.text()).toBe(`\rreading h.csv [${'#'.repeat(8)}${'-'.repeat(22)}] 25%\rreading h.csv [${'#'.repeat(30)}] 100%\r\u001b[K`);
  });

  it('writes nothing when stderr is not a TTY', () => {
    const s = stream(false);
    const bar = progressBar(s, 'x', 100, () => 10_000);
    bar.update(50);
    bar.finish();
    expect(s.text()).toBe('');
  });
});
