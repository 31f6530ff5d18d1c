/** check's summary line and text report when the evidence fails, on hand-built reports (src/report/check/). */
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/analysis/evidence.js';
import type { CheckReport, PositionedGuardrail } from '../../src/report/check/model.js';
import { checkPassed, summaryLine } from '../../src/report/check/model.js';
import { renderCheckText } from '../../src/report/check/text.js';

const FAILED: Evidence = {
  passed: false,
  rows: 5,
  skippedRows: 0,
  maxSkippedRows: 0.05,
  events: 0,
  outsideEvents: 5,
  program: { from: '2024-01-01', to: '2024-12-31', months: 12 },
  covered: null,
  findings: [{ code: 'no-events-in-program', message: 'no event of the history falls inside the program (2024-01-01 to 2024-12-31): 5 history rows read, 0 skipped as bad rows, 5 dated outside the program' }],
};

const crossed: PositionedGuardrail = { name: 'max_cost', kind: 'money', measured: 3100, comparison: '<=', limit: 2500, passed: false, dataPath: ['guardrails', 'max_cost'], line: 3, col: 3 };

const report = (over: Partial<CheckReport>): CheckReport => ({ file: 'd.yaml', program: 'D', currency: 'USD', at: { measure: 'mean', runs: null, seed: null }, results: [], ...over });

describe('check report with evidence', () => {
  it('no guardrails and no evidence: the summary says both, and the check fails', () => {
    const r = report({ evidence: FAILED });
    expect(checkPassed(r)).toBe(false);
    expect(summaryLine(r)).toBe('d.yaml: no pass without evidence (1 problem with the history); no guardrails in the design');
  });

  it('a crossed guardrail too: both verdicts, the evidence first', () => {
    const r = report({ evidence: FAILED, results: [crossed] });
    expect(renderCheckText(r)).toBe(
      [
        `FAIL  evidence: ${FAILED.findings[0]?.message ?? ''}`,
        'FAIL  max_cost: measured $3,100.00, limit ≤ $2,500.00',
        'd.yaml: no pass without evidence (1 problem with the history); 1 of 1 guardrail crossed on what was replayed, at the expectation (as run prints it)',
        '',
      ].join('\n'),
    );
  });

  it('a report built without evidence is judged on its guardrails alone, as before', () => {
    expect(checkPassed(report({}))).toBe(true);
    expect(summaryLine(report({}))).toBe('d.yaml: no guardrails in the design; nothing to check');
  });
});
