import { describe, expect, it } from 'vitest';
import { buildTransition } from '../../src/analysis/transition.js';
import type { TransitionReport } from '../../src/analysis/transition-types.js';
import { buildPartners } from '../../src/history/store-builder.js';
import { renderTransitionCsv } from '../../src/report/transition/csv.js';
import { renderTransitionHtml } from '../../src/report/transition/html.js';
import { renderTransitionJson } from '../../src/report/transition/json.js';
import { renderTransitionMarkdown } from '../../src/report/transition/markdown.js';
import { ledger, store } from './hand-case.js';

const EVIL = '<script>alert(1)</script> & "Co"';

/** The hand case with hostile names: markup in B's name (B is also at risk), formulas in the others'. */
function hostileReport(): TransitionReport {
  const partners = buildPartners([
    { partner_id: 'A', name: '=SUM(A1)', segment: 'reseller', region: 'emea', legacy_level: 'Gold' },
    { partner_id: 'B', name: EVIL, segment: 'reseller', region: 'emea', legacy_level: 'Gold' },
    { partner_id: 'C', name: '+1', segment: 'msp', region: 'apac', legacy_level: '' },
    { partner_id: 'D', name: '-1', segment: '@x', region: 'amer|eu', legacy_level: '' },
  ]);
  const L = ledger();
  L.partners = partners.partners.map((p) => ({ id: p.id, name: p.name, segment: p.segment, region: p.region, legacyLevel: p.legacyLevel }));
  return buildTransition(L, store, partners);
}

describe('transition renderers', () => {
  const report = hostileReport();

  it('HTML shows a hostile partner name as text, never as markup', () => {
    const html = renderTransitionHtml(report);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    // self-contained: no script, no external resource, a CSP that forbids fetching.
    expect(html).not.toMatch(/<script|<link|src=|href=|url\(|@import/i);
    expect(html).toContain(`default-src 'none'`);
    expect(html).toContain('@page { size: A4 portrait');
    // the three charts are inline SVG with their titles.
    expect(html.match(/<svg /g)?.length).toBe(3);
    expect(html).toContain('class="chart heat-map"');
  });

  it('Markdown shows it as text and keeps the tables intact', () => {
    const text = renderTransitionMarkdown(report);
    expect(text).not.toContain('<script');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "Co"');
    // `amer|eu` would split a table cell; it is escaped.
    expect(text).toContain('amer\\|eu');
    expect(text).toContain('| Gold | 0 (0%) | 1 (50%) | 1 (50%) | 2 |');
  });

  it('Markdown tables keep one cell per column on every row (GitHub renders them)', () => {
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    let header = 0;
    for (const line of renderTransitionMarkdown(report).split('\n')) {
      if (!line.startsWith('|')) {
        header = 0;
        continue;
      }
      if (header === 0) header = cells(line);
      else expect(cells(line)).toBe(header);
    }
  });

  it('CSV defuses formula cells and keeps one row per partner', () => {
    const csv = renderTransitionCsv(report);
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(5); // header + A, B, C, D
    expect(lines[0]).toMatch(/^partner_id,name,segment,region,legacy_level,/);
    expect(lines[0]).toMatch(/,tier_2024-Q1,tier_2024-Q2,tier_2024-Q3,tier_2024-Q4$/);
    expect(lines[1]).toMatch(/^A,'=SUM\(A1\),reseller,emea,Gold,partners_file,/);
    expect(lines[2]).toMatch(/^B,"<script>alert\(1\)<\/script> & ""Co""",reseller,/);
    expect(lines[3]).toMatch(/^C,'\+1,msp,apac,Silver,computed,150000,1,Silver,Gold,up,3500,no,no,/);
    expect(lines[4]).toMatch(/^D,'-1,'@x,amer\|eu,\(none\),computed,/);
    // B's row carries its gap: threshold 3,000, 1,700 short, and the plan.
    expect(lines[2]).toContain(',yes,no,3000,1700,');
    expect(lines[2]).toContain('4 × Closed-won deal (525 pts each: a deal of USD 35,000 with product saas)');
  });

  it('JSON is the model, with the same numbers as the other formats', () => {
    const parsed = JSON.parse(renderTransitionJson(report)) as TransitionReport;
    expect(parsed.cost.new.total).toBe(3200);
    expect(parsed.matrix.counts).toEqual(report.matrix.counts);
    expect(parsed.partner_rows[1]?.name).toBe(EVIL);
  });

  it('is byte-identical for the same inputs', () => {
    expect(renderTransitionHtml(hostileReport())).toBe(renderTransitionHtml(report));
    expect(renderTransitionMarkdown(hostileReport())).toBe(renderTransitionMarkdown(report));
  });
});
