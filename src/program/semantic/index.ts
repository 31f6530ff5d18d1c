/** The semantic rules, run in this order after the schema, on every section that passed it. */
import { activityScoring } from './activity-scoring.js';
import { changes } from './changes.js';
import type { RuleContext, SemanticRule } from './context.js';
import { dates } from './dates.js';
import { duplicateIds } from './duplicate-ids.js';
import { guardrailRanges } from './guardrail-ranges.js';
import { checkIndividuals } from './individuals.js';
import { legacyCertification } from './legacy-certification.js';
import { redemption } from './redemption.js';
import { references } from './references.js';
import { roundingLevel } from './rounding-level.js';
import { scenarios } from './scenarios.js';
import { tierHolds } from './tier-holds.js';
import { tierOrder } from './tier-order.js';
import { trackSet } from './track-set.js';
import { unreachableTiers } from './unreachable-tiers.js';

export const SEMANTIC_RULES: readonly SemanticRule[] = [
  duplicateIds,
  references,
  tierOrder,
  activityScoring,
  roundingLevel,
  redemption,
  dates,
  scenarios,
  trackSet,
  changes,
  guardrailRanges,
  legacyCertification,
  tierHolds,
  unreachableTiers,
];

/** The rules that read only the sections a seller programme has (categories, activities, tiers, rewards, redemption, points). */
const SELLER_RULES: readonly SemanticRule[] = [duplicateIds, references, tierOrder, activityScoring, roundingLevel, redemption, tierHolds];

export function runSemanticRules(ctx: RuleContext): void {
  for (const rule of SEMANTIC_RULES) rule(ctx);
  checkIndividuals(ctx, SELLER_RULES);
}
