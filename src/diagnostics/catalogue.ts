/**
 * What each diagnostic code means and how to fix it, for the reports that carry it beside
 * the finding (SARIF rule help in GitHub code scanning). docs/diagnostics.md holds the
 * same words under one heading per code; test/program/diagnostics-doc.test.ts keeps the
 * two equal, so a code documented is a code explained in the report and back.
 */
import type { Severity } from './diagnostic.js';

export interface CodeDoc {
  readonly severity: Severity;
  /** One or two sentences: when the code is reported. Markdown (code spans). */
  readonly meaning: string;
  /** A message as the user sees it, Markdown; empty when the doc gives none. */
  readonly example: string;
  /** What to do about it, with the concrete change where there is one. Markdown. */
  readonly fix: string;
}

export const CODE_DOCS: Readonly<Record<string, CodeDoc>> = Object.freeze({
  'not-a-text-file': {
    severity: 'error',
    meaning: 'The file has NUL bytes or is not valid UTF-8 (an image, a zip, a UTF-16 file).',
    example: '`not a text file: it contains NUL bytes`',
    fix: 'Give the YAML design, saved as UTF-8.',
  },
  'empty-file': {
    severity: 'error',
    meaning: 'Nothing but blanks and comments.',
    example: '`the file is empty (no YAML content, only blanks or comments)`',
    fix: 'Start from `pointsmith init` or a sample in `programs/`.',
  },
  'not-a-mapping': {
    severity: 'error',
    meaning: 'The top level is a list or a single value instead of `key: value` sections.',
    example: '`the design must be a mapping of sections (pointsmith:, program:, activities: ...), but the file holds a list`',
    fix: 'Begin with `pointsmith: 1`, then the sections as top-level keys.',
  },
  'yaml-tab-indent': {
    severity: 'error',
    meaning: 'A tab used for indentation.',
    example: '`tabs are not allowed as indentation`',
    fix: 'Indent with spaces.',
  },
  'duplicate-key': {
    severity: 'error',
    meaning: 'The same key twice in one mapping.',
    example: '``the key `webinar_hosted` appears twice in this mapping (first on line 7)``',
    fix: 'Remove or rename one of them.',
  },
  'yaml-bad-indent': {
    severity: 'error',
    meaning: 'Entries of one mapping or list start at different columns.',
    example: '`all mapping items must start at the same column`',
    fix: 'Align the entries.',
  },
  'yaml-unclosed': {
    severity: 'error',
    meaning: 'A `[` or `{` without its closing bracket.',
    example: '`flow sequence in block collection must be sufficiently indented and end with a ]`',
    fix: 'Close the bracket on the same entry.',
  },
  'yaml-multiple-documents': {
    severity: 'error',
    meaning: '`---` separates several documents.',
    example: '`the file holds more than one YAML document`',
    fix: 'One design per file: remove the `---`.',
  },
  'yaml-alias-limit': {
    severity: 'error',
    meaning: 'Aliases expand more than 100 times (an "alias bomb"). Reported at the first alias.',
    example: '`aliases expand too many times (more than 100); this looks like an alias bomb`',
    fix: 'Write the values out.',
  },
  'yaml-unknown-alias': {
    severity: 'error',
    meaning: 'An alias `*name` with no anchor `&name` before it.',
    example: '``the alias `*webnar` refers to no anchor``',
    fix: 'Define the anchor first, or fix the name.',
  },
  'yaml-bad-merge': {
    severity: 'error',
    meaning: 'A merge key `<<` whose value is not a mapping. Merge keys (`<<: *defaults`) are otherwise allowed.',
    example: '``a merge key `<<` must merge a mapping (or an alias of one)``',
    fix: 'Merge an anchored mapping.',
  },
  'yaml-syntax': {
    severity: 'error',
    meaning: 'Any other YAML syntax error (the message is the parser\'s).',
    example: '`implicit keys need to be on a single line`',
    fix: 'Check the syntax at the position.',
  },
  'yaml-warning': {
    severity: 'warning',
    meaning: 'A YAML parser warning (e.g. an unknown tag).',
    example: '`the tag !foo is unresolved and will be resolved as a string`',
    fix: 'Remove the tag.',
  },
  'missing-format-version': {
    severity: 'error',
    meaning: 'No `pointsmith:` key.',
    example: '`the format version is missing`',
    fix: 'Add `pointsmith: 1` as the first line.',
  },
  'unsupported-format-version': {
    severity: 'error',
    meaning: 'A version this pointsmith does not read.',
    example: '`format version 2 is not supported; this pointsmith reads version 1`',
    fix: 'Write `pointsmith: 1`, or upgrade pointsmith for a newer design.',
  },
  'unknown-key': {
    severity: 'error',
    meaning: 'A key the format does not have at that place. Reported at the key.',
    example: '``unknown key `categroy` in activities.webinar_hosted`` (hint ``did you mean `category`?``)',
    fix: 'Fix the spelling or remove the key.',
  },
  'reserved-key': {
    severity: 'error',
    meaning: '`__proto__`, `constructor` or `prototype` used as a key anywhere (even as a name inside a record). The key is dropped before any other check.',
    example: '`` `__proto__` cannot be used as a key (in activities): it is reserved ``',
    fix: 'Rename it.',
  },
  'missing-key': {
    severity: 'error',
    meaning: 'A required key is absent. Reported at the key of the mapping that lacks it (1:1 for a missing top-level section).',
    example: '``tiers[1] is missing the required key `min_points` (a number)``',
    fix: 'Add the key. A misspelled required key is reported once, as `unknown-key`.',
  },
  'wrong-type': {
    severity: 'error',
    meaning: 'A value of the wrong kind. Reported at the value.',
    example: '`activities.webinar_hosted.points: expected a number, got the string "fifty"`',
    fix: 'Write the expected kind (numbers without quotes).',
  },
  'invalid-value': {
    severity: 'error',
    meaning: 'A value outside a fixed list.',
    example: '`calendar.period: expected one of "month", "quarter", "half", "year", got the string "quartr"` (hint ``did you mean `quarter`?``)',
    fix: 'Use one of the listed values.',
  },
  'invalid-format': {
    severity: 'error',
    meaning: 'Text in the wrong form: a date not written YYYY-MM-DD, a currency not 3 capitals, `fiscal_year_start` not MM-DD, `tier_window` not `trailing_N`, `fiscal_year` or `lifetime`.',
    example: '`program.starts: expected a date as YYYY-MM-DD, got the string "01/02/2024"`',
    fix: 'Write the form shown.',
  },
  'out-of-range': {
    severity: 'error',
    meaning: 'A number below its minimum (negative points, a multiplier of 0 where it must be positive) or above its maximum, or a list with too few entries.',
    example: '`activities.webinar_hosted.points: expected a number of at least 0, got the number -50`',
    fix: 'Use a value in range.',
  },
  'duplicate-id': {
    severity: 'error',
    meaning: 'Two tiers, rewards, promotions or legacy levels share a name/id; or one stage listed twice in `staged`. Reported at the second.',
    example: '``tier `Gold` is declared twice (entries 2 and 3 of tiers)``',
    fix: 'Rename or remove one.',
  },
  'unknown-category': {
    severity: 'error',
    meaning: '`activities.*.category`, `promotions[].categories` or `tiers[].requires.categories` names no declared category.',
    example: '``unknown category `awarness` `` (hint ``did you mean `awareness`?``)',
    fix: 'Fix the name or declare the category under `categories:`.',
  },
  'unknown-activity': {
    severity: 'error',
    meaning: '`tiers[].requires.activities`, `promotions[].activities`, `best_of`, `activities.*.requires.activities` or `legacy.certified_activity` names no declared activity.',
    example: '``unknown activity `cert_earnd` ``',
    fix: 'Fix the name or declare the activity.',
  },
  'unknown-reward': {
    severity: 'error',
    meaning: 'A redemption `mix` names no reward id.',
    example: '``unknown reward `suport_10h` ``',
    fix: 'Fix the id or add the reward to `rewards:`.',
  },
  'unknown-tier': {
    severity: 'error',
    meaning: '`guardrails.tier_share`, `legacy.equivalent` (values) or `tracks.list.*.min_points` names no tier.',
    example: '``unknown tier `Golden` ``',
    fix: 'Fix the name.',
  },
  'unknown-legacy-level': {
    severity: 'error',
    meaning: 'A key of `legacy.equivalent` names no legacy level.',
    example: '``unknown legacy level `Platnum` ``',
    fix: 'Fix the name or add the level to `legacy.levels`.',
  },
  'unknown-scenario': {
    severity: 'error',
    meaning: 'A scenario `extends` an undeclared scenario; or `--scenario NAME` names none.',
    example: '``unknown scenario `psuh` `` (hint ``did you mean `push`?``)',
    fix: 'Fix the name.',
  },
  'tiers-not-ascending': {
    severity: 'error',
    meaning: 'Tiers are not listed low to high with strictly increasing `min_points`; or, where a regional threshold (`min_points_by`) or a track replaces them, a higher tier needs no more points than the one below (checked once the base order is right).',
    example: '``tier `Silver` needs 1000 points, fewer than the tier before it, `Gold` (3000); ...``, ``where region is apac, tier `Gold` needs 800 points, not more than `Silver` (1000)``',
    fix: 'Reorder the tiers or fix the threshold.',
  },
  'no-scoring-rule': {
    severity: 'error',
    meaning: 'An activity has none of `points`, `points_per`, `steps`.',
    example: '``activity `deal_closed` says nothing about its points``',
    fix: 'Add exactly one.',
  },
  'several-scoring-rules': {
    severity: 'error',
    meaning: 'An activity has more than one of `points`, `points_per`, `steps`.',
    example: '``activity `deal_closed` has both `points` and `points_per`; an activity scores in one way only``',
    fix: 'Keep one; use two activities (and `best_of`) to credit two ways.',
  },
  'points-per-basis': {
    severity: 'error',
    meaning: '`points_per` has neither or both of `amount` and `quantity`.',
    example: '``activity `deal_closed`: points_per needs `amount` or `quantity`, the unit the points are given for``',
    fix: 'Give exactly one basis.',
  },
  'steps-not-ascending': {
    severity: 'error',
    meaning: 'A step table\'s `at` values do not strictly increase.',
    example: '``activity `webinar_hosted`: step 2 is at 1, not above the step before it (3)``',
    fix: 'List steps from the lowest count up.',
  },
  'staged-shares-sum': {
    severity: 'error',
    meaning: 'The `share`s of `staged` do not sum to 1 (±0.001).',
    example: '``activity `deal_closed`: the staged shares sum to 0.9, not 1``',
    fix: 'Make them add up to 1.',
  },
  'rate-out-of-range': {
    severity: 'error',
    meaning: 'A redemption `rate` outside [0, 1].',
    example: '`redemption.default.rate is 60; a redemption rate is the share of earned points that is spent, between 0 and 1` (hint `60% is 0.6`)',
    fix: 'Write a share, not a percentage.',
  },
  'share-out-of-range': {
    severity: 'error',
    meaning: 'A share in a redemption `mix` outside [0, 1].',
    example: '`redemption.default.mix.mdf_1000 is 1.5; a share of the spend lies between 0 and 1`',
    fix: 'Use a share from 0 to 1.',
  },
  'mix-sum-not-one': {
    severity: 'error',
    meaning: 'The shares of a redemption `mix` do not sum to 1 (±0.001), or the mix is empty while the rate is above 0.',
    example: '`the shares of redemption.default.mix sum to 0.9, not 1` (hint `0.1 is missing`)',
    fix: 'Adjust the shares.',
  },
  'impossible-date': {
    severity: 'error',
    meaning: 'A date in the right form that is not on the calendar (`2024-02-30`, month 13); also `fiscal_year_start`.',
    example: '`2024-02-30 is not a day on the calendar`',
    fix: 'Fix the day or month.',
  },
  'dates-reversed': {
    severity: 'error',
    meaning: 'The program ends before it starts, or a promotion\'s `to` is before its `from`.',
    example: '``promotion `Launch` runs from 2024-06-30 to 2024-04-01: it ends before it starts``',
    fix: 'Swap the dates.',
  },
  'promotion-outside-program': {
    severity: 'error',
    meaning: 'A promotion starts before `program.starts` or ends after `program.ends`.',
    example: '``promotion `Launch` ends on 2025-01-31, after the program ends (2024-12-31)``',
    fix: 'Move it inside the program\'s dates.',
  },
  'scenario-path-matches-nothing': {
    severity: 'error',
    meaning: 'A path in a scenario\'s `set:` matches nothing in the design (see parameter paths below). Reported at the path.',
    example: '``scenario `webinar_push`: `activities.webinar_hostd.points` matches nothing: there is no `webinar_hostd` in `activities` `` (hint ``did you mean `webinar_hosted`?``)',
    fix: 'Fix the path.',
  },
  'scenario-wrong-type': {
    severity: 'error',
    meaning: 'A scenario sets text where the format expects a number (or another wrong kind).',
    example: '``scenario `push`: `activities.webinar_hosted.points` expects a number, got the string "lots"``',
    fix: 'Write a value of the right kind.',
  },
  'scenario-extends-cycle': {
    severity: 'error',
    meaning: 'Scenarios extend each other in a circle (reported once per circle).',
    example: '``scenarios extend each other in a circle: `push` → `stretch` → `push` ``',
    fix: 'Break the circle.',
  },
  'range-reversed': {
    severity: 'error',
    meaning: 'A guardrail\'s `min` is above its `max` (`tier_share`, `breakage`).',
    example: '`guardrails.tier_share.Gold: min 0.3 is above max 0.15, so no result could pass`',
    fix: 'Swap them.',
  },
  'legacy-certified-activity-missing': {
    severity: 'warning',
    meaning: 'A legacy level asks for certified people, `legacy.certified_activity` is not given, and the design has no `cert_earned` activity to count them on (the default).',
    example: '``legacy level `Gold` needs 5 certified people, counted on the activity `cert_earned` by default, which the design does not declare``',
    fix: 'Set `legacy.certified_activity`.',
  },
  'unreachable-tier': {
    severity: 'warning',
    meaning: 'No partner can reach the tier: even its lowest threshold (base, regional or track) is above the most points one tier window can hold given the caps; or it requires more points in a category (`requires.categories`) than that category can hold in a window. Only when every category is bounded (each of its activities capped, a step table or 0 points, or the category has `max_points`); not checked with `tier_basis: balance`. Caps clip after multipliers, promotions and accelerators, so those cannot lift a capped bound; a step table without a cap counts its top step × the highest `earn_multiplier`.',
    example: '``no partner can reach tier `Gold`: it needs 3000 points, but at most 2800 can be earned in one tier window, trailing_4 (4 quarters), given the caps`` (hint names the binding caps)',
    fix: 'Lower `min_points` or raise a cap.',
  },
  'invalid-set-argument': {
    severity: 'error',
    meaning: '`--set` without `=` or without a path.',
    example: '`--set "activities.points": expected path=value`',
    fix: 'Write `--set path=value`.',
  },
  'invalid-set-path': {
    severity: 'error',
    meaning: 'An empty segment (`a..b`) or a reserved name (`__proto__`, `constructor`, `prototype`).',
    example: '``--set `__proto__.x` uses the reserved name `__proto__` ``',
    fix: 'Fix the path.',
  },
  'set-path-matches-nothing': {
    severity: 'error',
    meaning: 'The path matches nothing; the hint suggests from the names where it stops.',
    example: '``--set `tiers.Gld.min_points` matches nothing: there is no `Gld` in `tiers` `` (hint ``did you mean `Gold`?``)',
    fix: 'Fix the path.',
  },
  'set-wrong-type': {
    severity: 'error',
    meaning: 'The value\'s kind is not what the format expects there.',
    example: '``--set `activities.webinar_hosted.points` expects a number, got the string "fifty"``',
    fix: 'Give a value of the right kind.',
  },
  'csv-bad-date': {
    severity: 'error',
    meaning: 'A row\'s date is not written `YYYY-MM-DD`.',
    example: '``row 12: date `03/01/2024` is not a YYYY-MM-DD date`` (hint `write dates as 2024-03-31`)',
    fix: 'Write dates as `2024-03-31` (re-export the column as ISO dates).',
  },
  'csv-impossible-date': {
    severity: 'error',
    meaning: 'A row\'s date has the right shape but is not on the calendar (`2024-02-30`, `2023-13-01`).',
    example: '',
    fix: 'Check the month and day.',
  },
  'csv-bad-quantity': {
    severity: 'error',
    meaning: 'A row\'s quantity is not a plain decimal number.',
    example: '',
    fix: 'Write a plain number, or leave the cell blank for 1.',
  },
  'csv-negative-quantity': {
    severity: 'error',
    meaning: 'A row\'s quantity is below 0.',
    example: '',
    fix: 'Give the quantity as 0 or more: a quantity counts occurrences.',
  },
  'csv-bad-amount': {
    severity: 'error',
    meaning: 'A row\'s amount is not a plain decimal number (`$500`, `12,500`, `5k`, `Infinity`).',
    example: '',
    fix: 'Write plain decimal numbers: `12500`, not `$12,500`.',
  },
  'csv-number-out-of-range': {
    severity: 'error',
    meaning: 'An amount or quantity beyond 2^53 in magnitude: a double would not hold the figure written.',
    example: '',
    fix: 'Check the column (it is probably an id, not an amount).',
  },
  'csv-empty-partner': {
    severity: 'error',
    meaning: 'A row\'s `partner_id` is blank.',
    example: '',
    fix: 'Fill in the partner id, or remove the row.',
  },
  'csv-empty-activity': {
    severity: 'error',
    meaning: 'A row\'s `activity` is blank.',
    example: '',
    fix: 'Fill in the activity id, or remove the row.',
  },
  'csv-unknown-activity': {
    severity: 'error',
    meaning: 'A row names an activity the design does not declare.',
    example: '``row 7: activity `webinar_hostd` is not in the design`` (hint ``did you mean `webinar_hosted`?``)',
    fix: 'Fix the id in the history, or declare the activity in the design.',
  },
  'csv-field-count': {
    severity: 'error',
    meaning: 'A row has more or fewer fields than the header.',
    example: '',
    fix: 'Quote fields that contain commas: `"Acme, Inc."`.',
  },
  'csv-malformed': {
    severity: 'error',
    meaning: 'Broken quoting: an unterminated or stray double quote.',
    example: '',
    fix: 'Look for an opening double quote without its closing one.',
  },
  'csv-more-bad-rows': {
    severity: 'error',
    meaning: 'More bad rows than are listed one by one; the message gives the count.',
    example: '`120 more bad row(s) not shown (140 in all)`',
    fix: 'Fix the rows shown, then validate again.',
  },
  'csv-row-before-program': {
    severity: 'warning',
    meaning: 'Rows dated before `program.starts`; the replay ignores them. One warning with the count and the first such row.',
    example: '`3 row(s) dated before the program starts (2024-01-01) are ignored by the replay; the first is row 2 (2023-12-31)`',
    fix: 'Check the extract\'s date range, or the design\'s `program.starts`.',
  },
  'csv-row-after-program': {
    severity: 'warning',
    meaning: 'Rows dated after `program.ends`; the replay ignores them. One warning with the count and the first such row.',
    example: '',
    fix: 'Check the extract\'s date range, or the design\'s `program.ends`.',
  },
  'internal-error': {
    severity: 'error',
    meaning: 'pointsmith itself failed while reading the design. Never expected.',
    example: '',
    fix: 'Report it with the file.',
  },
});
