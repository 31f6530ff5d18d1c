/**
 * Rounding of points (`round:` on an activity, or `points.round` for every activity that
 * states none). Compiled to two numbers so the scoring loop rounds without branching on
 * objects: a scale (10^decimals, 0 = no rounding) and a mode code.
 */
import type { Rounding } from '../program/schema.js';
import type { DeepReadonly } from '../program/program.js';

export const ROUND_HALF_UP = 0;
export const ROUND_HALF_EVEN = 1;
export const ROUND_DOWN = 2;
export const ROUND_UP = 3;

export interface CompiledRounding {
  /** 10^decimals; 0 when the points are not rounded. */
  readonly scale: number;
  readonly mode: number;
}

export const NO_ROUNDING: CompiledRounding = { scale: 0, mode: ROUND_HALF_UP };

const MODES: Readonly<Record<string, number>> = {
  half_up: ROUND_HALF_UP,
  half_even: ROUND_HALF_EVEN,
  down: ROUND_DOWN,
  up: ROUND_UP,
};

/** The rounding of each event's points that `r` asks for: none when it rounds a total (`at` other than `event`, see window-rounding.ts). */
export function compileRounding(r: DeepReadonly<Rounding> | undefined): CompiledRounding {
  if (r === undefined) return NO_ROUNDING;
  if (typeof r === 'number') return { scale: 10 ** r, mode: ROUND_HALF_UP };
  if (r.at !== 'event') return NO_ROUNDING;
  return { scale: 10 ** r.decimals, mode: MODES[r.mode] ?? ROUND_HALF_UP };
}

/** Where a total-level rounding applies: the window total of each activity, of each category, or of the program. */
export const ROUND_AT_ACTIVITY = 1;
export const ROUND_AT_CATEGORY = 2;
export const ROUND_AT_PROGRAM = 3;

export interface CompiledTotalRounding extends CompiledRounding {
  /** ROUND_AT_ACTIVITY, ROUND_AT_CATEGORY or ROUND_AT_PROGRAM. */
  readonly level: number;
}

const LEVELS: Readonly<Record<string, number>> = { activity: ROUND_AT_ACTIVITY, category: ROUND_AT_CATEGORY, program: ROUND_AT_PROGRAM };

/** The total-level rounding of `points.round` (`at: activity | category | program`), or null when it rounds events or is absent. */
export function compileTotalRounding(r: DeepReadonly<Rounding> | undefined): CompiledTotalRounding | null {
  if (r === undefined || typeof r === 'number') return null;
  const level = LEVELS[r.at];
  if (level === undefined) return null;
  return { scale: 10 ** r.decimals, mode: MODES[r.mode] ?? ROUND_HALF_UP, level };
}

/**
 * Rounds a non-negative number of points. The tolerance absorbs binary noise such as
 * 2.675 being stored as 2.67499999...: points come from decimal weights, so a value that
 * is within 1e-9 of a half is meant to be that half.
 */
export function roundPoints(value: number, scale: number, mode: number): number {
  if (scale === 0) return value;
  const x = value * scale;
  const eps = 1e-9 * Math.max(1, Math.abs(x));
  let r: number;
  if (mode === ROUND_DOWN) r = Math.floor(x + eps);
  else if (mode === ROUND_UP) r = Math.ceil(x - eps);
  else {
    const floor = Math.floor(x + eps);
    const frac = x - floor;
    if (Math.abs(frac - 0.5) <= eps) r = mode === ROUND_HALF_EVEN && floor % 2 === 0 ? floor : floor + 1;
    else r = frac > 0.5 ? floor + 1 : floor;
  }
  return r / scale;
}
