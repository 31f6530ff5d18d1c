/**
 * A partner statement laid out once, as titled blocks of lines and tables of plain text,
 * so the terminal table and the Markdown renderers show the same figures in the same
 * order and only differ in how they draw (and escape) them.
 */
import type { ActivityLine, Statement } from '../../analysis/statement-types.js';
import { formatCount, formatCounted, formatPoints } from '../../format/number.js';
import { describeGap, describeStep } from '../transition/describe.js';
import { formatMoney } from '../../format/whole-figures.js';
import { labelOf } from '../../analysis/transition-labels.js';
import { warmUpLine } from '../../analysis/warm-up.js';

export type Align = 'left' | 'right';

export interface Grid {
  head: string[];
  rows: string[][];
  align: Align[];
}

export interface Section {
  title: string;
  lines: string[];
  grid?: Grid;
}

const signed = (v: number): string => (v === 0 ? '0' : `${v > 0 ? '+' : '−'}${formatPoints(Math.abs(v))}`);

function activityGrid(lines: Record<string, ActivityLine>, name: (activity: string) => string): Grid {
  // The clawback column only when something was taken back (most designs have none).
  const clawed = Object.values(lines).some((l) => l.clawed_back !== 0);
  const rows = Object.entries(lines).map(([activity, l]) => [
    name(activity),
    formatPoints(l.count),
    formatPoints(l.base),
    signed(l.multipliers),
    signed(l.promotions),
    signed(l.accelerator),
    signed(l.rounding),
    signed(l.released),
    signed(-l.capped),
    formatPoints(l.points),
    ...(clawed ? [signed(-l.clawed_back)] : []),
  ]);
  return {
    head: ['Activity', 'Count', 'Base', 'Multipliers', 'Promotions', 'Accelerator', 'Rounding', 'Gate releases', 'Caps', 'Points', ...(clawed ? ['Clawed back'] : [])],
    rows,
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', ...(clawed ? (['right'] as Align[]) : [])],
  };
}

