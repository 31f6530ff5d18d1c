/** Names that identify list entries (tiers, rewards, promotions, legacy levels) must be unique. */
import type { RuleContext, SemanticRule } from './context.js';
import { isMapping } from './context.js';

const LISTS: readonly { path: readonly string[]; key: string; what: string }[] = [
  { path: ['tiers'], key: 'name', what: 'tier' },
  { path: ['rewards'], key: 'id', what: 'reward' },
  { path: ['promotions'], key: 'name', what: 'promotion' },
  { path: ['legacy', 'levels'], key: 'name', what: 'legacy level' },
];

export const duplicateIds: SemanticRule = (ctx: RuleContext) => {
  for (const list of LISTS) {
    let items: unknown = ctx.raw;
    for (const segment of list.path) items = isMapping(items) ? items[segment] : undefined;
    if (!Array.isArray(items)) continue;
    const firstIndex = new Map<string, number>();
    items.forEach((item: unknown, index) => {
      if (!isMapping(item) || typeof item[list.key] !== 'string') return;
      const name = item[list.key] as string;
      const first = firstIndex.get(name);
      if (first === undefined) {
        firstIndex.set(name, index);
        return;
      }
      ctx.sink.report({
        code: 'duplicate-id',
        message: `${list.what} \`${name}\` is declared twice (entries ${first + 1} and ${index + 1} of ${list.path.join('.')})`,
        path: [...list.path, index, list.key],
        hint: `rename or remove one of them; ${list.what} ${list.key === 'id' ? 'ids' : 'names'} are how other sections refer to them`,
      });
    });
  }
};
