/**
 * Amounts and quantities in a history are decimal numbers: an optional sign, digits with
 * an optional fraction, an optional exponent (`12500.50`, `-3`, `1.5e3`). `Number()`
 * alone would also read `0x10` as 16, `0b11` as 3 and `Infinity`, and `-1e308` would
 * reach the replay as a value no sum survives; those are refused with a row-positioned
 * error instead. Magnitudes beyond 2^53 are refused too: above it a double no longer
 * holds every whole number, so the figure read would not be the figure written.
 */
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** 2^53: the largest magnitude a history number may have. */
export const MAX_HISTORY_NUMBER = 2 ** 53;

export type DecimalResult = number | 'not-decimal' | 'out-of-range';

export function parseDecimal(text: string): DecimalResult {
  if (!DECIMAL.test(text)) return 'not-decimal';
  const value = Number(text);
  return Math.abs(value) > MAX_HISTORY_NUMBER ? 'out-of-range' : value;
}

/** The value, or NaN when `parseDecimal` would refuse it (the fast path's test). */
export function decimalOrNaN(text: string): number {
  const value = parseDecimal(text);
  return typeof value === 'number' ? value : NaN;
}
