/**
 * What the sensitivity formats render: a tornado (every weight moved ±X%, ranked by
 * impact) or, with `--sweep`, the grid; and the design's currency for the money figures.
 */
import type { SweepReport, TornadoReport } from '../../analysis/sensitivity.js';

export type SensitivityModel =
  | { readonly kind: 'tornado'; readonly report: TornadoReport; readonly currency: string }
  | { readonly kind: 'sweep'; readonly report: SweepReport; readonly currency: string };
