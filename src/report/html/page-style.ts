/**
 * The stylesheet of the HTML reports, inlined in the page (the file must stand alone:
 * no external CSS, font or image). System fonts only. The print part lays the report out
 * on A4 portrait: margins, no background colours wasted except the charts', tables that
 * repeat their header and never split a row, sections that start on a new page when a
 * chart would otherwise be cut.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #5a6270; --line: #d9dee5; --accent: #0b3d7a; --up: #1b7f3b; --down: #b3261e; --same: #5a6270; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #ffffff; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 28px 64px; }
header.report { border-bottom: 3px solid var(--accent); padding-bottom: 12px; margin-bottom: 20px; }
header.report h1 { margin: 0 0 4px; font-size: 26px; color: var(--accent); }
header.report p { margin: 0; color: var(--muted); }
h2 { font-size: 19px; margin: 32px 0 10px; color: var(--accent); border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 20px 0 8px; }
p.note, .note { color: var(--muted); font-size: 12.5px; }
ul.summary { padding-left: 20px; font-size: 15px; }
ul.summary li { margin: 4px 0; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.figure { flex: 1 1 120px; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.figure .value { font-size: 22px; font-weight: 650; display: block; }
.figure .label { color: var(--muted); font-size: 12px; }
.figure.up .value { color: var(--up); } .figure.down .value { color: var(--down); }
.columns { display: flex; flex-wrap: wrap; gap: 16px; }
.column-card { flex: 1 1 300px; min-width: 0; }
.column-card h3 { margin: 8px 0 0; overflow-wrap: anywhere; }
.charts { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.charts figure { flex: 1 1 400px; min-width: 0; }
.charts figure.wide { flex-basis: 100%; }
figure { margin: 8px 0 16px; }
figcaption { color: var(--muted); font-size: 12px; margin-top: 4px; max-width: 520px; }
svg.chart { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f1f4f8; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 650; border-top: 2px solid var(--ink); }
.move-up { color: var(--up); font-weight: 600; } .move-down { color: var(--down); font-weight: 600; } .move-same { color: var(--same); }
.plan { margin: 0; padding-left: 18px; }
.warning { border-left: 4px solid #e0a100; background: #fff8e1; padding: 8px 12px; margin: 12px 0; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4 portrait; margin: 14mm 12mm 16mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section.page { break-before: page; page-break-before: always; }
  figure, .figures, .column-card, tr, .warning { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 9pt; }
  th { background: #f1f4f8 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg.chart { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;
