/**
 * The leaks of issue 13, each with its exact hostile input (fixtures/hostile/), through
 * the real CLI entry in-process: the text that used to reach the terminal or the CI log
 * raw is now shown as escapes, and the exit code is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { invoke, RAW_UNSAFE } from './hostile-inputs.js';

const DIR = 'fixtures/hostile';
const DATA = ['--history', `${DIR}/history.csv`, '--partners', `${DIR}/partners.csv`, '--skip-bad-rows', '--no-cache'];
const BAD_ROW =
  '  fixtures/hostile/history.csv:4:3: error csv-unknown-activity: row 3: activity `deal\\r\\n::error::pwned` is not in the design (expected one of `web\\u001B[2J\\u0000\\u0001\\u202Einar`, `deal_closed`)';

const UNSCORED =
  '  fixtures/hostile/history.csv:4:3: warning csv-unscored-activity: activity `deal\\r\\n::error::pwned` is not in the design: 1 row(s) not scored, the first is row 3';

const noLineStartsWith = (text: string, prefix: string): boolean => text.split('\n').every((line) => !line.startsWith(prefix));

describe('hostile inputs: regressions', () => {
  it('validate text: ESC, NUL, SOH and a newline in a YAML key are shown as escapes', async () => {
    const { code, out, err } = await invoke(['validate', `${DIR}/control-key.yaml`]);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toContain('fixtures/hostile/control-key.yaml:9:1  error  unknown-key  unknown key `x\\u001B[31m\\u0000\\u0001\\n::error::pwned` at the top level\n');
    expect(out).not.toMatch(RAW_UNSAFE);
    expect(noLineStartsWith(out, '::')).toBe(true);
  });

  it('validate github: the same key inside the annotation, never a line of its own', async () => {
    const { code, out } = await invoke(['validate', `${DIR}/control-key.yaml`, '--format', 'github']);
    expect(code).toBe(1);
    expect(out).toContain(
      '::error file=fixtures/hostile/control-key.yaml,line=9,col=1,title=pointsmith unknown-key::unknown key `x\\u001B[31m\\u0000\\u0001\\n::error::pwned` at the top level%0Ahint: expected one of',
    );
    expect(out).not.toMatch(RAW_UNSAFE);
    expect(out.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(4);
  });

  it('a CR/LF in an activity value the design does not score stays inside its warning line on stderr', async () => {
    const { code, out, err } = await invoke(['run', `${DIR}/design.yaml`, ...DATA]);
    expect(code).toBe(0);
    // The row is not scored (one warning, a line per name), then the evidence warning: events
    // only in February and March of a 12-month program (2 of 12 months).
    expect(err).toBe(
      'warning: fixtures/hostile/history.csv: 1 of 3 rows not scored: their activity is not in the design, so the replay leaves them out ' +
        "(a data manifest's `values: { activity: … }` maps names to the design's; --strict-activities stops on them)\n" +
        `${UNSCORED}\n` +
        "warning: the history covers 2 of the program's 12 months, less than half: its events inside the program run from 2024-02-01 to 2024-03-01, the program from 2024-01-01 to 2024-12-31\n",
    );
    expect(out.split('\n')[0]).toBe('Evil\\r\\n::error::pwned: 2 partners, 2 events, 4 periods (2024-Q1 to 2024-Q4)');
  });

  it('--strict-activities --skip-bad-rows: the same value and the design\'s hostile ids stay inside the bad row\'s line', async () => {
    // --max-skipped 1: the one bad row of 3 (33.3%, above the default 1%) would stop the command before its report.
    const { code, out, err } = await invoke(['run', `${DIR}/design.yaml`, ...DATA, '--strict-activities', '--max-skipped', '1']);
    expect(code).toBe(0);
    // Then the evidence warning: 2 of 12 months.
    expect(err).toBe(
      `warning: skipped 1 bad row(s) of fixtures/hostile/history.csv:\n${BAD_ROW}\n` +
        "warning: the history covers 2 of the program's 12 months, less than half: its events inside the program run from 2024-02-01 to 2024-03-01, the program from 2024-01-01 to 2024-12-31\n",
    );
    expect(out.split('\n')[0]).toBe('Evil\\r\\n::error::pwned: 2 partners, 2 events, 4 periods (2024-Q1 to 2024-Q4)');
  });

  it('simulate table: the program name in the header cannot start a workflow command', async () => {
    const { code, out } = await invoke(['simulate', `${DIR}/design.yaml`, ...DATA, '--runs', '5', '--seed', '1']);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('Evil\\r\\n::error::pwned: Monte Carlo of redemption, 5 runs, seed 1');
    expect(noLineStartsWith(out, '::')).toBe(true);
  });

  it('transition markdown (the default): ANSI colour, OSC-8 and clear-screen in a partner name are escapes', async () => {
    const { code, out } = await invoke(['transition', `${DIR}/design.yaml`, ...DATA]);
    expect(code).toBe(0);
    expect(out).toContain('# Transition to Evil\\\\r\\\\n::error::pwned\n');
    expect(out).toContain(
      '| A | \\\\u001B\\[31mRed\\\\u001B\\[0m \\\\u001B\\]8;;https://evil.example\\\\u0007Click\\\\u001B\\]8;;\\\\u0007\\\\u001B\\[2J | reseller | emea | Gold | Registered |',
    );
    expect(out).not.toMatch(RAW_UNSAFE);
  });

  it('explain markdown: U+202E is an escape and a Markdown link stays text', async () => {
    const { code, out } = await invoke(['explain', `${DIR}/design.yaml`, ...DATA, '--partner', 'B', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(out).toContain('**B — \\\\u202EAcme \\[x\\](javascript:alert(1)) \\*b\\* · msp · apac**');
    expect(out).not.toMatch(/(?<!\\)\]\(/);
  });

  it('json keeps the value and writes U+202E as a \\u escape', async () => {
    const { code, out } = await invoke(['explain', `${DIR}/design.yaml`, ...DATA, '--partner', 'B', '--format', 'json']);
    expect(code).toBe(0);
    expect(out).toContain('"\\u202eAcme [x](javascript:alert(1)) *b*"');
    expect(out).not.toMatch(RAW_UNSAFE);
  });

  it('commander errors quoting the command line stay on one line', async () => {
    const { code, err } = await invoke(['validate', '--bogus\n::error::pwned']);
    expect(code).toBe(2);
    expect(err).toContain("error: unknown option '--bogus\\n::error::pwned'");
    expect(noLineStartsWith(err, '::')).toBe(true);
  });
});
