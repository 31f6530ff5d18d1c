/**
 * `compare --format xlsx`: the comparison (the JSON's keys) as a workbook:
 *
 *   Summary        columns' count, currency, partners, events
 *   Comparison     rows[]: section, key, then each column's value, and for every column
 *                  after the first its delta and delta share (each row in its kind's format)
 *   Tier changes   tier_changes[]: one row per cell of each migration matrix (from, to,
 *                  from_tier, to_tier, partners), and the changed count per pair in Summary
 *   Tier movers    tier_changes[].top[]
 *
 * Each column's full run summary (`runs[]` in the JSON) is left out: it is
 * `run --format xlsx` on that design or scenario.
 */
import { xlsxFormat, type Cell, type CellValue, type Column, type WorkbookModel } from '../xlsx-workbook.js';
import type { CompareModel } from './model.js';

export function compareWorkbook({ report }: CompareModel): WorkbookModel {
  // The first column is the base: its deltas would all be empty, so it gets none.
  const others = report.columns.slice(1);
  const columns: Column[] = [
    { header: 'section', kind: 'text' },
    { header: 'key', kind: 'text' },
    ...report.columns.map((header) => ({ header, kind: 'number' as const })),
    ...others.flatMap((c) => [
      { header: `Δ ${c}`, kind: 'number' as const },
      { header: `Δ% ${c}`, kind: 'share' as const },
    ]),
  ];
  return {
    currency: report.currency,
    sheets: [
      {
        name: 'Summary',
        columns: [
          { header: 'metric', kind: 'text' },
          { header: 'value', kind: 'count' },
        ],
        rows: [
          ['currency', { value: report.currency, kind: 'text' }],
          ['partners', report.partners],
          ['events', report.events],
          ...report.tierChanges.map((c): CellValue[] => [`changed tier: ${c.from} → ${c.to}`, c.changed]),
        ],
      },
      {
        name: 'Comparison',
        columns,
        rows: report.rows.map((r): (CellValue | Cell)[] => [
          r.section,
          r.key,
          ...r.values.map((value) => ({ value, kind: r.kind })),
          ...others.flatMap((_, i) => [{ value: r.delta[i + 1] ?? null, kind: r.kind }, r.deltaShare[i + 1] ?? null]),
        ]),
      },
      {
        name: 'Tier changes',
        columns: [
          { header: 'from', kind: 'text' },
          { header: 'to', kind: 'text' },
          { header: 'from_tier', kind: 'text' },
          { header: 'to_tier', kind: 'text' },
          { header: 'partners', kind: 'count' },
        ],
        rows: report.tierChanges.flatMap((c) => c.fromTiers.flatMap((from, i) => c.toTiers.map((to, j) => [c.from, c.to, from, to, c.counts[i]?.[j] ?? null]))),
      },
      {
        name: 'Tier movers',
        columns: [
          { header: 'from', kind: 'text' },
          { header: 'to', kind: 'text' },
          { header: 'partner', kind: 'text' },
          { header: 'name', kind: 'text' },
          { header: 'tier_from', kind: 'text' },
          { header: 'tier_to', kind: 'text' },
          { header: 'points_from', kind: 'points' },
          { header: 'points_to', kind: 'points' },
          { header: 'points_delta', kind: 'points' },
        ],
        rows: report.tierChanges.flatMap((c) => c.top.map((m) => [c.from, c.to, m.partner, m.name, m.from, m.to, m.pointsFrom, m.pointsTo, m.pointsDelta])),
      },
    ],
  };
}

export const compareXlsxFormat = xlsxFormat<CompareModel>('for Excel: one sheet per table, typed numbers and formats (needs --out or a redirect)', compareWorkbook);
