/**
 * `run --format html --by …` (issue 17): the breakdown section draws, per group, the
 * partners per tier (stacked) and the cost, and its table prints the same figures, every
 * one equal to `summary.by` in the JSON of the same run. Without --by there is no section.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/analysis/summary-types.js';
import { formatCount, formatMoney, formatPoints } from '../../src/format/number.js';
import { launch, runBrowserTests } from './browser-harness.js';
import { cli, openClean, writePage } from './report-pages.js';

const SAMPLE = ['programs/lifecycle.yaml', '--history', 'fixtures/sample/history.csv', '--partners', 'fixtures/sample/partners.csv'];

async function drawn(page: Page, selector: string): Promise<{ series: string; category: string; value: number }[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((e) => ({ series: e.getAttribute('data-series') ?? '', category: e.getAttribute('data-category') ?? '', value: Number(e.getAttribute('data-value')) })),
  );
}

describe.runIf(runBrowserTests && existsSync('fixtures/sample/history.csv'))('run HTML: the --by breakdown', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const dimension of ['region', 'period'] as const) {
    it(`--by ${dimension}: the charts and the table hold the JSON's numbers`, async () => {
      const summary = JSON.parse(await cli(['run', ...SAMPLE, '--by', dimension, '--format', 'json'])) as RunSummary;
      const by = summary.by!;
      expect(by.dimension).toBe(dimension);
      const { page, check } = await openClean(browser, await writePage(['run', ...SAMPLE, '--by', dimension], `run-by-${dimension}.html`));
      const section = `#by-${dimension}`;
      expect(await page.locator(`${section} h2`).textContent()).toBe(`By ${dimension}`);

      const segments = await drawn(page, `${section} svg.stacked-bar-chart rect.segment`);
      const tiers = summary.tiers.map((t) => t.tier);
      // One segment per tier per group (a tier no partner of the group holds is drawn as 0).
      const expected = by.groups.flatMap((g) => tiers.map((tier) => ({ series: tier, category: g.key, value: g.tiers.find((t) => t.tier === tier)?.partners ?? 0 })));
      expect(segments).toEqual(expected);
      if (dimension === 'region') {
        // Each partner sits in one region: the groups' tier counts add up to the 2,000 partners.
        expect(segments.reduce((a, s) => a + s.value, 0)).toBe(summary.partners);
      }

      const bars = await drawn(page, `${section} svg.bar-chart rect.bar`);
      expect(bars).toEqual(by.groups.map((g) => ({ series: 'Cost', category: g.key, value: g.cost_total })));

      const rows = await page.locator(`${section} table tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      expect(rows).toEqual(
        by.groups.map((g) => [
          g.key,
          formatCount(g.partners),
          formatPoints(g.points_earned),
          formatMoney(g.cost_total, summary.program.currency),
          ...tiers.map((tier) => formatCount(g.tiers.find((t) => t.tier === tier)?.partners ?? 0)),
        ]),
      );
      check();
      await page.close();
    });
  }

  it('without --by: no breakdown section', async () => {
    const { page, check } = await openClean(browser, await writePage(['run', ...SAMPLE], 'run-no-by.html'));
    expect(await page.locator('[id^="by-"]').count()).toBe(0);
    check();
    await page.close();
  });
});
