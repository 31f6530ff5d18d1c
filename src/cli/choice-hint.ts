/**
 * commander rejects a value outside an option's `.choices()` with the list of choices but
 * no guess; this reads its message back and adds the did-you-mean the rest of pointsmith
 * gives (`--format jsn` → did you mean `json`?), through the one did-you-mean module.
 */
import { closest } from '../diagnostics/did-you-mean.js';

/** commander 14: "…argument 'jsn' is invalid. Allowed choices are text, json, github." */
const INVALID_CHOICE = /(?:argument|value) '(.*)' is invalid(?: for argument '[^']*')?\. Allowed choices are (.+)\.\s*$/s;

/** "did you mean `json`?" for commander's invalid-choice message, or undefined (another error, or nothing close). */
export function invalidChoiceHint(commanderMessage: string): string | undefined {
  const match = INVALID_CHOICE.exec(commanderMessage);
  if (match === null) return undefined;
  const [, value = '', list = ''] = match;
  const guess = closest(value, list.split(', '));
  return guess === undefined ? undefined : `did you mean \`${guess}\`?`;
}
