/**
 * The starter design `pointsmith init` writes: a small, commented, valid program built
 * from a few answers. Pure: answers in, YAML text out.
 */
import { DEFAULT_PROFILE } from '../history/generator/profile.js';
import { certifiedActivity, DEFAULT_STARTER_LEGACY, legacyEquivalents, type LegacyProblem, type StarterLegacy } from './init-legacy.js';

export interface StarterActivity {
  readonly id: string;
  readonly category: string;
  readonly comment: string;
  /** YAML flow mapping body for the scoring rule, e.g. `points: 50`. */
  readonly rule: string;
}

/** The ways to earn a first design can pick from, one per lifecycle stage (DOMAIN.md). */
export const STARTER_ACTIVITIES: readonly StarterActivity[] = [
  { id: 'webinar_hosted', category: 'awareness', comment: 'demand generation: a webinar the partner hosts', rule: 'points: 50, cap: { per: period, points: 500 }' },
  { id: 'demo_delivered', category: 'consideration', comment: 'a product demo to a prospect', rule: 'points: 30' },
  { id: 'deal_registered', category: 'decision', comment: 'a registered deal (credited once per customer)', rule: 'points: 20, distinct: customer_id' },
  { id: 'deal_closed', category: 'decision', comment: '10 points per 1,000 of closed revenue', rule: 'points_per: { amount: 1000, points: 10 }' },
  { id: 'cert_earned', category: 'skilling', comment: 'a person certified (each person counts once)', rule: 'points: 40, distinct: person_id' },
  { id: 'onboarding_session', category: 'onboarding', comment: 'an onboarding session with a new customer', rule: 'points: 25' },
  { id: 'health_check', category: 'adoption', comment: 'a customer health check', rule: 'points: 35, cap: { per: period, points: 350 }' },
  { id: 'case_study_published', category: 'advocacy', comment: 'a co-authored customer case study', rule: 'points: 150' },
];

export const DEFAULT_STARTER_ACTIVITIES = ['webinar_hosted', 'demo_delivered', 'deal_closed', 'cert_earned', 'case_study_published'];

export interface StarterAnswers {
  readonly name: string;
  readonly currency: string;
  readonly starts: string;
  /** Last day: with `starts`, the span `generate --program` writes and `run` replays. */
  readonly ends: string;
  readonly period: 'month' | 'quarter' | 'half' | 'year';
  readonly activities: readonly string[];
  readonly silver: number;
  readonly gold: number;
  readonly budget: number;
  /** Values of the `region` column; each gets its own Gold threshold (`min_points_by`), equal to start with. Empty: none. */
  readonly regions: readonly string[];
  /** The levels programme being replaced (for `transition` and a launch), or null. */
  readonly legacy: StarterLegacy | null;
}

/** The three tiers every starter has, low to high. */
export const STARTER_TIERS = ['Registered', 'Silver', 'Gold'] as const;

export const DEFAULT_STARTER: StarterAnswers = {
  name: 'My Partner Points',
  currency: 'USD',
  // The span `pointsmith generate` writes by default (2024-01-01 and two years), so the
  // quick start's init --yes, generate, run ignores no row.
  starts: '2024-01-01',
  ends: '2025-12-31',
  period: 'quarter',
  activities: DEFAULT_STARTER_ACTIVITIES,
  // Calibrated on `generate --partners 500 --program` over the default span (seed 42):
  // about 26% Silver and 14% Gold at the end, budget used 61% (worst year 77%).
  silver: 2500,
  gold: 8000,
  budget: 500000,
  // Those `generate` writes, so the quick start's rows all fall in a region of the design.
  regions: Object.keys(DEFAULT_PROFILE.regions).sort(),
  legacy: DEFAULT_STARTER_LEGACY,
};

function quote(text: string): string {
  return JSON.stringify(text);
}

/** A mapping key as written: bare when YAML reads it back as the same string, else quoted. */
function key(text: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(text) ? text : quote(text);
}

/**
 * The first lines: with the path of the format's JSON Schema relative to the design (which
 * `init` finds), an editor modeline that resolves; without one, how to get the schema, and
 * no modeline pointing at a file that is not there.
 */
function schemaHeader(schemaRef: string | undefined): string[] {
  if (schemaRef !== undefined) return [`# yaml-language-server: $schema=${schemaRef}`, '# (editor completion: the JSON Schema of the format, shipped with pointsmith)'];
  return [
    '# Editor completion: `pointsmith schema --out program.schema.json` writes the JSON Schema',
    '# of the format beside this file; then make this the first line:',
    '#   # yaml-language-server: $schema=./program.schema.json',
  ];
}

/**
 * The design's text; a problem when the answers do not fit together (legacy levels asking
 * for certified people with nothing to count them). `catalogue`: the activities the
 * answers pick from (the built-in ways to earn, or those `init --history` found).
 */
