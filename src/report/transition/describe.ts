/**
 * Plain-text phrases shared by the transition renderers (Markdown, HTML, CSV): an unmet
 * requirement, a gap-closing plan, the method notes. Renderers escape the result for
 * their format; nothing here is markup.
 */
import type { AtRiskPartner, PlanStep, RequirementGap, TransitionReport } from '../../analysis/transition-types.js';
import { labelOf, type DesignLabels } from '../../analysis/transition-labels.js';
import { formatPoints } from '../../format/whole-figures.js';

/**
 * An unmet requirement in the design's words: "Points for Gold: 1,300 of 3,000 (1,700 short)",
 * "Points in Decision: 700 of 1,000 (300 short)", "Technical certification passed: 1 of 2 (1 short)".
 */
export function describeGap(gap: RequirementGap, labels: DesignLabels): string {
  const label =
    gap.kind === 'points'
      ? `Points for ${labelOf(labels.tiers, gap.id)}`
      : gap.kind === 'category'
        ? `Points in ${labelOf(labels.categories, gap.id)}`
        : labelOf(labels.activities, gap.id);
  return `${label}: ${formatPoints(gap.actual)} of ${formatPoints(gap.required)} (${formatPoints(gap.short)} short)`;
}

/** "4 × Closed-won deal (525 pts each: a deal of USD 35,000 with product saas)" */
export function describeStep(step: PlanStep): string {
  return `${step.occurrences} × ${step.label} (${formatPoints(step.points_per_occurrence)} pts each${step.basis === 'per occurrence' ? '' : `: ${step.basis}`})`;
}

export function describePlan(partner: AtRiskPartner): string {
  if (partner.plan.steps.length === 0) return 'nothing the design prices per occurrence';
  const steps = partner.plan.steps.map(describeStep).join('; ');
  return partner.plan.closes_gap ? steps : `${steps}; caps leave the gap open`;
}

/** How to read the report: the conventions the numbers rest on. */
export function methodNotes(report: TransitionReport): string[] {
  const legacy = report.legacy;
  const source =
    legacy.source === 'partners_file'
      ? 'Legacy levels are taken from the partners file (column legacy_level).'
      : `Legacy levels are ${legacy.source === 'mixed' ? 'taken from the partners file where it has one, otherwise ' : ''}computed from the design's legacy.levels: revenue is the sum of amount from ${legacy.revenue_from} to ${legacy.revenue_to} (the fiscal year in which the history ends), certified people are the distinct person_id on ${legacy.certified_activity} over the whole history; a partner holds the highest level whose two minimums it meets.`;
  return [
    source,
    `The new tier is the tier after the evaluation of ${report.evaluated_at}. Movement compares it by rank with the tier the design names as equivalent to the legacy level (legacy.equivalent).`,
    'At risk: partners below the tier equivalent to their legacy level, or holding it only thanks to a grace period. Gaps are measured in the tier window of the last evaluation: points against the partner\'s own threshold (regional thresholds and tracks applied), category minimums, activity counts.',
    'What would close the gap: each activity is priced at the points of one more occurrence for that partner (its own multipliers, the best product-type multiplier the design offers, its current tier\'s accelerator; an amount-based activity at the partner\'s average amount). The required activities come first, then the category minimums, then the remaining points, always with the most points per occurrence first and within the caps still open. Promotions, steps and gated activities are left out.',
    `Cost is compared over ${report.cost.from} to ${report.cost.to} (${report.cost.periods.length} periods): the new program's rewards at vendor cost, tier benefits and discounts, against the legacy levels' annual benefit cost prorated to the span plus their discount on the partner's amount over the same span.`,
  ];
}
