/**
 * The seller programme (`individuals:`) is checked by the same rules as the firm's design,
 * on its own sections: a reference to an unknown category or reward, tiers out of order, a
 * redemption mix that does not sum to 1... reported at their place under `individuals`.
 */
import { DiagnosticSink } from '../diagnostic-sink.js';
import { collectNames, isMapping, type PartialProgram, type RuleContext, type SemanticRule } from './context.js';

const PREFIX = ['individuals'] as const;

export function checkIndividuals(ctx: RuleContext, rules: readonly SemanticRule[]): void {
  const people = ctx.data.individuals;
  const raw = ctx.raw['individuals'];
  // Without a section that passed the schema there is nothing sound to check (the schema said why).
  if (people === undefined || !isMapping(raw)) return;
  const data: PartialProgram = {
    categories: people.categories,
    activities: people.activities,
    ...(people.tiers !== undefined ? { tiers: people.tiers } : {}),
    rewards: people.rewards,
    points: people.points,
    ...(people.redemption !== undefined ? { redemption: people.redemption } : {}),
  };
  const parent = ctx.sink;
  const sink = new DiagnosticSink(parent.file, { locate: (path, part) => parent.locator.locate([...PREFIX, ...path], part) });
  const sub: RuleContext = { data, raw, names: collectNames(raw), sink };
  for (const rule of rules) rule(sub);
  for (const d of sink.diagnostics) parent.add(d);
}
