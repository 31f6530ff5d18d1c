/**
 * Which partners the HTML and Markdown reports list by name, so that a 2,000-partner
 * report stays a report and not a 2,000-row wall: at most `top` partners at risk (the
 * model's order: most points short first) and at most `top` partners who change level,
 * the largest falls first, then the largest rises, then those whose level has no
 * equivalent tier. The CSV and JSON always carry every partner.
 */
import type { AtRiskPartner, TransitionPartner, TransitionReport } from '../../analysis/transition-types.js';
import type { FormatOptions } from '../formatter.js';

/** The default of `--top`. */
export const DEFAULT_TOP = 50;

export interface RenderOptions {
  /** Most partners listed per list; undefined lists them all. */
  top?: number | undefined;
}

/** What the transition formats take: `top` for the lists of the Markdown and HTML (CSV and JSON list everyone). */
export interface TransitionFormatOptions extends FormatOptions, RenderOptions {}

export interface Listed<T> {
  shown: T[];
  total: number;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function cut<T>(list: readonly T[], top: number | undefined): Listed<T> {
  return { shown: top === undefined ? [...list] : list.slice(0, top), total: list.length };
}

export function listedAtRisk(report: TransitionReport, options: RenderOptions): Listed<AtRiskPartner> {
  return cut(report.at_risk, options.top);
}

/**
 * Partners who move down, up, or have no equivalent tier, in that order. A fall: the most
 * tiers lost first, then from the highest level, then the fewest points. A rise: the most
 * tiers gained first, then to the highest tier, then the most points. Ties by id.
 */
export function listedMovers(report: TransitionReport, options: RenderOptions): Listed<TransitionPartner> {
  const rank = new Map(report.matrix.tiers.map((t, i) => [t, i]));
  const now = (r: TransitionPartner): number => rank.get(r.new_tier) ?? 0;
  const was = (r: TransitionPartner): number => rank.get(r.equivalent_tier ?? '') ?? 0;
  const group = { down: 0, up: 1, unmapped: 2, same: 3 } as const;
  const order = (a: TransitionPartner, b: TransitionPartner): number => {
    const g = group[a.movement] - group[b.movement];
    if (g !== 0) return g;
    if (a.movement === 'down') return was(a) - now(a) - (was(b) - now(b)) === 0 ? was(b) - was(a) || a.points_in_window - b.points_in_window : was(b) - now(b) - (was(a) - now(a));
    if (a.movement === 'up') return now(a) - was(a) - (now(b) - was(b)) === 0 ? now(b) - now(a) || b.points_in_window - a.points_in_window : now(b) - was(b) - (now(a) - was(a));
    return 0;
  };
  const movers = report.partner_rows.filter((r) => r.movement !== 'same').sort((a, b) => order(a, b) || byKey(a.partner, b.partner));
  return cut(movers, options.top);
}
