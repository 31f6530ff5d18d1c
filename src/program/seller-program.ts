/**
 * The seller programme as a program of its own: `individuals:` supplies the activities,
 * categories, levels, points rules, rewards and redemption; the firm supplies the calendar,
 * currency and dates. So a seller ledger is the firm's replay run on the person-keyed
 * history (src/history/person-store.ts): one engine, one model of earning, expiry and
 * redemption. Left out on purpose: the firm's budget and guardrails (the seller cost is
 * counted into the firm's total and budget, see src/analysis/budget.ts), and everything
 * that reads the partners file as a firm (terms by anniversary, launch, legacy, tracks).
 */
import { deepFreeze, type Program } from './program.js';
import type { ProgramData } from './schema.js';

/** The level every seller holds when the design names none. */
export const DEFAULT_SELLER_LEVEL = 'seller';

/** The seller programme of `program`, or undefined when the design has no `individuals:`. */
export function sellerProgram(program: Program): Program | undefined {
  const people = program.individuals;
  if (people === undefined) return undefined;
  const { term: _term, ...calendar } = program.calendar;
  // The cast: Program is ProgramData deep-readonly, and this object is only read (frozen below).
  const data = {
    pointsmith: 1,
    program: { ...program.program, name: `${program.program.name} (sellers)` },
    calendar,
    categories: people.categories,
    activities: people.activities,
    promotions: [],
    tiers: people.tiers ?? [{ name: DEFAULT_SELLER_LEVEL, min_points: 0, earn_multiplier: 1, grace_periods: 0 }],
    points: people.points,
    rewards: people.rewards,
    ...(people.redemption !== undefined ? { redemption: people.redemption } : {}),
  } as unknown as ProgramData;
  return deepFreeze(data);
}
