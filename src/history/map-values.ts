/**
 * Value mappings applied to a built store (`activity: { "Webinar Hosted": webinar_hosted }`):
 * they rename interned values, so the cost is per distinct value, plus one pass over the
 * codes only when two file values become the same id.
 */
import type { DimensionColumn, EventStore } from './event-store.js';
import type { ValueMapping } from './source-settings.js';

/** A lookup for one mapping: the mapped value, or the value itself. */
export function valueMapper(mapping: ValueMapping): (value: string) => string {
  if (mapping.ignoreCase !== true) return (value) => mapping.map[value] ?? value;
  const lowered = new Map(Object.entries(mapping.map).map(([from, to]) => [from.trim().toLowerCase(), to]));
  return (value) => lowered.get(value.trim().toLowerCase()) ?? value;
}

interface Renamed {
  readonly values: string[];
  /** Old code → new code, or undefined when no two values merged (codes unchanged). */
  readonly remap: Uint32Array | undefined;
}

function rename(values: readonly string[], map: (value: string) => string): Renamed {
  const out: string[] = [];
  const codeOf = new Map<string, number>();
  const remap = new Uint32Array(values.length);
  let merged = false;
  values.forEach((value, i) => {
    // Code 0 of a dimension is the blank value, and stays blank.
    const to = value === '' ? '' : map(value);
    const seen = codeOf.get(to);
    if (seen !== undefined) {
      merged = true;
      remap[i] = seen;
      return;
    }
    codeOf.set(to, out.length);
    remap[i] = out.length;
    out.push(to);
  });
  return { values: out, remap: merged ? remap : undefined };
}

export function mapStoreValues(store: EventStore, mappings: Readonly<Record<string, ValueMapping>>): EventStore {
  let result = store;
  for (const [column, mapping] of Object.entries(mappings)) {
    const map = valueMapper(mapping);
    if (column === 'activity') {
      const { values, remap } = rename(result.activityIds, map);
      let activity = result.activity;
      if (remap !== undefined) {
        activity = new Uint16Array(activity.length);
        for (let i = 0; i < activity.length; i++) activity[i] = remap[result.activity[i] as number] as number;
      }
      result = { ...result, activityIds: values, activity };
      continue;
    }
    const dimension = result.dimensions[column];
    if (dimension === undefined) continue;
    const { values, remap } = rename(dimension.values, map);
    let codes = dimension.codes;
    if (remap !== undefined) {
      codes = new Uint32Array(codes.length);
      for (let i = 0; i < codes.length; i++) codes[i] = remap[dimension.codes[i] as number] as number;
    }
    const renamed: DimensionColumn = { values, codes };
    result = { ...result, dimensions: { ...result.dimensions, [column]: renamed } };
  }
  return result;
}
