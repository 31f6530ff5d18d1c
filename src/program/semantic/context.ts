/**
 * What every semantic rule gets: the sections of the program that passed the schema
 * (so a rule never has to defend against wrong types), the names the document declares
 * (taken from the raw YAML, so a reference to an entry that merely has a typo inside is
 * not also called unknown), and the sink to report into.
 */
import { suggestion } from '../../diagnostics/did-you-mean.js';
import type { DiagnosticSink } from '../diagnostic-sink.js';
import type { ProgramData } from '../schema.js';

/** The program's sections that passed the schema; record sections keep the entries that passed. */
export type PartialProgram = { -readonly [K in keyof ProgramData]?: ProgramData[K] };

export type NameKind = 'category' | 'activity' | 'reward' | 'tier' | 'scenario' | 'legacy level';

/** Declared names by kind; a kind is absent when its section is not readable at all. */
export type KnownNames = Partial<Record<NameKind, readonly string[]>>;

export interface RuleContext {
  readonly data: PartialProgram;
  /** The document as parsed (reserved keys removed); for rules that must see what the user wrote. */
  readonly raw: Readonly<Record<string, unknown>>;
  readonly names: KnownNames;
  readonly sink: DiagnosticSink;
}

export type SemanticRule = (ctx: RuleContext) => void;

const SECTION_OF: Record<NameKind, string> = {
  category: 'categories',
  activity: 'activities',
  reward: 'rewards',
  tier: 'tiers',
  scenario: 'scenarios',
  'legacy level': 'legacy.levels',
};

const CODE_OF: Record<NameKind, string> = {
  category: 'unknown-category',
  activity: 'unknown-activity',
  reward: 'unknown-reward',
  tier: 'unknown-tier',
  scenario: 'unknown-scenario',
  'legacy level': 'unknown-legacy-level',
};

/**
 * Reports `name` when it is not a declared name of `kind`. Silent when the section
 * itself could not be read: its own diagnostic already explains that.
 */
export function checkReference(
  ctx: RuleContext,
  kind: NameKind,
  name: string,
  path: readonly PropertyKey[],
  part: 'key' | 'value' = 'value',
): void {
  const known = ctx.names[kind];
  if (known === undefined || known.includes(name)) return;
  const hint = suggestion(name, [...known].sort()) ?? `declare it under \`${SECTION_OF[kind]}\``;
  ctx.sink.report({
    code: CODE_OF[kind],
    message: `unknown ${kind} \`${name}\`${known.length === 0 ? ` (no ${SECTION_OF[kind]} are declared)` : ''}`,
    path,
    part,
    hint,
  });
}

export function collectNames(raw: Readonly<Record<string, unknown>>): KnownNames {
  const names: KnownNames = {};
  const keys = (value: unknown): string[] | undefined => (isMapping(value) ? Object.keys(value) : undefined);
  const field = (value: unknown, key: string): string[] | undefined =>
    Array.isArray(value)
      ? value.flatMap((item) => (isMapping(item) && typeof item[key] === 'string' ? [item[key]] : []))
      : value === undefined
        ? []
        : undefined;
  const categories = keys(raw['categories']);
  if (categories) names.category = categories;
  const activities = keys(raw['activities']);
  if (activities) names.activity = activities;
  const rewards = field(raw['rewards'], 'id');
  if (rewards) names.reward = rewards;
  const tiers = field(raw['tiers'], 'name');
  if (tiers) names.tier = tiers;
  const scenarios = raw['scenarios'] === undefined ? [] : keys(raw['scenarios']);
  if (scenarios) names.scenario = scenarios;
  const legacy = raw['legacy'];
  if (isMapping(legacy)) {
    const levels = field(legacy['levels'], 'name');
    if (levels) names['legacy level'] = levels;
  }
  return names;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Object.entries in document order (YAML keys keep their order; integer-like keys aside). */
export function entriesOf<T>(record: Readonly<Record<string, T>> | undefined): [string, T][] {
  return record === undefined ? [] : Object.entries(record);
}
