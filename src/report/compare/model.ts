/** What the compare formats render: the comparison, and each column's full run summary (for the JSON). */
import type { CompareReport } from '../../analysis/compare.js';
import type { RunSummary } from '../../analysis/summary-types.js';

export interface CompareModel {
  readonly report: CompareReport;
  /** One per column, in the report's column order. */
  readonly summaries: readonly RunSummary[];
}
