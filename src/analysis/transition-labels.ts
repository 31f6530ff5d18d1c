/**
 * The design's `label` of every activity, category, tier and reward that has one, for
 * the reports to show people words instead of ids (the ids stay in JSON and CSV keys).
 * Segments and regions have no label in the design format: they are shown as they are.
 */
import type { Program } from '../program/program.js';

export interface DesignLabels {
  activities: Record<string, string>;
  categories: Record<string, string>;
  tiers: Record<string, string>;
  rewards: Record<string, string>;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function labelsOf(entries: readonly (readonly [string, string | undefined])[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, label] of [...entries].sort(([a], [b]) => byKey(a, b))) {
    if (label !== undefined && label.trim() !== '') out[id] = label;
  }
  return out;
}

export function designLabels(program: Program): DesignLabels {
  return {
    activities: labelsOf(Object.entries(program.activities).map(([id, a]) => [id, a.label])),
    categories: labelsOf(Object.entries(program.categories).map(([id, c]) => [id, c.label])),
    tiers: labelsOf(program.tiers.map((t) => [t.name, t.label])),
    rewards: labelsOf(program.rewards.map((r) => [r.id, r.label])),
  };
}

/** The label of `id` in `table`, or the id itself. */
export function labelOf(table: Readonly<Record<string, string>>, id: string): string {
  return table[id] ?? id;
}
