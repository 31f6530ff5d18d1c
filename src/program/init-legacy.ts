/**
 * The `legacy:` section `init` writes: the levels programme being replaced, read from one
 * line (`Silver:100000:2,Gold:500000:5`: name, yearly revenue, certified people), always
 * preceded by a base level every partner meets. Without the base level a partner below
 * every level's minimums has no legacy level, hence no equivalent tier, and `transition`
 * leaves it out (docs/format.md#legacy). Pure: text in, levels or a problem out.
 */
import { DEFAULT_LEGACY_LEVELS, type LegacyLevel } from '../history/generator/generate.js';

export interface StarterLegacy {
  /** The level every partner meets (revenue 0, no certified people), mapped to the lowest tier. */
  readonly base: string;
  /** Above the base, low to high. */
  readonly levels: readonly LegacyLevel[];
}

export interface LegacyProblem {
  readonly message: string;
  readonly hint: string;
}

/** Those `generate` assumes for a design without `legacy:` (Silver, Gold, Platinum), above the base. */
export const DEFAULT_STARTER_LEGACY: StarterLegacy = {
  base: DEFAULT_LEGACY_LEVELS[0]?.name ?? 'Registered',
  levels: DEFAULT_LEGACY_LEVELS.filter((l) => l.revenue > 0 || l.certified > 0),
};

/** The levels as `--legacy-levels` writes them, so the question's default reads the same. */
export function legacyLevelsText(levels: readonly LegacyLevel[]): string {
  return levels.map((l) => (l.certified > 0 ? `${l.name}:${l.revenue}:${l.certified}` : `${l.name}:${l.revenue}`)).join(',');
}

const LEVEL_FORM = 'NAME:REVENUE or NAME:REVENUE:CERTIFIED, comma-separated, low to high';
const EXAMPLE = 'e.g. Silver:100000:2,Gold:500000:5, or none';

/** `none` (or blank): no legacy section. */
export function parseLegacyLevels(text: string, base: string): readonly LegacyLevel[] | null | LegacyProblem {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'none') return null;
  const levels: LegacyLevel[] = [];
  for (const item of trimmed.split(',').map((s) => s.trim())) {
    const [name = '', revenueText = '', certifiedText = '0', ...rest] = item.split(':').map((s) => s.trim());
    const revenue = Number(revenueText);
    const certified = Number(certifiedText);
    if (name === '' || revenueText === '' || rest.length > 0) return { message: `legacy level \`${item}\`: expected ${LEVEL_FORM}`, hint: EXAMPLE };
    if (!Number.isFinite(revenue) || revenue < 0) return { message: `legacy level \`${item}\`: the revenue \`${revenueText}\` is not a number of 0 or more`, hint: EXAMPLE };
    if (!Number.isInteger(certified) || certified < 0) return { message: `legacy level \`${item}\`: the certified people \`${certifiedText}\` is not a whole number of 0 or more`, hint: EXAMPLE };
    if (name === base || levels.some((l) => l.name === name)) {
      return { message: `legacy level \`${name}\` is named twice${name === base ? ' (it is the base level)' : ''}`, hint: 'give each level its own name; the base level is added first, set by --base-level' };
    }
    levels.push({ name, revenue, certified });
  }
  return levels;
}

/**
 * Legacy level → tier: the base to the lowest tier; a level named like a tier to it;
 * otherwise by position above the base, the rest to the top tier (Platinum → Gold).
 */
export function legacyEquivalents(legacy: StarterLegacy, tiers: readonly string[]): [string, string][] {
  const top = tiers[tiers.length - 1] ?? '';
  return [
    [legacy.base, tiers[0] ?? top],
    ...legacy.levels.map((l, i): [string, string] => [l.name, tiers.includes(l.name) ? l.name : (tiers[i + 1] ?? top)]),
  ];
}

/**
 * The activity whose distinct person_id counts certified people: `cert_earned` (the
 * default `transition` reads), else the first whose name says `cert`; a problem when a
 * level asks for certified people and nothing counts them (every partner would count 0).
 */
export function certifiedActivity(legacy: StarterLegacy, activities: readonly string[]): { activity: string | undefined } | LegacyProblem {
  const asking = legacy.levels.find((l) => l.certified > 0);
  if (asking === undefined) return { activity: undefined };
  const found = activities.includes('cert_earned') ? 'cert_earned' : activities.find((a) => /cert/i.test(a));
  if (found !== undefined) return { activity: found };
  return {
    message: `legacy level \`${asking.name}\` asks for ${asking.certified} certified people, but no activity of the design counts certifications`,
    hint: 'add cert_earned to the ways to earn (--activities), or give the levels no certified count (Silver:100000,Gold:500000)',
  };
}
