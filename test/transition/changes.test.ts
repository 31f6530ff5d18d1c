/**
 * transition on a design with a dated change: the report lists the change (JSON `changes`,
 * a line of the executive summary, so Markdown and HTML show it), and a change that sets
 * the value already in force moves no figure: fixtures/transition/program.yaml with Silver's
 * annual cost "changed" to its own 400 from 2024-07-01.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointsmith } from '../support/bin.js';

const DIR = 'fixtures/transition';
const files = (design: string): string[] => [design, '--history', `${DIR}/history.csv`, '--partners', `${DIR}/partners.csv`];

describe('transition with dated changes', () => {
  it('lists the change and moves no figure when it sets the value in force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pointsmith-transition-changes-'));
    const design = join(dir, 'program.yaml');
    writeFileSync(
      design,
      `${readFileSync(`${DIR}/program.yaml`, 'utf8')}\nchanges:\n  - effective: 2024-07-01\n    announced: 2024-03-01\n    description: Silver benefits confirmed\n    set: { tiers.Silver.benefits.annual_cost: 400 }\n`,
    );
    const plain = JSON.parse((await pointsmith('transition', ...files(`${DIR}/program.yaml`), '--format', 'json')).out) as Record<string, unknown>;
    const r = await pointsmith('transition', ...files(design), '--format', 'json');
    expect(r.code).toBe(0);
    const changed = JSON.parse(r.out) as Record<string, unknown> & { changes: unknown[]; executive_summary: string[] };
    // 2024-03-01 → 2024-07-01: 30 (rest of March) + 1 + 30 + 31 + 30 = 122 days.
    expect(changed.changes).toEqual([
      { version: 1, effective: '2024-07-01', announced: '2024-03-01', notice_days: 122, short_notice: false, description: 'Silver benefits confirmed', set: { 'tiers.Silver.benefits.annual_cost': 400 }, periods: ['2024-Q3', '2024-Q4'] },
    ]);
    expect(changed.executive_summary).toContain("Dated change: From 2024-07-01 (announced 2024-03-01, 122 days' notice): Silver benefits confirmed — tiers.Silver.benefits.annual_cost = 400; evaluates 2024-Q3, 2024-Q4.");
    const { changes: _changes, executive_summary: summaryWith, ...rest } = changed;
    const { executive_summary: summaryWithout, ...plainRest } = plain;
    expect(rest).toEqual(plainRest);
    expect(summaryWith.slice(0, (summaryWithout as string[]).length - 1)).toEqual((summaryWithout as string[]).slice(0, -1));
    const markdown = await pointsmith('transition', ...files(design));
    expect(markdown.out).toContain('Dated change: From 2024-07-01');
  });
});
