import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/analysis/summary.js';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { markdownText as escapeMarkdownCell } from '../../src/report/sanitize/index.js';
import { renderRunCsv } from '../../src/report/run/csv.js';
import { renderRunJson } from '../../src/report/run/json.js';
import { renderRunMarkdown } from '../../src/report/run/markdown.js';
import { renderRunTable } from '../../src/report/run/table.js';
import type { Style } from '../../src/report/style.js';
import { fixtureLedger, fixtureProgram } from './ledger-fixture.js';

/**
 * The fixture with mdf's capacity cut to 0.05 a quarter, so that it falls short by whole
 * units people see: Q1 0.3 − 0.05 = 0.25 (reads 0), Q2 0.5833… − 0.05 = 0.5333… (reads 1);
 * 0.7833… in all (reads 1). Its other figures are the fixture's.
 */
const shortLedger = () =>
  fixtureLedger(fixtureProgram((d) => ({ ...d, rewards: (d.rewards ?? []).map((r) => (r.id === 'mdf' ? { ...r, capacity: { per: 'period' as const, units: 0.05 } } : r)) })));
import { RUN_JSON_KEYS, keyPaths } from './json-keys.js';

// ESC [ starts every ANSI colour sequence
const ANSI = /\u001b\[/;

/** A summary whose names try to break out of each format. */
function hostileSummary(): RunSummary {
  const program = fixtureProgram((d) => ({
    ...d,
    program: { ...d.program, name: 'Acme | <script>alert(1)</script>' },
    tiers: [
      { name: 'Reg|istered', min_points: 0 },
      { name: '<script>x</script>', min_points: 1000, benefits: { annual_cost: 400, discount_pct: 5 } },
      { name: '`Gold`', min_points: 3000 },
    ],
  }));
  const ledger = fixtureLedger(program);
  const partners = ledger.partners.map((p, i) => ({ ...p, segment: ['=cmd|x', '+1', '-1'][i] ?? '' }));
  return summarize({ ...ledger, partners }, { by: 'segment' });
}

describe('json', () => {
  const s = summarize(fixtureLedger());
  const text = renderRunJson(s);

  it('is the RunSummary, 2-space indented, one trailing newline and nothing after it', () => {
    expect(JSON.parse(text)).toEqual(s);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text.split('\n')[1]).toBe('  "format_version": 2,');
  });

  it('carries exactly the DESIGN §6 keys', () => {
    expect(keyPaths(JSON.parse(text))).toEqual(RUN_JSON_KEYS);
  });

  it('adds `by` only with --by', () => {
    const keys = keyPaths(JSON.parse(renderRunJson(summarize(fixtureLedger(), { by: 'region' }))));
    expect(keys.slice(RUN_JSON_KEYS.length)).toEqual([
      'by', 'by.dimension', 'by.groups', 'by.groups[].key', 'by.groups[].partners', 'by.groups[].points_earned',
      'by.groups[].cost_total', 'by.groups[].tiers', 'by.groups[].tiers[].tier', 'by.groups[].tiers[].partners',
      'by.groups[].tiers[].share',
    ]);
  });

  it('numbers are numbers, never strings', () => {
    const parsed = JSON.parse(text) as RunSummary;
    expect(typeof parsed.cost.total).toBe('number');
    expect(typeof parsed.points.breakage).toBe('number');
  });
});

