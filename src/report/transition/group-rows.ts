/**
 * The rows of the by-segment and by-region tables, as both the HTML and the Markdown
 * report show them: costs in whole units that add up to the cost table's totals, then a
 * Total row that shows it.
 */
import { wholeUnits } from '../../analysis/transition-shares.js';
import type { GroupTransition, TransitionReport } from '../../analysis/transition-types.js';

export interface GroupRows {
  /** The groups, then the Total row (last). */
  readonly rows: readonly GroupTransition[];
  /** Whether to show a "No equivalent" column: only when some partner has a level without an equivalent tier. */
  readonly unmapped: boolean;
}

export function groupRows(groups: readonly GroupTransition[], cost: TransitionReport['cost']): GroupRows {
  const legacy = wholeUnits(groups.map((g) => g.legacy_cost), cost.legacy.total);
  const next = wholeUnits(groups.map((g) => g.new_cost), cost.new.total);
  const sum = (pick: (g: GroupTransition) => number): number => groups.reduce((a, g) => a + pick(g), 0);
  const total: GroupTransition = {
    key: 'Total',
    partners: sum((g) => g.partners),
    up: sum((g) => g.up),
    same: sum((g) => g.same),
    down: sum((g) => g.down),
    unmapped: sum((g) => g.unmapped),
    at_risk: sum((g) => g.at_risk),
    legacy_cost: cost.legacy.total,
    new_cost: cost.new.total,
  };
  return {
    rows: [...groups.map((g, i) => ({ ...g, legacy_cost: legacy[i] ?? 0, new_cost: next[i] ?? 0 })), total],
    unmapped: groups.some((g) => g.unmapped > 0),
  };
}
