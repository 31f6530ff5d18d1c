/**
 * The launch state (`launch:`): legacy partners grandfathered into the tier their legacy
 * level maps to (`legacy.equivalent`) until a date, and opening balances.
 *
 * A partner's legacy level is its `legacy_level` attribute (the partners file, else the
 * history column of that name): what the partner was told before the launch. The level
 * `legacy-level.ts` computes from revenue is measured on the history's last fiscal year,
 * i.e. after the launch, so it cannot say what a partner held when the program started;
 * a partner without a stated level is a new partner and starts as one.
 */
import type { Program } from '../program/program.js';
import { dayOf } from './calendar.js';
import type { PartnerIndex } from './partner-index.js';

export interface CompiledLaunch {
  /** Per partner, the tier held at least through `untilDay` (-1: not grandfathered). */
  readonly tier: Int16Array;
  /** The last day a grandfathered tier is held: evaluations of periods ending on or before it keep it. */
  readonly untilDay: number;
  /** Per partner, the points in its balance at the start (they join the lot of period 0; see redemption.ts). */
  readonly opening: Float64Array;
}

export function compileLaunch(program: Program, partners: PartnerIndex, tierNames: readonly string[]): CompiledLaunch | null {
  const launch = program.launch;
  const P = partners.ids.length;
  if (launch === undefined) return null;
  const equivalent = program.legacy?.equivalent ?? {};
  const { values, codes } = partners.attributeCodes('legacy_level');
  // Level names are matched as transition matches them: ignoring case and surrounding blanks.
  const levelName = new Map((program.legacy?.levels ?? []).map((l) => [l.name.toLowerCase(), l.name]));
  const canonical = values.map((v) => levelName.get(v.trim().toLowerCase()) ?? v.trim());
  const tierOfValue = Int16Array.from(canonical, (level) => {
    const tier = Object.hasOwn(equivalent, level) ? equivalent[level] : undefined;
    return tier !== undefined ? tierNames.indexOf(tier) : -1;
  });
  const opening = launch.opening_points;
  const openingOfValue = Float64Array.from(canonical, (level) =>
    opening === undefined ? 0 : typeof opening === 'number' ? opening : Object.hasOwn(opening, level) ? (opening[level] as number) : 0,
  );
  const tier = new Int16Array(P);
  const points = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    const code = codes[p] as number;
    tier[p] = tierOfValue[code] as number;
    points[p] = openingOfValue[code] as number;
  }
  return { tier, untilDay: dayOf(launch.until), opening: points };
}