describe('table', () => {
  it('has no ANSI codes with the plain style (not a TTY), and every section', () => {
    const text = renderRunTable(summarize(shortLedger(), { by: 'segment' }));
    expect(text).not.toMatch(ANSI);
    for (const heading of ['Points', 'Tiers at the last evaluation (2024-Q2)', 'Partners per tier, by period', 'Reward demand against capacity', 'Cost against budget', 'By segment']) {
      expect(text).toContain(`\n${heading}\n`);
    }
    expect(text.startsWith('Fixture Points: 3 partners, 10 events, 2 periods (2024-Q1 to 2024-Q2)\n')).toBe(true);
    // figures as people read them: grouping, currency, percent (46.665 % → 46.7 %)
    expect(text).toMatch(/│ earned\s+│ 4,733\.33 │/);
    expect(text).toMatch(/│ total cost\s+│ \$2,333\.27 │/);
    expect(text).toMatch(/│ budget used\s+│\s+46\.7% │/);
    // mdf: 0.88 expected units read whole: 1; capacity 0.1 reads 0; short by 1 unit, in 2024-Q2 only
    expect(text).toMatch(/│ mdf\s+│\s+1 │\s+883\.33 │\s+\$88\.33 │\s+0 │\s+1 │ 2024-Q2\s+│/);
    expect(text).toMatch(/│ support .* unlimited │\s+0 │ -\s+│/);
    expect(text).toMatch(/│ 2024-Q1 │\s+2 │\s+1 │\s+0 │/);
  });

  it('colours through the given Style only', () => {
    const marked: Style = {
      bold: (t) => `\u001b[1m${t}\u001b[22m`,
      dim: (t) => t,
      red: (t) => `\u001b[31m${t}\u001b[39m`,
      yellow: (t) => t,
      green: (t) => t,
      cyan: (t) => t,
    };
    const text = renderRunTable(summarize(shortLedger()), marked);
    expect(text).toContain('\u001b[31m1\u001b[39m');
    expect(text).toContain('\u001b[1mPoints\u001b[22m');
  });

  it('shows control characters in names as escapes', () => {
    const program = fixtureProgram((d) => ({ ...d, program: { ...d.program, name: 'Evil\u001b[2J\nName' } }));
    const text = renderRunTable(summarize(fixtureLedger(program)));
    expect(text).not.toMatch(ANSI);
    expect(text.startsWith('Evil\\u001B[2J\\nName: 3 partners')).toBe(true);
  });

  it('lists at most three short periods in a row', () => {
    const s = summarize(fixtureLedger());
    const mdf = s.rewards[0];
    if (mdf === undefined) throw new Error('fixture has mdf');
    mdf.by_window = ['P1', 'P2', 'P3', 'P4', 'P5'].map((window) => ({
      window,
      start: '2024-01-01',
      end: '2024-03-31',
      capacity: 1,
      units: 2,
      expected_units: 2,
      shortfall: 1,
      expected_shortfall: 1,
      exceeded_share: 1,
    }));
    expect(renderRunTable(s)).toMatch(/│ P1, P2, P3 \+2 more │/);
    // Markdown (a PR comment wraps) keeps them all
    expect(renderRunMarkdown(s)).toContain('| P1, P2, P3, P4, P5 |');
  });

  it('is byte-identical for the same summary', () => {
    const s = summarize(fixtureLedger(), { by: 'period' });
    expect(renderRunTable(s)).toBe(renderRunTable(structuredClone(s)));
  });
});

describe('budget by year', () => {
  // fixtureLedger: one year (2024), 2 of its 4 quarters in the program → 50.0%; cost $2,333.27
  // against 10000 × 0.5 = $5,000.00 → 46.7% (test/run/summary.test.ts), also the worst year.
  it('table: the worst year beside the average, and a row per year', () => {
    const text = renderRunTable(summarize(fixtureLedger()));
    expect(text).toMatch(/│ budget used, worst year \(2024, of its prorated budget\)\s+│\s+46\.7% │/);
    expect(text).toContain('Budget by year');
    expect(text).toMatch(/│ 2024 \(50\.0% in the program\) │ \$2,333\.27 │ \$5,000\.00 │ 46\.7% │/);
  });

  it('markdown: the same rows; a year over budget in bold', () => {
    expect(renderRunMarkdown(summarize(fixtureLedger()))).toContain('| 2024 (50.0% in the program) | $2,333.27 | $5,000.00 | 46.7% |');
    // per period 1000 × 2 quarters = 2000: 2333.27 / 2000 = 116.7%
    const over = renderRunMarkdown(summarize(fixtureLedger(fixtureProgram((d) => ({ ...d, budget: { per: 'period', amount: 1000 } })))));
    expect(over).toContain('| budget used, worst year (2024, of its prorated budget) | **116.7%** |');
    expect(over).toContain('| 2024 (50.0% in the program) | $2,333.27 | $2,000.00 | **116.7%** |');
  });

  it('csv: the worst year and each year as tidy rows', () => {
    const lines = renderRunCsv(summarize(fixtureLedger())).split(/\r?\n/);
    expect(lines).toContain('budget,,,worst_year,2024');
    expect(lines).toContain('budget,,,worst_year_share,0.4667');
    expect(lines).toContain('budget,2024,,covered,0.5');
    expect(lines).toContain('budget,2024,,cost,2333.27');
    expect(lines).toContain('budget,2024,,amount,5000');
    expect(lines).toContain('budget,2024,,used_share,0.4667');
  });

  it('no budget: no year table, no worst-year row', () => {
    const text = renderRunTable(summarize(fixtureLedger(fixtureProgram((d) => ({ ...d, budget: undefined })))));
    expect(text).not.toContain('Budget by year');
    expect(text).not.toContain('worst year');
  });
});

