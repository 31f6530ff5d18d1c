/**
 * Who the synthetic partners are: segments with their own activity mix, deal sizes,
 * product mix and pace; regions; growth, joining and churn. The defaults describe a
 * mid-size vendor's channel; `--profile F.yaml` overrides any part (validated by zod).
 */
import { z } from 'zod';

export const SEGMENTS = ['reseller', 'msp', 'si', 'consultant', 'isv', 'agency'] as const;
export const PRODUCTS = ['saas', 'perpetual', 'services'] as const;

const share = z.number().min(0);
const segmentProfile = z.strictObject({
  share: share.describe('Relative share of partners in this segment.'),
  pace: z.number().positive().describe('Activity rate relative to the average partner.'),
  deal_size: z.number().positive().describe('Median deal amount.'),
  products: z.strictObject({ saas: share, perpetual: share, services: share }).describe('Product mix of deals.'),
  /** Lifecycle stage (category name keyword) → relative weight; stages not named weigh 1. */
  stages: z.record(z.string(), share),
  /**
   * Units one row records → relative weight (`{ 1: 0.8, 2: 0.15, 3: 0.05 }`): occurrences on
   * a per-occurrence activity (3 demos reported at once), people certified together on a
   * `distinct: person_id` activity (one row each). Replaced as a whole by a profile.
   */
  quantity: z
    .record(z.string().regex(/^[1-9][0-9]{0,3}$/, 'a whole number of units from 1 to 9999'), share)
    .refine((q) => Object.values(q).some((w) => w > 0), 'at least one quantity needs a weight above 0')
    .describe('Units per row (a whole number) → relative weight.'),
});

export const profileSchema = z.strictObject({
  segments: z.partialRecord(z.enum(SEGMENTS), segmentProfile.partial()).optional(),
  regions: z.record(z.string(), share).optional(),
  events_per_month: z.number().positive().optional().describe('Mean events per partner per month.'),
  growth: z.number().min(-0.9).max(5).optional().describe('Yearly growth of activity (0.15 = 15%).'),
  joining: z.number().min(0).max(1).optional().describe('Share of partners that join during the range.'),
  churn: z.number().min(0).max(1).optional().describe('Share of partners that stop during the range.'),
  saas_shift: z.number().min(0).max(1).optional().describe('Share of deals moving from perpetual to SaaS over the range.'),
});
export type ProfileInput = z.input<typeof profileSchema>;

export type SegmentProfile = z.output<typeof segmentProfile>;

/*
 * Default quantities per segment, small as in real exports: most rows record one unit.
 * Mean and share of rows above 1 (worked out from the weights, used by the tests):
 *   reseller   1×0.80 + 2×0.15 + 3×0.05            = 1.25, above 1: 0.20
 *   msp        1×0.70 + 2×0.20 + 3×0.10            = 1.40, above 1: 0.30  (sessions, checks across customers)
 *   si         1×0.60 + 2×0.25 + 3×0.10 + 4×0.05   = 1.60, above 1: 0.40  (project teams certify together)
 *   consultant 1×0.75 + 2×0.20 + 3×0.05            = 1.30, above 1: 0.25
 *   isv        1×0.85 + 2×0.15                     = 1.15, above 1: 0.15
 *   agency     1×0.70 + 2×0.20 + 3×0.10            = 1.40, above 1: 0.30  (posts and campaigns in bursts)
 */
export interface Profile {
  segments: Record<(typeof SEGMENTS)[number], SegmentProfile>;
  regions: Record<string, number>;
  eventsPerMonth: number;
  growth: number;
  joining: number;
  churn: number;
  saasShift: number;
}

export const DEFAULT_PROFILE: Profile = {
  segments: {
    reseller: { share: 0.35, pace: 1, deal_size: 20000, products: { saas: 0.45, perpetual: 0.45, services: 0.1 }, stages: { decision: 3, skilling: 3, consideration: 1.5, onboarding: 0.7, adoption: 0.5, value: 0.5, advocacy: 0.7 }, quantity: { 1: 0.8, 2: 0.15, 3: 0.05 } },
    msp: { share: 0.2, pace: 1.1, deal_size: 8000, products: { saas: 0.8, perpetual: 0.1, services: 0.1 }, stages: { adoption: 3, onboarding: 2, decision: 1.2, skilling: 3, awareness: 0.5, consideration: 0.8, advocacy: 0.6 }, quantity: { 1: 0.7, 2: 0.2, 3: 0.1 } },
    si: { share: 0.12, pace: 1.2, deal_size: 45000, products: { saas: 0.4, perpetual: 0.3, services: 0.3 }, stages: { onboarding: 2.5, value: 2, decision: 1.5, consideration: 1.5, skilling: 4, awareness: 0.5 }, quantity: { 1: 0.6, 2: 0.25, 3: 0.1, 4: 0.05 } },
    consultant: { share: 0.15, pace: 0.8, deal_size: 12000, products: { saas: 0.3, perpetual: 0.2, services: 0.5 }, stages: { consideration: 2, value: 2, skilling: 5, decision: 0.5, awareness: 0.8, adoption: 0.7 }, quantity: { 1: 0.75, 2: 0.2, 3: 0.05 } },
    isv: { share: 0.08, pace: 0.7, deal_size: 25000, products: { saas: 0.7, perpetual: 0.25, services: 0.05 }, stages: { decision: 1.5, advocacy: 1.5, awareness: 1.5, skilling: 2, onboarding: 0.7, adoption: 0.7, value: 0.7 }, quantity: { 1: 0.85, 2: 0.15 } },
    agency: { share: 0.1, pace: 0.9, deal_size: 6000, products: { saas: 0.5, perpetual: 0.2, services: 0.3 }, stages: { awareness: 3, advocacy: 1.5, decision: 0.4, skilling: 1, onboarding: 0.4, adoption: 0.4, value: 0.4 }, quantity: { 1: 0.7, 2: 0.2, 3: 0.1 } },
  },
  regions: { amer: 0.45, emea: 0.35, apac: 0.2 },
  eventsPerMonth: 2.1,
  growth: 0.15,
  joining: 0.2,
  churn: 0.1,
  saasShift: 0.15,
};

/** The default profile with a validated override laid over it. */
export function mergeProfile(input: z.output<typeof profileSchema>): Profile {
  const segments = { ...DEFAULT_PROFILE.segments };
  for (const s of SEGMENTS) {
    const o = input.segments?.[s];
    if (o !== undefined) segments[s] = { ...segments[s], ...o, stages: { ...segments[s].stages, ...(o.stages ?? {}) } };
  }
  return {
    segments,
    regions: input.regions ?? DEFAULT_PROFILE.regions,
    eventsPerMonth: input.events_per_month ?? DEFAULT_PROFILE.eventsPerMonth,
    growth: input.growth ?? DEFAULT_PROFILE.growth,
    joining: input.joining ?? DEFAULT_PROFILE.joining,
    churn: input.churn ?? DEFAULT_PROFILE.churn,
    saasShift: input.saas_shift ?? DEFAULT_PROFILE.saasShift,
  };
}
