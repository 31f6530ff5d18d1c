/**
 * fixtures/hand/history.csv deliberately holds one row before and one after the program's
 * dates (2024), to show the replay ignores them; every command that reads it warns about
 * both on stderr. Tests about something else strip exactly those two warnings and assert
 * the rest, so any other message still fails them.
 */
const HAND_DATE_WARNING = /^warning: fixtures\/hand\/history\.csv:\d+:\d+: csv-row-(before|after)-program: /;

export function stderrBesidesHandDates(err: string): string {
  return err
    .split('\n')
    .filter((line) => !HAND_DATE_WARNING.test(line))
    .join('\n');
}