export function renderStarterDesign(answers: StarterAnswers, schemaRef?: string, catalogue: readonly StarterActivity[] = STARTER_ACTIVITIES): string | LegacyProblem {
  const chosen = catalogue.filter((a) => answers.activities.includes(a.id));
  const categories = [...new Set(chosen.map((a) => a.category))];
  const certified = answers.legacy === null ? { activity: undefined } : certifiedActivity(answers.legacy, chosen.map((a) => a.id));
  if ('message' in certified) return certified;
  const [base, silver, gold] = STARTER_TIERS;
  const regional = answers.regions.length === 0 ? '' : `, min_points_by: { region: { ${answers.regions.map((r) => `${key(r)}: ${answers.gold}`).join(', ')} } }`;
  const lines = [
    ...schemaHeader(schemaRef),
    '# A starter points program written by `pointsmith init`.',
    '# Check it with `pointsmith validate` and replay it with `pointsmith run`; try it on a',
    '# synthetic history first: `pointsmith generate --partners 500 --program THIS.yaml --out data/`',
    catalogue === STARTER_ACTIVITIES
      ? '# writes rows inside the dates below. The tiers and the budget suit about 500 partners.'
      : '# writes rows inside the dates below. Silver and Gold were calibrated on a real history.',
    'pointsmith: 1',
    `program: { name: ${quote(answers.name)}, currency: ${answers.currency}, starts: ${answers.starts}, ends: ${answers.ends} }`,
    '',
    'calendar:',
    `  period: ${answers.period}            # tiers are evaluated at the end of each period`,
    '  tier_window: trailing_4     # points earned in the last 4 periods count towards the tier',
    '',
    '# Activities are grouped by lifecycle stage; a category can cap what it contributes.',
    'categories:',
    ...categories.map((c) => `  ${key(c)}: {}`),
    '',
    'activities:',
    ...chosen.flatMap((a) => [`  # ${a.comment}`, `  ${key(a.id)}: { category: ${key(a.category)}, ${a.rule} }`]),
    '',
    '# Tiers from low to high; a partner holds the highest tier whose threshold it reaches.',
    '# benefits.annual_cost is what a tier costs you a year (prorated per period). No',
    '# discount_pct here: it charges that share of *every* amount the partner reports in the',
    '# period (all its closed revenue) to this budget, which is the price list\'s margin, not',
    '# the points budget. Add it only if the budget below pays for partner discounts.',
    ...(regional === '' ? [] : ['# min_points_by: Gold\'s threshold in each region (the partners file\'s `region`), the same', '# everywhere to start with: lower one to open Gold in a smaller market.']),
    'tiers:',
    `  - { name: ${base}, min_points: 0 }`,
    `  - { name: ${silver}, min_points: ${answers.silver}, benefits: { annual_cost: 500 } }`,
    `  - { name: ${gold}, min_points: ${answers.gold}${regional}, benefits: { annual_cost: 2000 }, grace_periods: 1 }`,
    '',
    'points: { expiry_months: 24 }  # unspent points expire first-in, first-out',
    '',
    'rewards:',
    '  - { id: mdf_1000, label: "MDF, 1,000", kind: mdf, cost_points: 10000, vendor_cost: 1000 }',
    '  - { id: training_voucher, label: Training voucher, kind: training, cost_points: 2000, vendor_cost: 300 }',
    '',
    '# How partners are expected to spend: 60% of what they earn, half on each reward.',
    'redemption:',
    '  default: { rate: 0.6, mix: { mdf_1000: 0.5, training_voucher: 0.5 } }',
    '',
    `budget: { per: year, amount: ${answers.budget} }`,
    '# `pointsmith check` fails when a year costs more than its budget.',
    'guardrails: { max_budget_share: 1 }',
    '',
    ...(answers.legacy === null ? [] : legacySection(answers.legacy, certified.activity)),
  ];
  return lines.join('\n');
}

function legacySection(legacy: StarterLegacy, certifiedBy: string | undefined): string[] {
  return [
    '# The levels programme this design replaces, for `pointsmith transition`: a level is',
    '# held with that yearly revenue and that many certified people. The first is the base',
    '# level every partner meets, so every partner has an equivalent tier.',
    'legacy:',
    '  levels:',
    `    - { name: ${key(legacy.base)}, revenue: 0 }`,
    ...legacy.levels.map((l) => `    - { name: ${key(l.name)}, revenue: ${l.revenue}${l.certified > 0 ? `, certified: ${l.certified}` : ''} }`),
    `  equivalent: { ${legacyEquivalents(legacy, STARTER_TIERS).map(([from, to]) => `${key(from)}: ${to}`).join(', ')} }`,
    ...(certifiedBy !== undefined && certifiedBy !== 'cert_earned' ? [`  certified_activity: ${key(certifiedBy)}`] : []),
    '',
  ];
}
