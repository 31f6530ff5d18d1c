/**
 * The starter design `pointsmith init` writes: a small, commented, valid program built
 * from a few answers. Pure: answers in, YAML text out.
 */
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
}

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
};

function quote(text: string): string {
  return JSON.stringify(text);
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

export function renderStarterDesign(answers: StarterAnswers, schemaRef?: string): string {
  const chosen = STARTER_ACTIVITIES.filter((a) => answers.activities.includes(a.id));
  const categories = [...new Set(chosen.map((a) => a.category))];
  const lines = [
    ...schemaHeader(schemaRef),
    '# A starter points program written by `pointsmith init`.',
    '# Check it with `pointsmith validate` and replay it with `pointsmith run`; try it on a',
    '# synthetic history first: `pointsmith generate --partners 500 --program THIS.yaml --out data/`',
    '# writes rows inside the dates below. The tiers and the budget suit about 500 partners.',
    'pointsmith: 1',
    `program: { name: ${quote(answers.name)}, currency: ${answers.currency}, starts: ${answers.starts}, ends: ${answers.ends} }`,
    '',
    'calendar:',
    `  period: ${answers.period}            # tiers are evaluated at the end of each period`,
    '  tier_window: trailing_4     # points earned in the last 4 periods count towards the tier',
    '',
    '# Activities are grouped by lifecycle stage; a category can cap what it contributes.',
    'categories:',
    ...categories.map((c) => `  ${c}: {}`),
    '',
    'activities:',
    ...chosen.flatMap((a) => [`  # ${a.comment}`, `  ${a.id}: { category: ${a.category}, ${a.rule} }`]),
    '',
    '# Tiers from low to high; a partner holds the highest tier whose threshold it reaches.',
    '# benefits.annual_cost is what a tier costs you a year (prorated per period). No',
    '# discount_pct here: it charges that share of *every* amount the partner reports in the',
    '# period (all its closed revenue) to this budget, which is the price list\'s margin, not',
    '# the points budget. Add it only if the budget below pays for partner discounts.',
    'tiers:',
    '  - { name: Registered, min_points: 0 }',
    `  - { name: Silver, min_points: ${answers.silver}, benefits: { annual_cost: 500 } }`,
    `  - { name: Gold, min_points: ${answers.gold}, benefits: { annual_cost: 2000 }, grace_periods: 1 }`,
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
  ];
  return lines.join('\n');
}
