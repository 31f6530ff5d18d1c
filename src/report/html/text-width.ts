/**
 * An estimate of rendered text width, to size SVG margins without a browser. Generous on
 * purpose (0.62 em per character, the width of a typical sans-serif's wider letters), so
 * a label never overflows its margin; it may leave a little air.
 */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil([...text].length * fontSize * 0.62);
}
