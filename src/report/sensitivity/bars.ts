/**
 * Tornado bars in text: a centre line at the base value, the side below it drawn to the
 * left and the side above it to the right, both on one scale (the widest swing of the
 * report fills `width` cells). Block characters, so they survive a pipe and Markdown.
 */
export function tornadoBar(low: number | null, base: number | null, high: number | null, scale: number, width: number): string {
  if (base === null || scale <= 0) return `${' '.repeat(width)}│${' '.repeat(width)}`;
  const values = [low, high].filter((v): v is number => v !== null);
  const below = Math.max(0, ...values.map((v) => base - v));
  const above = Math.max(0, ...values.map((v) => v - base));
  const cells = (d: number): number => Math.min(width, Math.round((d / scale) * width));
  const left = cells(below);
  const right = cells(above);
  return `${' '.repeat(width - left)}${'█'.repeat(left)}│${'█'.repeat(right)}${' '.repeat(width - right)}`;
}

/** The largest distance from the base in any row: the bars' common scale. */
export function barScale(rows: readonly { low: number | null; high: number | null }[], base: number | null): number {
  if (base === null) return 0;
  let scale = 0;
  for (const r of rows) for (const v of [r.low, r.high]) if (v !== null) scale = Math.max(scale, Math.abs(v - base));
  return scale;
}
