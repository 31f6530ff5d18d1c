/**
 * Every file in fixtures/invalid/ holds one distinct mistake. For each: the code, the
 * position (1-based line:col of the offending key or value; 0:0 for whole-file problems)
 * and the severity of the first diagnostic, and how many diagnostics there are in all.
 * Positions were counted by hand in the fixture files (fixtures/invalid/EXPECTED.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/program/load.js';

interface Expected {
  code: string;
  line: number;
  col: number;
  severity?: 'error' | 'warning';
  /** Diagnostics in all (1 unless the mistake honestly produces more). */
  count?: number;
  /** A fragment the message (or hint) must contain. */
  says: string;
}

export const EXPECTED: Record<string, Expected> = {
  'alias-bomb.yaml': { code: 'yaml-alias-limit', line: 3, col: 8, says: 'alias bomb' },
  'bad-date-format.yaml': { code: 'invalid-format', line: 2, col: 35, says: 'YYYY-MM-DD' },
  'bad-indentation.yaml': { code: 'yaml-bad-indent', line: 4, col: 1, says: 'same column' },
  'bad-merge.yaml': { code: 'yaml-bad-merge', line: 9, col: 5, says: 'must merge a mapping' },
  'binary-threshold.yaml': { code: 'number-notation', line: 10, col: 33, says: 'binary number' },
  'binary.yaml': { code: 'not-a-text-file', line: 0, col: 0, says: 'not a text file' },
  'clawback-in-best-of.yaml': { code: 'clawback-in-best-of', line: 10, col: 5, says: 'is in the `best_of` group `growth`' },
  'clawback-on-steps.yaml': { code: 'clawback-needs-row-credit', line: 9, col: 5, says: 'credits per period (`steps`)' },
  'clawback-when-itself.yaml': { code: 'clawback-when-itself', line: 9, col: 39, says: 'names the activity itself' },
  'clawback-with-gate.yaml': { code: 'clawback-with-gate', line: 11, col: 5, says: 'both a clawback and a gate' },
  'comment-only.yaml': { code: 'empty-file', line: 0, col: 0, says: 'empty' },
  'constructor-key.yaml': { code: 'reserved-key', line: 10, col: 30, says: '`constructor`' },
  'descending-tiers.yaml': { code: 'tiers-not-ascending', line: 11, col: 33, says: 'tier `Silver` needs 1000 points' },
  'duplicate-key.yaml': { code: 'duplicate-key', line: 9, col: 3, says: 'the key `webinar_hosted` appears twice in this mapping (first on line 7)' },
  'duplicate-tier-name.yaml': { code: 'duplicate-id', line: 11, col: 13, says: 'tier `Gold` is declared twice' },
  'empty-tier-list.yaml': { code: 'out-of-range', line: 8, col: 8, says: 'at least 1 item' },
  'empty.yaml': { code: 'empty-file', line: 0, col: 0, says: 'empty' },
  'ends-before-starts.yaml': { code: 'dates-reversed', line: 2, col: 53, says: 'ends (2023-12-31) before it starts' },
  'guardrail-min-above-max.yaml': { code: 'range-reversed', line: 13, col: 18, says: 'min 0.3 is above max 0.15' },
  'hex-points.yaml': { code: 'number-notation', line: 7, col: 50, says: 'hexadecimal number' },
  'grace-days-and-periods.yaml': { code: 'grace-days-and-periods', line: 9, col: 55, says: 'both grace_periods and grace_days' },
  'impossible-date.yaml': { code: 'impossible-date', line: 2, col: 35, says: '2024-02-30 is not a day' },
  'infinite-points.yaml': { code: 'number-notation', line: 7, col: 50, says: '`.inf` is infinity' },
  'invalid-utf8.yaml': { code: 'not-a-text-file', line: 0, col: 0, says: 'UTF-8' },
  'launch-until-before-start.yaml': { code: 'launch-until-before-start', line: 14, col: 39, says: 'before the program starts (2024-01-01)' },
  'launch-without-legacy.yaml': { code: 'launch-without-legacy', line: 11, col: 16, says: 'no `legacy:` section' },
  'legacy-certified-activity-missing.yaml': { code: 'legacy-certified-activity-missing', line: 13, col: 49, severity: 'warning', says: '`cert_earned`' },
  'missing-format-version.yaml': { code: 'missing-format-version', line: 1, col: 1, says: 'pointsmith: 1' },
  'missing-required-key.yaml': { code: 'missing-key', line: 10, col: 5, says: 'missing the required key `min_points`' },
  'mix-sums-to-0.9.yaml': { code: 'mix-sum-not-one', line: 16, col: 5, says: 'sum to 0.9' },
  'multiple-documents.yaml': { code: 'yaml-multiple-documents', line: 6, col: 1, says: 'more than one YAML document' },
  'nan-points.yaml': { code: 'number-notation', line: 7, col: 50, says: 'not a number (NaN)' },
  'huge-budget.yaml': { code: 'out-of-range', line: 9, col: 30, says: 'below 1e12, got the number 1.2345678901234569e+23' },
  'huge-points.yaml': { code: 'out-of-range', line: 7, col: 50, says: 'below 1e12, got the number 1e+308' },
  'negative-points.yaml': { code: 'out-of-range', line: 7, col: 50, says: 'at least 0, got the number -50' },
  'no-scoring-rule.yaml': { code: 'no-scoring-rule', line: 8, col: 3, says: '`deal_closed`' },
  'not-a-mapping.yaml': { code: 'not-a-mapping', line: 1, col: 1, says: 'a list' },
  'octal-points.yaml': { code: 'number-notation', line: 7, col: 50, says: 'an octal number' },
  'points-and-points_per.yaml': { code: 'several-scoring-rules', line: 11, col: 5, says: 'both `points` and `points_per`' },
  'points_per-without-basis.yaml': { code: 'points-per-basis', line: 10, col: 5, says: '`amount` or `quantity`' },
  'promotion-dates-reversed.yaml': { code: 'dates-reversed', line: 11, col: 43, says: 'ends before it starts' },
  'promotion-outside-program.yaml': { code: 'promotion-outside-program', line: 11, col: 43, says: 'after the program ends (2024-12-31)' },
  'proto-key.yaml': { code: 'reserved-key', line: 8, col: 3, says: '`__proto__`' },
  'rate-above-one.yaml': { code: 'rate-out-of-range', line: 13, col: 20, says: '60% is 0.6' },
  // Gold's APAC threshold (800) is below Silver's, which APAC partners still need at 1000.
  'regional-threshold-not-ascending.yaml': { code: 'tiers-not-ascending', line: 13, col: 38, says: 'where region is apac' },
  'round-at-balance-basis.yaml': { code: 'round-at-balance-basis', line: 12, col: 29, says: '`tier_basis: balance`' },
  'round-at-on-activity.yaml': { code: 'round-at-on-activity', line: 7, col: 80, says: 'an activity\'s own `round` rounds each event\'s points' },
  'track-set-balance-basis.yaml': { code: 'track-set-balance-basis', line: 17, col: 7, says: 'the tracks share one balance' },
  'track-set-invalid.yaml': { code: 'track-set-invalid', line: 16, col: 7, says: 'with its `set`, activities.deal_closed.points' },
  'track-set-needs-best-mode.yaml': { code: 'track-set-needs-best-mode', line: 15, col: 7, says: '`tracks.mode: best`' },
  'track-set-not-scoring.yaml': { code: 'track-set-not-scoring', line: 16, col: 14, says: '`calendar.tier_window` is not something a track may change' },
  'track-set-path-matches-nothing.yaml': { code: 'track-set-path-matches-nothing', line: 16, col: 14, says: 'did you mean `deal_closed`?' },
  'track-set-wrong-type.yaml': { code: 'track-set-wrong-type', line: 16, col: 45, says: 'expects a number, got the string "lots"' },
  'scenario-extends-cycle.yaml': { code: 'scenario-extends-cycle', line: 11, col: 20, says: '`push` → `stretch` → `push`' },
  'scenario-extends-unknown.yaml': { code: 'unknown-scenario', line: 12, col: 23, says: 'did you mean `push`?' },
  'scenario-path-matches-nothing.yaml': { code: 'scenario-path-matches-nothing', line: 13, col: 12, says: 'did you mean `webinar_hosted`?' },
  'staged-shares.yaml': { code: 'staged-shares-sum', line: 11, col: 5, says: 'sum to 0.9' },
  'steps-not-ascending.yaml': { code: 'steps-not-ascending', line: 9, col: 43, says: 'step 2 is at 1' },
  'tab-indent.yaml': { code: 'yaml-tab-indent', line: 4, col: 1, says: 'tabs' },
  'term-renewal-too-long.yaml': { code: 'term-renewal-too-long', line: 4, col: 39, says: 'longer than the term (12 months)' },
  // One unclosed `[` leaves both the list and the enclosing `{` unterminated: yaml reports both, at adjacent columns.
  'unclosed-bracket.yaml': { code: 'yaml-unclosed', line: 7, col: 54, count: 2, says: 'close the bracket' },
  'unknown-activity-in-best-of.yaml': { code: 'unknown-activity', line: 10, col: 25, says: 'did you mean `deal_expansion`?' },
  'unknown-activity-in-tier-requirement.yaml': { code: 'unknown-activity', line: 13, col: 31, says: 'did you mean `cert_earned`?' },
  'unknown-alias.yaml': { code: 'yaml-unknown-alias', line: 8, col: 13, says: '`*webnar` refers to no anchor' },
  'unknown-category.yaml': { code: 'unknown-category', line: 7, col: 31, says: 'did you mean `awareness`?' },
  'unknown-key-typo.yaml': { code: 'unknown-key', line: 8, col: 5, says: 'did you mean `category`?' },
  'unknown-legacy-level-in-opening.yaml': { code: 'unknown-legacy-level', line: 17, col: 21, says: 'did you mean `Premier`?' },
  'unknown-period.yaml': { code: 'invalid-value', line: 3, col: 21, says: 'did you mean `quarter`?' },
  'unknown-reward-in-mix.yaml': { code: 'unknown-reward', line: 14, col: 47, says: 'did you mean `support_10h`?' },
  'unknown-tier-in-guardrail.yaml': { code: 'unknown-tier', line: 13, col: 5, says: 'did you mean `Gold`?' },
  'unknown-tier-in-legacy.yaml': { code: 'unknown-tier', line: 13, col: 43, says: 'did you mean `Gold`?' },
  'unknown-top-level-key.yaml': { code: 'unknown-key', line: 8, col: 1, says: 'did you mean `tiers`?' },
  'underscore-budget.yaml': { code: 'number-notation', line: 9, col: 30, says: '`_` as a digit separator' },
  // awareness is capped at 2000 per window, so requiring 2500 of it cannot be met (the 3000 total could: deal_closed is uncapped).
  'unreachable-category-requirement.yaml': { code: 'unreachable-tier', line: 13, col: 42, severity: 'warning', says: 'at most 2000 can be earned there' },
  // Both Gold (3000) and Platinum (5000) lie above the window's bound of 2000 + 4 × 200 = 2800.
  'unreachable-tier.yaml': { code: 'unreachable-tier', line: 12, col: 31, severity: 'warning', count: 2, says: 'at most 2800' },
  'unsupported-format-version.yaml': { code: 'unsupported-format-version', line: 1, col: 13, says: 'format version 2' },
  'wrong-type-points.yaml': { code: 'wrong-type', line: 7, col: 50, says: 'expected a number, got the string "fifty"' },
  'wrong-type-tiers.yaml': { code: 'wrong-type', line: 9, col: 3, says: 'expected a list, got a mapping' },
  // Dated changes: positions counted by hand (the `set` key's path at its column, a date at its value).
  'change-set-not-allowed.yaml': { code: 'change-set-not-allowed', line: 13, col: 12, says: '`calendar.period` is not something a dated change may set' },
  'change-set-path-matches-nothing.yaml': { code: 'change-set-path-matches-nothing', line: 13, col: 12, says: 'did you mean `deal_closed`?' },
  // 2025-07-01 − 90 days = 2025-04-02 (April 2..30: 28, May: 31, June: 30, 1 July: 1 = 90).
  'change-short-notice.yaml': { code: 'change-short-notice', line: 12, col: 16, severity: 'warning', says: 'announce it by 2025-04-02' },
  'changes-out-of-order.yaml': { code: 'changes-out-of-order', line: 14, col: 16, says: 'listed after the change of 2025-09-01' },
  'change-announced-after-effective.yaml': { code: 'change-announced-after-effective', line: 12, col: 16, says: 'announced after it takes effect (2025-08-01)' },
  'change-set-invalid.yaml': { code: 'change-set-invalid', line: 13, col: 5, says: 'activities.deal_closed.points: Too small' },
};