export function statementSections(s: Statement): Section[] {
  const sections: Section[] = [];
  // People read the design's labels; the ids stay the keys of the JSON.
  const activity = (id: string): string => labelOf(s.labels.activities, id);
  const category = (id: string): string => labelOf(s.labels.categories, id);
  const tier = (name: string): string => labelOf(s.labels.tiers, name);
  const who = [s.name, s.segment, s.region].filter((x) => x !== '').join(' · ');
  sections.push({
    title: `${s.partner}${who ? ` — ${who}` : ''}`,
    lines: [
      `${s.program.name}: tier ${tier(s.tier)} after ${s.evaluated_at}${s.in_grace ? ' (kept by a grace period)' : ''}; ${formatPoints(s.points_in_window)} points in the tier window.`,
      ...(s.totals.opening !== undefined ? [`Opening balance ${formatPoints(s.totals.opening)}.`] : []),
      ...(s.warm_up !== null ? [warmUpLine(s.warm_up) ?? ''] : []),
      `Earned ${formatPoints(s.totals.earned)}${s.totals.clawed_back !== 0 ? `, clawed back ${formatPoints(s.totals.clawed_back)}` : ''}, redeemed ${formatPoints(s.totals.redeemed)}, expired ${formatPoints(s.totals.expired)}; balance ${formatPoints(s.totals.balance)}${s.totals.balance < 0 ? ' (a debt: clawbacks the balance could not cover, repaid from later earnings)' : ''}.`,
      ...(s.legacy_level !== '' ? [`Legacy level: ${s.legacy_level}.`] : []),
    ],
  });

  const next = s.next_tier;
  if (next === null) sections.push({ title: 'Next tier', lines: [`${s.tier} is the top tier.`] });
  else {
    const lines = [
      next.gaps.length === 0
        ? `${tier(next.tier)}: every requirement is met in the current window; the next evaluation promotes ${s.partner} unless the window changes.`
        : `${tier(next.tier)}: ${formatPoints(next.points_needed)} points needed.`,
    ];
    for (const g of next.gaps) lines.push(`unmet: ${describeGap(g, s.labels)}`);
    if (next.plan.steps.length > 0) {
      lines.push('what would close it (most points per occurrence first, within the caps):');
      for (const step of next.plan.steps) lines.push(`  ${describeStep(step)} → ${formatPoints(step.points)} points`);
      if (!next.plan.closes_gap) lines.push('  the caps leave part of the gap open.');
    }
    sections.push({ title: 'Next tier', lines });
  }

  sections.push({ title: 'Points by activity (whole replay)', lines: [], grid: activityGrid(s.by_activity, activity) });
  sections.push({
    title: 'Points by category (whole replay)',
    lines: [],
    grid: {
      head: ['Category', 'Points'],
      rows: Object.entries(s.by_category).map(([c, v]) => [category(c), formatPoints(v)]),
      align: ['left', 'right'],
    },
  });

  const periods = s.periods.map((p) => p.period);
  const activities = Object.keys(s.by_activity);
  sections.push({
    title: 'Points by activity per period',
    lines: [],
    grid: {
      head: ['Activity', ...periods],
      rows: activities.map((a) => [activity(a), ...s.periods.map((p) => formatPoints(p.by_activity[a]?.points ?? 0))]),
      align: ['left', ...periods.map((): Align => 'right')],
    },
  });
  sections.push({
    title: 'Points by category per period',
    lines: [],
    grid: {
      head: ['Category', ...periods],
      rows: Object.keys(s.by_category).map((c) => [category(c), ...s.periods.map((p) => formatPoints(p.by_category[c] ?? 0))]),
      align: ['left', ...periods.map((): Align => 'right')],
    },
  });
  const clawing = s.totals.clawed_back !== 0;
  sections.push({
    title: 'Periods',
    lines: [],
    grid: {
      head: ['Period', 'Tier during', 'Tier after', 'Earned', ...(clawing ? ['Clawed back'] : []), 'Redeemed', 'Expired', 'Balance', 'Window points'],
      rows: s.periods.map((p) => [
        p.period,
        p.tier_during,
        `${p.tier}${p.in_grace ? ' (grace)' : ''}`,
        formatPoints(p.earned),
        ...(clawing ? [signed(-p.clawed_back)] : []),
        formatPoints(p.redeemed),
        formatPoints(p.expired),
        formatPoints(p.balance),
        formatPoints(p.points_in_window),
      ]),
      align: ['left', 'left', 'left', 'right', ...(clawing ? (['right'] as Align[]) : []), 'right', 'right', 'right', 'right'],
    },
  });

  const rules: string[] = [];
  for (const m of s.multipliers) rules.push(`multiplier on ${activity(m.activity)} (${m.rule}): ${signed(m.points)} points`);
  for (const p of s.promotions) rules.push(`promotion ${p.name} (${p.from} to ${p.to}, ×${p.multiply}) on ${p.activities.map(activity).join(', ')}: ${signed(p.points)} points`);
  for (const a of s.accelerator) rules.push(`accelerator on ${activity(a.activity)} (${a.rule}): ${signed(a.points)} points`);
  for (const c of s.caps) rules.push(`${c.rule} on ${activity(c.activity)}: ${signed(-c.points)} points`);
  sections.push({ title: 'Multipliers, promotions, accelerator and caps applied', lines: rules.length > 0 ? rules : ['none'] });

  // Whole units, as partners redeem them; the expectation beside them when the draws differ.
  const redemption = s.redemptions.map((r) => {
    const expected = r.expected_units === r.units ? '' : ` (expected ${formatPoints(r.expected_units)})`;
    return `${labelOf(s.labels.rewards, r.reward)}: ${formatCounted(r.units, 'unit')}${expected}, ${formatPoints(r.points)} points, ${formatMoney(r.vendor_cost, s.program.currency)} at vendor cost`;
  });
  const expiry =
    s.expiry.months === null
      ? 'Points never expire in this design.'
      : s.expiry.next === null
        ? `Points expire after ${formatCount(s.expiry.months)} months; nothing is due to expire.`
        : `Points expire after ${formatCount(s.expiry.months)} months; the next ${formatPoints(s.expiry.next.points)} points expire after ${s.expiry.next.date} unless spent.`;
  sections.push({ title: 'Redemptions and expiry', lines: [...(redemption.length > 0 ? redemption : ['no redemptions']), `expired so far: ${formatPoints(s.expiry.expired)} points`, expiry] });

  if (s.rule_notes.length > 0) {
    sections.push({
      title: 'Rules acting',
      lines: s.rule_notes.map((n) => `${n.period}: ${n.points !== null ? `${signed(n.points)} points, ` : ''}${n.text}`),
    });
  }
  sections.push({
    title: 'Tier history',
    lines: s.tier_history.length > 0 ? s.tier_history.map((h) => `${h.period}: ${h.from} → ${h.to}`) : [`${s.tier} throughout`],
  });
  return sections;
}