describe('markdown', () => {
  it('escapes |, backticks and HTML in design and partner names', () => {
    const text = renderRunMarkdown(hostileSummary());
    expect(text).not.toContain('<script>');
    expect(text).toContain('## Acme \\| &lt;script&gt;alert(1)&lt;/script&gt;: run report');
    expect(text).toContain('| Reg\\|istered | 1 | 33.3% |');
    expect(text).toContain('| &lt;script&gt;x&lt;/script&gt; | 2 | 66.7% |');
    expect(text).toContain('| \\`Gold\\` | 0 | 0.0% |');
    // by segment: groups "+1" (B), "-1" (C), "=cmd|x" (A), sorted by code unit
    expect(text).toContain('| =cmd\\|x | 1 | 3,200 | $1,908.00 | 0 | 1 | 0 |');
    // every table row has as many cells as its header
    for (const block of text.split('\n\n').filter((b) => b.startsWith('|'))) {
      const widths = block.trimEnd().split('\n').map((row) => row.replace(/\\\|/g, '').split('|').length);
      expect(widths, block).toEqual(widths.map(() => widths[0]));
    }
  });

  it('has a heading per section and GitHub tables with right-aligned numbers', () => {
    const text = renderRunMarkdown(summarize(shortLedger(), { by: 'period' }));
    expect(text).toContain('### Reward demand against capacity');
    expect(text).toContain('| mdf | 1 | 883.33 | $88.33 | 0 | **1** | 2024-Q2 |');
    // with --by period the count is of partners active in the period
    expect(text).toContain('| Period | Active partners | Points earned | Cost | Registered | Silver | Gold |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    expect(text.endsWith('|\n')).toBe(true);
  });

  it('markdownText: &, newlines and backslashes too', () => {
    // the newline is shown as `\n` (a backslash, escaped for Markdown, then n)
    expect(escapeMarkdownCell('a & b\nc \\| d')).toBe('a &amp; b\\\\nc \\\\\\| d');
  });
});

describe('csv', () => {
  it('is one tidy table: section, period, key, metric, value', () => {
    const lines = renderRunCsv(summarize(shortLedger())).split('\n');
    expect(lines[0]).toBe('section,period,key,metric,value');
    expect(lines).toContain('points,,,earned,4733.33');
    expect(lines).toContain('cost,,,total,2333.27');
    expect(lines).toContain('budget,,,used_share,0.4667');
    expect(lines).toContain('tiers,2024-Q2,Silver,partners,2');
    expect(lines).toContain('tier_history,2024-Q1,Registered,share,0.6667');
    expect(lines).toContain('rewards,,mdf,shortfall,1');
    expect(lines).toContain('rewards,,mdf,expected_shortfall,0.78');
    expect(lines).toContain('rewards,2024-Q2,mdf,expected_units,0.58');
    expect(lines).toContain('capacity,2024-Q2,mdf,expected_shortfall,0.53');
    // unlimited capacity is an empty value
    expect(lines).toContain('rewards,,support,capacity,');
    expect(lines.every((l) => l === '' || l.split(',').length === 5)).toBe(true);
  });

  it('escapes formula-like names and quotes the rest', () => {
    const text = renderRunCsv(hostileSummary());
    expect(text).toContain(`by_segment,,'+1,partners,1`);
    expect(text).toContain(`by_segment,,'-1,points_earned,333.33`);
    expect(text).toContain(`by_segment,,'=cmd|x,cost_total,1908`);
    expect(text).toContain('tiers,2024-Q2,Reg|istered,partners,1');
  });

  it('by period puts the group in the period column', () => {
    const lines = renderRunCsv(summarize(fixtureLedger(), { by: 'period' })).split('\n');
    expect(lines).toContain('by_period,2024-Q1,,partners,2');
    expect(lines).toContain('by_period,2024-Q2,,tier:Silver,2');
  });
});
