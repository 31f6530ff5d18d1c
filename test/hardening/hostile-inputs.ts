/**
 * Building blocks of the hostile-input tests: a design, a history and a partners file
 * with chosen strings in the places a user controls (program name, an activity id, a
 * tier name, a partner id and name, an activity value in the history), every command ×
 * format to run on them, and the oracles every output must meet.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface Hostile {
  /** program.name */
  readonly program: string;
  /** an activity id (a YAML key), also the activity of two history rows */
  readonly activity: string;
  /** a tier name, also a legacy level */
  readonly tier: string;
  readonly partnerId: string;
  readonly partnerName: string;
  /** an activity value in the history that the design does not know (a bad row) */
  readonly badActivity: string;
}

/** A YAML double-quoted scalar holding any string: everything but printable ASCII as \u escapes. */
export function yamlString(text: string): string {
  let out = '"';
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (code >= 0x20 && code < 0x7f) out += c;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** A CSV field, always quoted (RFC 4180), so commas, quotes and line breaks stay inside it. */
export const csvField = (text: string): string => `"${text.replace(/"/g, '""')}"`;

export function design(h: Hostile): string {
  const activity = yamlString(h.activity);
  const tier = yamlString(h.tier);
  return `pointsmith: 1
program: { name: ${yamlString(h.program)}, currency: USD, starts: 2024-01-01, ends: 2024-12-31 }
calendar: { period: quarter, fiscal_year_start: 01-01, tier_window: trailing_4 }
categories: { decision: {} }
activities:
  ${activity}: { category: decision, points: 100 }
  deal_closed: { category: decision, points_per: { amount: 1000, points: 10 } }
tiers:
  - { name: Registered, min_points: 0 }
  - { name: ${tier}, min_points: 150 }
rewards:
  - { id: voucher, cost_points: 50, vendor_cost: 20 }
redemption:
  default: { rate: 0.5, mix: { voucher: 1 } }
budget: { amount: 1000, per: year }
legacy:
  levels:
    - { name: ${tier}, revenue: 1000, certified: 0 }
  equivalent: { ${tier}: ${tier} }
guardrails:
  max_budget_share: 0.01
`;
}

/** The same design with the activity id also as an unknown top-level key: a validation error quoting it. */
export function invalidDesign(h: Hostile): string {
  return `${design(h)}${yamlString(h.activity)}: 1\n`;
}

export function history(h: Hostile): string {
  const id = csvField(h.partnerId);
  return [
    'partner_id,date,activity,amount',
    `${id},2024-02-01,${csvField(h.activity)},`,
    `${id},2024-05-01,deal_closed,20000`,
    `${id},2024-06-01,${csvField(h.badActivity)},`,
    `other,2024-03-01,${csvField(h.activity)},`,
    '',
  ].join('\n');
}

export function partners(h: Hostile): string {
  return ['partner_id,name,segment,region,legacy_level', `${csvField(h.partnerId)},${csvField(h.partnerName)},reseller,emea,${csvField(h.tier)}`, 'other,Other Co,msp,apac,', ''].join('\n');
}

export function writeInputs(dir: string, h: Hostile): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'design.yaml'), design(h));
  writeFileSync(join(dir, 'other.yaml'), design(h));
  writeFileSync(join(dir, 'invalid.yaml'), invalidDesign(h));
  writeFileSync(join(dir, 'history.csv'), history(h));
  writeFileSync(join(dir, 'partners.csv'), partners(h));
}

export interface Invocation {
  readonly command: string;
  readonly format: string;
  readonly args: readonly string[];
}

/** Every command × format, over the inputs in `dir`. */
export function invocations(dir: string, h: Hostile): Invocation[] {
  const d = join(dir, 'design.yaml');
  const data = ['--history', join(dir, 'history.csv'), '--partners', join(dir, 'partners.csv'), '--no-cache', '--skip-bad-rows'];
  const list: Invocation[] = [];
  const add = (command: string, formats: readonly string[], args: readonly string[]): void => {
    for (const format of formats) list.push({ command, format, args: [command, ...args, '--format', format] });
  };
  add('validate', ['text', 'json', 'github', 'junit', 'sarif'], [d, join(dir, 'invalid.yaml')]);
  add('validate', ['text', 'github'], [d, '--history', join(dir, 'history.csv')]);
  add('run', ['table', 'json', 'csv', 'markdown', 'html'], [d, ...data]);
  add('run', ['table'], [join(dir, 'invalid.yaml'), ...data]);
  add('check', ['text', 'json', 'github', 'markdown', 'csv'], [d, ...data]);
  add('check', ['text', 'github', 'markdown'], [join(dir, 'invalid.yaml'), ...data]);
  add('compare', ['table', 'json', 'csv', 'markdown'], [d, join(dir, 'other.yaml'), ...data]);
  add('sensitivity', ['table', 'json', 'csv', 'markdown'], [d, ...data, '--workers', '0']);
  add('simulate', ['table', 'json', 'markdown', 'csv'], [d, ...data, '--runs', '5', '--seed', '1']);
  add('transition', ['markdown', 'html', 'json', 'csv'], [d, ...data]);
  add('explain', ['table', 'json', 'markdown', 'csv'], [d, ...data, '--partner', h.partnerId]);
  return list;
}

export async function invoke(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** Raw characters no output may hold: every control but LF, the bidi controls, LS and PS. */
export const RAW_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

/** The workflow commands that the github format emits itself. */
export const OWN_GITHUB_LINE = /^::(error|warning) file=[^\s:,]*(,line=\d+)?(,col=\d+)?,title=[^:]*::/;
