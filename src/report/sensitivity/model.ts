/**
 * What the sensitivity formats render: a tornado (every weight moved ±X%, ranked by
 * impact) or, with `--sweep`, the grid; and the design's currency for the money figures.
 */
import type { SweepReport, TornadoReport } from '../../analysis/sensitivity.js';
import type { WarmUp } from '../../analysis/warm-up.js';

/** `warmUp`: the warm-up periods of the design as written (no `launch:`; src/analysis/warm-up.ts); absent or null: none. */
export type SensitivityModel =
  | { readonly kind: 'tornado'; readonly report: TornadoReport; readonly currency: string; readonly warmUp?: WarmUp | null }
  | { readonly kind: 'sweep'; readonly report: SweepReport; readonly currency: string; readonly warmUp?: WarmUp | null };