const DIR = 'fixtures/invalid';
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('fixtures/invalid', () => {
  it('has at least 28 fixtures, each listed here with its expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(28);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it('covers distinct mistakes (at least 28 different codes or positions)', () => {
    const distinct = new Set(Object.values(EXPECTED).map((e) => e.code));
    expect(distinct.size).toBeGreaterThanOrEqual(28);
  });

  for (const file of files) {
    const expected = EXPECTED[file];
    it(`${file}: ${expected?.code ?? '(not listed)'} at ${expected?.line}:${expected?.col}`, () => {
      if (expected === undefined) throw new Error(`${file} has no entry in EXPECTED`);
      const result = loadProgram(readFileSync(`${DIR}/${file}`), `${DIR}/${file}`);
      const [first] = result.diagnostics;
      expect(first).toBeDefined();
      expect({ code: first?.code, line: first?.line, col: first?.col, severity: first?.severity }).toEqual({
        code: expected.code,
        line: expected.line,
        col: expected.col,
        severity: expected.severity ?? 'error',
      });
      expect(result.diagnostics).toHaveLength(expected.count ?? 1);
      expect(`${first?.message} ${first?.hint}`).toContain(expected.says);
      expect(first?.file).toBe(`${DIR}/${file}`);
      expect(first?.hint, 'every diagnostic carries a hint').toBeTruthy();
      // Errors mean no program; a design with only warnings still loads.
      expect(result.program === undefined).toBe((expected.severity ?? 'error') === 'error');
    });
  }
});
