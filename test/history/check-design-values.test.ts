/**
 * checkDesignValues on hand-built data: which design keys name a value no partner or row
 * has, as the engine reads the data (a partner's value from the partners file, else the
 * history; an event's value from its row, else its partner's file value).
 */
import { describe, expect, it } from 'vitest';
import { checkDesignValues } from '../../src/history/check-design-values.js';
import { buildPartners, buildStore } from '../../src/history/store-builder.js';
import { design } from '../engine/design.js';

const row = (partner: string, extra: Record<string, string | number> = {}) => ({ partner_id: partner, date: '2024-02-01', activity: 'x', ...extra });
const summary = (findings: ReturnType<typeof checkDesignValues>) => findings.map((f) => [f.path.join('.'), f.message, f.hint]);

describe('checkDesignValues', () => {
  it('is silent when every key names a value the data has', () => {
    const program = design({
      activities: { x: { category: 'main', points: 1, multipliers: { product: { saas: 2 } }, where: { product: ['saas', 'perpetual'] } } },
      tiers: [{ name: 'Base', min_points: 0 }, { name: 'Gold', min_points: 10, min_points_by: { region: { emea: 5 } } }],
    });
    const store = buildStore([row('P1', { product: 'saas' }), row('P2', { product: 'perpetual' })]);
    const partners = buildPartners([{ partner_id: 'P1', region: 'emea' }, { partner_id: 'P2', region: 'amer' }]);
    expect(checkDesignValues(program, { store, partners })).toEqual([]);
  });

  it('a case mismatch: the case-insensitive equal is the did-you-mean, before a closer spelling', () => {
    const program = design({ tiers: [{ name: 'Base', min_points: 0 }, { name: 'Gold', min_points: 10, min_points_by: { region: { Emea: 5 } } }] });
    // `Emea` is one edit from `Emeaa` but only a case away from `EMEA`.
    const partners = buildPartners([{ partner_id: 'P1', region: 'EMEA' }, { partner_id: 'P2', region: 'Emeaa' }]);
    const findings = checkDesignValues(program, { store: buildStore([row('P1')]), partners });
    expect(summary(findings)).toEqual([
      [
        'tiers.1.min_points_by.region.Emea',
        'no partner has region `Emea` (the data has `EMEA`, `Emeaa`), so tiers.Gold.min_points_by.region.Emea never applies',
        "did you mean `EMEA`? values match exactly, case included: write `EMEA` in the design, or map the data's value with a data manifest: `values: { region: { EMEA: Emea } }` (docs/data.md)",
      ],
    ]);
    expect(findings[0]).toMatchObject({ severity: 'warning', code: 'design-value-not-in-data', part: 'key' });
  });

  it('one finding per column and value: the same key in two tiers is listed once, at the first', () => {
    const by = { region: { emea: 5 } };
    const program = design({ tiers: [{ name: 'Base', min_points: 0 }, { name: 'Silver', min_points: 10, min_points_by: by }, { name: 'Gold', min_points: 20, min_points_by: by }] });
    const findings = checkDesignValues(program, { store: buildStore([row('P1')]), partners: buildPartners([{ partner_id: 'P1', region: 'EMEA' }]) });
    expect(findings.map((f) => [f.path.join('.'), f.message])).toEqual([
      ['tiers.1.min_points_by.region.emea', 'no partner has region `emea` (the data has `EMEA`), so tiers.Silver.min_points_by.region.emea and tiers.Gold.min_points_by.region.emea never apply'],
    ]);
  });

  it('a column the data lacks: one finding for the column, at the key that names it', () => {
    const program = design({
      rewards: [{ id: 'r', cost_points: 1, vendor_cost: 1 }],
      redemption: { default: { rate: 0, mix: { r: 1 } }, by_segment: { msp: { rate: 0, mix: { r: 1 } }, var: { rate: 0, mix: { r: 1 } } } },
    });
    expect(summary(checkDesignValues(program, { store: buildStore([row('P1')]) }))).toEqual([
      [
        'redemption.by_segment',
        'no partner has a `segment` value (no such column in the history, or every value blank), so redemption.by_segment never applies',
        'give a partners file with a `segment` column (--partners), or name the history\'s column that holds it: --column segment=HEADER',
      ],
    ]);
  });

  it('an event column: the rows\' values and the partners file\'s both count', () => {
    const program = design({ activities: { x: { category: 'main', points: 1, multipliers: { product: { saas: 2, hw: 3, cloud: 4 } } } } });
    // saas is on a row; hw only in the partners file (the fallback of a blank row); cloud nowhere.
    const store = buildStore([row('P1', { product: 'saas' }), row('P2', { product: '' })]);
    const partners = buildPartners([{ partner_id: 'P1' }, { partner_id: 'P2', product: 'hw' }]);
    expect(checkDesignValues(program, { store, partners }).map((f) => f.message)).toEqual([
      'no row or partner has product `cloud` (the data has `hw`, `saas`), so activities.x.multipliers.product.cloud never applies',
    ]);
  });

  it('`where` values (a value, a list, `in`), `staged.on` and the tracks of `assigned` mode', () => {
    const program = design({
      activities: {
        x: { category: 'main', points: 1, where: { product: 'SaaS', region: { in: ['emea', 'mars'] }, amount: { min: 5 } }, staged: [{ share: 1, on: 'signed' }] },
      },
      promotions: [{ name: 'Push', from: '2024-01-01', to: '2024-03-31', multiply: 2, where: { product: ['saas', 'hw'] } }],
      tracks: { by: 'segment', mode: 'assigned', list: { msp: { min_points: { Base: 0 } }, project: { match: ['si', 'consultant'], min_points: { Base: 0 } } } },
    });
    const store = buildStore([row('P1', { product: 'saas', region: 'emea', stage: 'Signed', segment: 'msp' }), row('P2', { product: 'saas', region: 'emea', stage: 'active', segment: 'si' })]);
    expect(checkDesignValues(program, { store }).map((f) => [f.path.join('.'), f.part, f.message])).toEqual([
      ['activities.x.where.product', 'value', 'no row or partner has product `SaaS` (the data has `saas`), so activities.x.where.product never applies'],
      ['activities.x.where.region.in.1', 'value', 'no row or partner has region `mars` (the data has `emea`), so activities.x.where.region.in.1 never applies'],
      ['activities.x.staged.0.on', 'value', 'no row has stage `signed` (the data has `Signed`, `active`), so activities.x.staged.0.on never applies'],
      ['promotions.0.where.product.1', 'value', 'no row or partner has product `hw` (the data has `saas`), so promotions.Push.where.product.1 never applies'],
      ['tracks.list.project.match.1', 'value', 'no partner has segment `consultant` (the data has `msp`, `si`), so tracks.list.project.match.1 never applies'],
    ]);
  });

  it('partial data (validate with one file): a column the other file may hold is not judged', () => {
    const program = design({
      activities: { x: { category: 'main', points: 1, multipliers: { product: { saas: 2 } } } },
      tiers: [{ name: 'Base', min_points: 0 }, { name: 'Gold', min_points: 10, min_points_by: { region: { emea: 5 } } }],
    });
    // A history without region and product: nothing to say without the partners file.
    expect(checkDesignValues(program, { store: buildStore([row('P1')]), partial: true })).toEqual([]);
    // A partners file alone: its region is judged; product is a row's value first, unknown without the history.
    const partners = buildPartners([{ partner_id: 'P1', region: 'EMEA', product: 'hw' }]);
    expect(checkDesignValues(program, { partners, partial: true }).map((f) => f.path.join('.'))).toEqual(['tiers.1.min_points_by.region.emea']);
  });

  it('a partner\'s value is the partners file\'s: a history value the file overrides does not count', () => {
    const program = design({ tiers: [{ name: 'Base', min_points: 0 }, { name: 'Gold', min_points: 10, min_points_by: { region: { emea: 5 } } }] });
    // The rows say emea, but the partners file says EMEA for P1: the engine reads EMEA.
    const store = buildStore([row('P1', { region: 'emea' })]);
    const partners = buildPartners([{ partner_id: 'P1', region: 'EMEA' }]);
    expect(checkDesignValues(program, { store, partners }).map((f) => f.message)).toEqual([
      'no partner has region `emea` (the data has `EMEA`), so tiers.Gold.min_points_by.region.emea never applies',
    ]);
  });
});
