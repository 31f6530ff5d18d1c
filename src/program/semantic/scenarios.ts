/**
 * Scenarios are named sets of parameter changes. Each path must land somewhere (with the
 * right kind of value), and `extends` must name another scenario without going round
 * in a circle.
 */
import { checkSetValue, resolveSetPath } from '../paths.js';
import { checkReference, entriesOf, type RuleContext, type SemanticRule } from './context.js';

export const scenarios: SemanticRule = (ctx: RuleContext) => {
  const list = ctx.data.scenarios;
  if (list === undefined) return;
  // Paths are checked against the normalized sections (defaults filled), as --scenario applies them.
  const target: Record<string, unknown> = { ...ctx.raw, ...ctx.data };
  for (const [name, scenario] of entriesOf(list)) {
    for (const [path, value] of entriesOf(scenario.set)) {
      const { targets, problem } = resolveSetPath(target, path);
      // A path into an entry that failed the schema is not this rule's concern: that entry has its own diagnostic.
      if (problem !== undefined && resolveSetPath(ctx.raw, path).problem === undefined) continue;
      const typeProblem = problem ?? targets.map((t) => checkSetValue(t, value)).find((p) => p !== undefined);
      if (typeProblem === undefined) continue;
      const code = typeProblem.code === 'set-path-matches-nothing' ? 'scenario-path-matches-nothing' : typeProblem.code === 'set-wrong-type' ? 'scenario-wrong-type' : typeProblem.code;
      ctx.sink.report({
        code,
        message: `scenario \`${name}\`: ${typeProblem.message}`,
        path: ['scenarios', name, 'set', path],
        part: code === 'scenario-wrong-type' ? 'value' : 'key',
        hint: typeProblem.hint,
      });
    }
    if (scenario.extends !== undefined) checkReference(ctx, 'scenario', scenario.extends, ['scenarios', name, 'extends']);
  }
  reportCycles(ctx, list);
};

function reportCycles(ctx: RuleContext, list: NonNullable<RuleContext['data']['scenarios']>): void {
  const reported = new Set<string>();
  for (const [start] of entriesOf(list)) {
    if (reported.has(start)) continue;
    const chain: string[] = [start];
    let current = list[start]?.extends;
    while (current !== undefined && Object.hasOwn(list, current) && !chain.includes(current)) {
      chain.push(current);
      current = list[current]?.extends;
    }
    if (current !== start) continue;
    for (const member of chain) reported.add(member);
    ctx.sink.report({
      code: 'scenario-extends-cycle',
      message: `scenarios extend each other in a circle: ${[...chain, start].map((s) => `\`${s}\``).join(' → ')}`,
      path: ['scenarios', start, 'extends'],
      hint: 'one scenario in the chain must not extend another',
    });
  }
}
