/**
 * The executive summary of a transition report: a few plain sentences written from the
 * numbers, in the order an executive asks the questions: who keeps their level, who
 * moves, who is at risk and what it takes, what it costs, where it hurts most.
 *
 * A group of movers names its segment when one holds more than half ("87 of them in the
 * reseller segment"), otherwise its largest segment. Percentages are whole numbers; the
 * keep / up / down / no-equivalent shares are rounded together (largest remainder), so
 * they add up to 100%. Activities, categories and tiers are named by their labels.
 */
import { formatMoney } from '../format/whole-figures.js';
import { labelOf } from './transition-labels.js';
import { percentText, wholePercents } from './transition-shares.js';
import { NONE, type TransitionPartner, type TransitionReport } from './transition-types.js';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const pct = (share: number): string => (share > 0 && share < 0.005 ? 'less than 1%' : `${Math.round(share * 100)}%`);
const partnersWord = (n: number): string => `${count.format(n)} partner${n === 1 ? '' : 's'}`;

/** The median of a non-empty list. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** "87 of them in the reseller segment" when one segment holds more than half, else "the largest group the reseller segment, 31"; '' without segments. */
function whoMostly(members: readonly TransitionPartner[]): string {
  const bySegment = new Map<string, number>();
  for (const m of members) if (m.segment !== '') bySegment.set(m.segment, (bySegment.get(m.segment) ?? 0) + 1);
  const ranked = [...bySegment.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = ranked[0];
  if (top === undefined || members.length < 2) return '';
  if (top[1] * 2 > members.length) return `${count.format(top[1])} of them in the ${top[0]} segment`;
  return `the largest group in the ${top[0]} segment, ${count.format(top[1])}`;
}

export function writeExecutiveSummary(report: TransitionReport): string[] {
  const sentences: string[] = [];
  const n = report.partners;
  const currency = report.program.currency;
  if (n === 0) return ['There are no partners in the history or the partners file, so there is nothing to compare.'];
  const rows = report.partner_rows;
  const { up, same, down, unmapped } = report.movement;
  const [samePct, upPct, downPct] = wholePercents([same.partners, up.partners, down.partners, unmapped.partners]).map((p, i) =>
    percentText(p, [same.partners, up.partners, down.partners][i] ?? 0, 'less than 1%'),
  );
  const tier = (name: string): string => labelOf(report.labels.tiers, name);

  const downWho = whoMostly(rows.filter((r) => r.movement === 'down'));
  const upWho = whoMostly(rows.filter((r) => r.movement === 'up'));
  sentences.push(
    `Of ${partnersWord(n)}, ${samePct} keep their level under ${report.program.name}; ` +
      `${upPct} (${partnersWord(up.partners)}${upWho ? `, ${upWho}` : ''}) move up; ` +
      `${downPct} (${partnersWord(down.partners)}${downWho ? `, ${downWho}` : ''}) move down.`,
  );
  if (unmapped.partners > 0) {
    sentences.push(`${partnersWord(unmapped.partners)} ${unmapped.partners === 1 ? 'has' : 'have'} a legacy level with no equivalent tier and ${unmapped.partners === 1 ? 'is' : 'are'} left out of the comparison.`);
  }

  // The largest flow off the diagonal (a level to a different tier).
  let flow = { count: 0, from: '', to: '' };
  report.matrix.legacy_levels.forEach((level, r) => {
    const equivalent = report.legacy.levels.find((l) => l.name === level)?.equivalent ?? null;
    report.matrix.tiers.forEach((tier, c) => {
      const k = report.matrix.counts[r]?.[c] ?? 0;
      if (equivalent !== null && tier !== equivalent && k > flow.count) flow = { count: k, from: level, to: tier };
    });
  });
  if (flow.count > 0) sentences.push(`The largest single move is from legacy ${flow.from} to ${tier(flow.to)} (${partnersWord(flow.count)}).`);

  const atRisk = report.at_risk;
  if (atRisk.length > 0) {
    // Partners held only by a grace period, or missing only a category or activity
    // requirement, lack no points: a median over them would understate the gap.
    const short = atRisk.map((a) => a.points_short).filter((s) => s > 0);
    const requirement = new Map<string, number>();
    for (const a of atRisk) {
      for (const g of a.gaps) {
        if (g.kind === 'points') continue;
        const what =
          g.kind === 'category'
            ? `at least ${count.format(g.required)} points in ${labelOf(report.labels.categories, g.id)}`
            : `at least ${count.format(g.required)} × ${labelOf(report.labels.activities, g.id)}`;
        requirement.set(what, (requirement.get(what) ?? 0) + 1);
      }
    }
    const topRequirement = [...requirement.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    const closable = atRisk.filter((a) => a.plan.closes_gap).length;
    const one = atRisk.length === 1;
    const lack =
      short.length === 0
        ? `${one ? 'it has' : 'they have'} the points`
        : short.length === atRisk.length
          ? `${one ? 'it lacks' : 'they lack a median of'} ${count.format(Math.round(median(short)))} points`
          : `the ${partnersWord(short.length)} short of points lack a median of ${count.format(Math.round(median(short)))} points`;
    sentences.push(
      `${partnersWord(atRisk.length)} ${one ? 'is' : 'are'} at risk of a tier below the one equivalent to ${one ? 'its' : 'their'} legacy level; ` +
        lack +
        (topRequirement !== undefined ? `, and the requirement missed most often is ${topRequirement[0]} (${partnersWord(topRequirement[1])})` : '') +
        '. ' +
        (closable === atRisk.length
          ? `For ${one ? 'it' : 'every one of them'}, the activities the design rewards most would close the gap within the caps.`
          : `For ${partnersWord(closable)} of them, the activities the design rewards most would close the gap within the caps; for the other ${count.format(atRisk.length - closable)}, the caps leave it open.`),
    );
  } else {
    sentences.push('No partner falls below the tier equivalent to its legacy level.');
  }

  const cost = report.cost;
  if (cost.legacy.total > 0 || cost.new.total > 0) {
    const direction = cost.difference > 0 ? 'more' : 'less';
    const change = cost.difference_share !== null ? ` (${pct(Math.abs(cost.difference_share))} ${direction})` : '';
    sentences.push(
      `From ${cost.from} to ${cost.to}, the new program costs ${formatMoney(cost.new.total, currency)} against ${formatMoney(cost.legacy.total, currency)} for the legacy levels${change}.`,
    );
  }

  const regions = report.by_region.filter((g) => g.key !== NONE && g.partners > 0);
  if (regions.length > 1 && down.partners > 0) {
    const worst = [...regions].sort((a, b) => b.down / b.partners - a.down / a.partners || (a.key < b.key ? -1 : 1))[0];
    if (worst !== undefined && worst.down > 0) {
      sentences.push(`By region, ${worst.key} has the largest share moving down: ${pct(worst.down / worst.partners)} of its ${partnersWord(worst.partners)}.`);
    }
  }

  const source = report.legacy.source;
  sentences.push(
    source === 'partners_file'
      ? 'Legacy levels are those of the partners file.'
      : `Legacy levels ${source === 'mixed' ? 'come from the partners file where it has one and are otherwise' : 'are'} computed from revenue between ${report.legacy.revenue_from} and ${report.legacy.revenue_to} and certified people (${report.legacy.certified_activity}).`,
  );
  return sentences;
}
