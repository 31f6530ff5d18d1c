/**
 * One small design per rule; expected numbers derived by hand in the comments.
 * Calendar unless stated: quarters of 2024 (Q1..Q4 = periods 0..3).
 */
import { describe, expect, it } from 'vitest';
import { design, perActivity, perPeriod, row, run } from './design.js';

const close = (actual: number[], expected: number[]): void => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? Number.NaN, 9));
};

describe('base points', () => {
  it('per occurrence × quantity, proportional per amount and per quantity', () => {
    const program = design({
      activities: {
        demo: { category: 'main', points: 30 },
        deal: { category: 'main', points_per: { amount: 1000, points: 10 } },
        seats: { category: 'main', points_per: { quantity: 1000, points: 30 } },
      },
    });
    const { ledger } = run(program, [
      row('p', '2024-01-05', 'demo', { quantity: 3 }), // 30 × 3 = 90
      row('p', '2024-01-06', 'deal', { amount: 2500 }), // 2500 / 1000 × 10 = 25
      row('p', '2024-01-07', 'seats', { quantity: 500 }), // 500 / 1000 × 30 = 15
    ]);
    close(perActivity(ledger, ledger.pointsByActivity, 'demo'), [90, 0, 0, 0]);
    close(perActivity(ledger, ledger.pointsByActivity, 'deal'), [25, 0, 0, 0]);
    close(perActivity(ledger, ledger.pointsByActivity, 'seats'), [15, 0, 0, 0]);
    close(perPeriod(ledger, ledger.earned), [130, 0, 0, 0]);
  });
});

describe('multipliers', () => {
  it('use the event value first, then the partner attribute when the event value is blank', () => {
    const program = design({
      activities: { deal: { category: 'main', points: 100, multipliers: { region: { apac: 2 }, product: { saas: 1.5 } } } },
    });
    const { ledger } = run(
      program,
      [
        row('p', '2024-01-05', 'deal', { region: 'apac', product: 'saas' }), // 100 × 2 × 1.5 = 300
        row('p', '2024-01-06', 'deal', { region: '', product: 'other' }), // blank region → partner's emea: × 1 → 100
        row('q', '2024-01-06', 'deal', { region: '', product: '' }), // q's region apac from the file: 100 × 2 = 200
      ],
      [
        { partner_id: 'p', region: 'emea' },
        { partner_id: 'q', region: 'apac' },
      ],
    );
    close(perPeriod(ledger, ledger.earned, 0), [400, 0, 0, 0]);
    close(perPeriod(ledger, ledger.earned, 1), [200, 0, 0, 0]);
    // multiplier points: (300 − 100) + 0 = 200 for p.
    close(perActivity(ledger, ledger.multiplierPointsByActivity, 'deal'), [200, 0, 0, 0]);
  });
});

describe('where', () => {
  it('filters on history columns, amount ranges, lists, not_in and partner attributes', () => {
    const program = design({
      activities: {
        big: { category: 'main', points: 1, where: { amount: { min: 100, max: 200 } } },
        listed: { category: 'main', points: 10, where: { product: ['a', 'b'] } },
        notin: { category: 'main', points: 100, where: { product: { not_in: ['a'] } } },
        msp_only: { category: 'main', points: 1000, where: { segment: 'msp' } },
      },
    });
    const { ledger } = run(
      program,
      [
        row('p', '2024-01-01', 'big', { amount: 99, product: 'a' }), // below min → 0
        row('p', '2024-01-02', 'big', { amount: 150, product: 'a' }), // 1
        row('p', '2024-01-03', 'big', { amount: 200, product: 'a' }), // max inclusive → 1
        row('p', '2024-01-04', 'listed', { amount: 0, product: 'b' }), // 10
        row('p', '2024-01-05', 'listed', { amount: 0, product: 'c' }), // 0
        row('p', '2024-01-06', 'notin', { amount: 0, product: 'a' }), // 0
        row('p', '2024-01-07', 'notin', { amount: 0, product: 'c' }), // 100
        row('p', '2024-01-08', 'msp_only', { amount: 0, product: 'c' }), // p is a reseller → 0
        row('q', '2024-01-08', 'msp_only', { amount: 0, product: 'c' }), // q is an msp → 1000
      ],
      [
        { partner_id: 'p', segment: 'reseller' },
        { partner_id: 'q', segment: 'msp' },
      ],
    );
    close(perPeriod(ledger, ledger.earned, 0), [112, 0, 0, 0]); // 1 + 1 + 10 + 100
    close(perPeriod(ledger, ledger.earned, 1), [1000, 0, 0, 0]);
  });
});

describe('promotions', () => {
  it('multiply inside their dates, for their activities or categories, when where matches', () => {
    const program = design({
      categories: { main: {}, other: {} },
      activities: { a: { category: 'main', points: 10 }, b: { category: 'other', points: 10 } },
      promotions: [
        { name: 'double a', from: '2024-02-01', to: '2024-02-29', multiply: 2, activities: ['a'] },
        { name: 'triple saas in other', from: '2024-01-01', to: '2024-12-31', multiply: 3, categories: ['other'], where: { product: 'saas' } },
      ],
    });
    const { ledger } = run(program, [
      row('p', '2024-01-31', 'a', { product: 'x' }), // before the promotion: 10
      row('p', '2024-02-01', 'a', { product: 'x' }), // 20
      row('p', '2024-02-29', 'a', { product: 'x' }), // last day inclusive: 20
      row('p', '2024-03-01', 'b', { product: 'saas' }), // 30
      row('p', '2024-03-02', 'b', { product: 'x' }), // 10
    ]);
    close(perActivity(ledger, ledger.pointsByActivity, 'a'), [50, 0, 0, 0]);
    close(perActivity(ledger, ledger.promotionPointsByActivity, 'a'), [20, 0, 0, 0]);
    close(perActivity(ledger, ledger.pointsByActivity, 'b'), [40, 0, 0, 0]);
  });
});

describe('caps', () => {
  it('an activity cap per window carries the room across the trailing window', () => {
    // trailing_2, cap 100 per window, 80 points a quarter:
    // Q1 80; Q2 room 100 − 80 = 20 → 20; Q3 room 100 − 20 = 80 → 80; Q4 room 100 − 80 = 20 → 20.
    const program = design({
      calendar: { period: 'quarter', tier_window: 'trailing_2' },
      activities: { a: { category: 'main', points: 80, cap: { per: 'window', points: 100 } } },
    });
    const { ledger } = run(program, ['2024-01-10', '2024-04-10', '2024-07-10', '2024-10-10'].map((d) => row('p', d, 'a')));
    close(perPeriod(ledger, ledger.earned), [80, 20, 80, 20]);
    close(perActivity(ledger, ledger.cappedPointsByActivity, 'a'), [0, 60, 0, 60]);
  });

  it('a category cap per fiscal-year window clips in date order across activities', () => {
    // max 100 in the year: Q1 a 60, b 60 → b clipped to 40; Q2 nothing left.
    const program = design({
      calendar: { period: 'quarter', tier_window: 'fiscal_year' },
      categories: { main: { max_points: 100 } },
      activities: { a: { category: 'main', points: 60 }, b: { category: 'main', points: 60 } },
    });
    const { ledger } = run(program, [row('p', '2024-01-10', 'a'), row('p', '2024-01-11', 'b'), row('p', '2024-04-01', 'a')]);
    close(perActivity(ledger, ledger.pointsByActivity, 'a'), [60, 0, 0, 0]);
    close(perActivity(ledger, ledger.pointsByActivity, 'b'), [40, 0, 0, 0]);
    close(perActivity(ledger, ledger.cappedPointsByActivity, 'a'), [0, 60, 0, 0]);
  });
});

describe('distinct', () => {
  it('counts a value once per trailing window and again once it has left the window', () => {
    // trailing_2: K1 in Q1 scores; K1 in Q2 is still in the window (Q1..Q2) → 0; K1 in Q3: the
    // window Q2..Q3 holds no credit for K1 → scores; blank customer never scores.
    const program = design({
      calendar: { period: 'quarter', tier_window: 'trailing_2' },
      activities: { logo: { category: 'main', points: 10, distinct: 'customer_id' } },
    });
    const { ledger } = run(program, [
      row('p', '2024-01-10', 'logo', { customer_id: 'K1' }),
      row('p', '2024-02-10', 'logo', { customer_id: 'K2' }),
      row('p', '2024-04-10', 'logo', { customer_id: 'K1' }),
      row('p', '2024-07-10', 'logo', { customer_id: 'K1' }),
      row('p', '2024-07-11', 'logo', { customer_id: '' }),
      row('q', '2024-01-10', 'logo', { customer_id: 'K1' }), // another partner's K1 is its own
    ]);
    close(perPeriod(ledger, ledger.earned, 0), [20, 0, 10, 0]);
    close(perPeriod(ledger, ledger.earned, 1), [10, 0, 0, 0]);
  });
});

describe('staged credit', () => {
  it('credits each stage its share; other or missing stages score 0', () => {
    const program = design({
      activities: {
        deal: { category: 'main', points_per: { amount: 100, points: 1 }, staged: [{ share: 0.3, on: 'signed' }, { share: 0.7, on: 'live' }] },
      },
    });
    const { ledger } = run(program, [
      row('p', '2024-01-10', 'deal', { amount: 1000, stage: 'signed' }), // 10 × 0.3 = 3
      row('p', '2024-04-10', 'deal', { amount: 1000, stage: 'live' }), // 10 × 0.7 = 7
      row('p', '2024-04-11', 'deal', { amount: 1000, stage: 'lost' }), // 0
      row('p', '2024-04-12', 'deal', { amount: 1000, stage: '' }), // 0
    ]);
    close(perPeriod(ledger, ledger.earned), [3, 7, 0, 0]);
    close(perActivity(ledger, ledger.countByActivity, 'deal'), [0.3, 0.7, 0, 0]);
  });
});

describe('steps', () => {
  it('credit the increment of the step level reached in the sliding window', () => {
    // trailing_2, steps at 1 → 4, at 3 → 10:
    // Q1 1 occurrence → level 4, credit 4. Q2 2 more → window count 3 → level 10, credited 4 → +6.
    // Q3 none → window Q2..Q3 count 2 → level 4, already credited in the window (Q2) 6 → 0.
    // Q4 1 → window Q3..Q4 count 1 → level 4, credited in Q3 0 → +4.
    const program = design({
      calendar: { period: 'quarter', tier_window: 'trailing_2' },
      activities: { cert: { category: 'main', steps: [{ at: 3, points: 10 }, { at: 1, points: 4 }] } },
    });
    const { ledger } = run(program, ['2024-01-10', '2024-04-10', '2024-05-10', '2024-10-10'].map((d) => row('p', d, 'cert')));
    close(perPeriod(ledger, ledger.earned), [4, 6, 0, 4]);
  });
});

describe('gates', () => {
  it('an activity scores only when the required counts are reached in the window; withheld points are released when the gate opens', () => {
    // Q1: 1 admin_cert → gate (2) closed → task's 10 withheld (capped in Q1).
    // Q2: a second cert → window (trailing_4) count 2 → gate open: Q1's 10 released in Q2, plus Q2's own 10 → 20.
    const program = design({
      activities: {
        admin_cert: { category: 'main', points: 0 },
        task: { category: 'main', points: 10, requires: { activities: { admin_cert: 2 } } },
      },
    });
    const { ledger } = run(program, [
      row('p', '2024-01-10', 'admin_cert'),
      row('p', '2024-01-11', 'task'),
      row('p', '2024-04-10', 'admin_cert'),
      row('p', '2024-04-11', 'task'),
    ]);
    close(perActivity(ledger, ledger.pointsByActivity, 'task'), [0, 20, 0, 0]);
    close(perActivity(ledger, ledger.cappedPointsByActivity, 'task'), [10, 0, 0, 0]);
    close(perActivity(ledger, ledger.releasedPointsByActivity ?? new Float64Array(0), 'task'), [0, 10, 0, 0]);
  });

  it('withheld points that leave the window before the gate opens are lost', () => {
    // trailing_2. Q1 task 10 withheld; Q2 nothing; Q3 two certs → open: the window Q2..Q3 holds no
    // withheld points (Q1 has left) → only Q3's own task scores 10.
    const program = design({
      calendar: { period: 'quarter', tier_window: 'trailing_2' },
      activities: {
        admin_cert: { category: 'main', points: 0 },
        task: { category: 'main', points: 10, requires: { activities: { admin_cert: 2 } } },
      },
    });
    const { ledger } = run(program, [
      row('p', '2024-01-11', 'task'),
      row('p', '2024-07-10', 'admin_cert', { quantity: 2 }),
      row('p', '2024-07-11', 'task'),
    ]);
    close(perActivity(ledger, ledger.pointsByActivity, 'task'), [0, 0, 10, 0]);
    close(perActivity(ledger, ledger.cappedPointsByActivity, 'task'), [10, 0, 0, 0]);
  });

  it('requires.distinct counts distinct values of the named activity', () => {
    // the same person certified twice counts once → gate of 2 stays closed.
    const program = design({
      activities: {
        admin_cert: { category: 'main', points: 0, distinct: 'person_id' },
        task: { category: 'main', points: 10, requires: { distinct: { admin_cert: 2 } } },
      },
    });
    const rows = [row('p', '2024-01-10', 'admin_cert', { person_id: 'u1' }), row('p', '2024-01-11', 'admin_cert', { person_id: 'u1' }), row('p', '2024-01-12', 'task', { person_id: '' })];
    close(perPeriod(run(program, rows).ledger, run(program, rows).ledger.earned), [0, 0, 0, 0]);
    const more = [...rows, row('p', '2024-02-01', 'admin_cert', { person_id: 'u2' })];
    close(perPeriod(run(program, more).ledger, run(program, more).ledger.earned), [10, 0, 0, 0]);
  });
});

describe('best_of', () => {
  it('keeps the larger window total of the group, crediting increments to the winner', () => {
    // trailing_4. Q1: rev 100, seats 60 → rev wins: 100 credited, seats' 60 removed.
    // Q2: rev 0, seats 80 → window rev 100, seats 140 → group may hold 140, had 100 → +40 to seats (40 removed).
    const program = design({
      activities: { rev: { category: 'main', points: 100 }, seats: { category: 'main', points: 20 } },
      best_of: { growth: ['rev', 'seats'] },
    });
    const { ledger } = run(program, [
      row('p', '2024-01-10', 'rev'),
      row('p', '2024-01-11', 'seats', { quantity: 3 }),
      row('p', '2024-04-11', 'seats', { quantity: 4 }),
    ]);
    close(perActivity(ledger, ledger.pointsByActivity, 'rev'), [100, 0, 0, 0]);
    close(perActivity(ledger, ledger.pointsByActivity, 'seats'), [0, 40, 0, 0]);
    close(perActivity(ledger, ledger.cappedPointsByActivity, 'seats'), [60, 40, 0, 0]);
    close(perPeriod(ledger, ledger.earned), [100, 40, 0, 0]);
  });
});

describe('rounding', () => {
  it('rounds each event after multipliers: activity round, else points.round', () => {
    const program = design({
      points: { round: 1 },
      activities: {
        whole: { category: 'main', points_per: { amount: 1000, points: 1 }, round: 0 },
        even: { category: 'main', points_per: { amount: 1000, points: 1 }, round: { decimals: 0, mode: 'half_even' } },
        tenth: { category: 'main', points_per: { amount: 1000, points: 1 } },
      },
    });
    const { ledger } = run(program, [
      row('p', '2024-01-10', 'whole', { amount: 1500 }), // 1.5 → 2
      row('p', '2024-01-11', 'whole', { amount: 2500 }), // 2.5 → 3 (half up)
      row('p', '2024-01-12', 'even', { amount: 2500 }), // 2.5 → 2 (half even)
      row('p', '2024-01-13', 'tenth', { amount: 1234 }), // 1.234 → 1.2
    ]);
    close(perActivity(ledger, ledger.pointsByActivity, 'whole'), [5, 0, 0, 0]);
    close(perActivity(ledger, ledger.pointsByActivity, 'even'), [2, 0, 0, 0]);
    close(perActivity(ledger, ledger.pointsByActivity, 'tenth'), [1.2, 0, 0, 0]);
    close(perActivity(ledger, ledger.roundingPointsByActivity, 'whole'), [1, 0, 0, 0]); // +0.5 + 0.5
  });
});

describe('tiers', () => {
  const tiers = [
    { name: 'Base', min_points: 0 },
    { name: 'Gold', min_points: 100, requires: { categories: { main: 50 }, activities: { cert: 2 } } },
  ];
  const activities = { deal: { category: 'main', points: 100 }, cert: { category: 'other', points: 0 } };
  const categories = { main: {}, other: {} };

  it('requires category points and activity counts in the window', () => {
    const program = design({ tiers, activities, categories });
    // Q1: 100 points but 1 cert → Base; Q2: second cert → Gold.
    const { ledger } = run(program, [row('p', '2024-01-10', 'deal'), row('p', '2024-01-11', 'cert'), row('p', '2024-04-10', 'cert')]);
    expect(perPeriod(ledger, ledger.tier)).toEqual([0, 1, 1, 1]);
  });

  it('tracks assigned by segment change the thresholds; best mode keeps the best track', () => {
    const t = [{ name: 'Base', min_points: 0 }, { name: 'Gold', min_points: 100 }];
    const acts = { deal: { category: 'main', points: 60 } };
    const rows = [row('c', '2024-01-10', 'deal'), row('r', '2024-01-10', 'deal')];
    const partners = [
      { partner_id: 'c', segment: 'consultant' },
      { partner_id: 'r', segment: 'reseller' },
    ];
    const assigned = design({ tiers: t, activities: acts, tracks: { by: 'segment', list: { services: { match: ['consultant'], min_points: { Gold: 50 } } } } });
    const a = run(assigned, rows, partners).ledger;
    // c (consultant) needs 50 → Gold; r needs 100 → Base.
    expect(perPeriod(a, a.tier, 0)).toEqual([1, 1, 1, 1]);
    expect(perPeriod(a, a.tier, 1)).toEqual([0, 0, 0, 0]);
    const best = design({ tiers: t, activities: acts, tracks: { mode: 'best', list: { x: { min_points: { Gold: 80 } }, y: { min_points: { Gold: 60 } } } } });
    const b = run(best, rows, partners).ledger;
    // the y track's 60 is met by both partners' 60 points.
    expect(perPeriod(b, b.tier, 0)).toEqual([1, 1, 1, 1]);
    expect(perPeriod(b, b.tier, 1)).toEqual([1, 1, 1, 1]);
  });

  it('tier_basis balance evaluates the unspent balance', () => {
    // earn 100 in Q1; rate 0.5 → balance 50 < Gold 60 on the balance basis; window 100 ≥ 60 on the earned basis.
    const base = {
      tiers: [{ name: 'Base', min_points: 0 }, { name: 'Gold', min_points: 60 }],
      activities: { deal: { category: 'main', points: 100 } },
      rewards: [{ id: 'r', cost_points: 10, vendor_cost: 1 }],
      redemption: { default: { rate: 0.5, mix: { r: 1 } } },
    };
    const rows = [row('p', '2024-01-10', 'deal')];
    const balance = run(design({ ...base, calendar: { period: 'quarter', tier_basis: 'balance' } }), rows).ledger;
    expect(perPeriod(balance, balance.tier)).toEqual([0, 0, 0, 0]);
    close(perPeriod(balance, balance.windowPoints), [50, 50, 50, 50]);
    const earned = run(design(base), rows).ledger;
    expect(perPeriod(earned, earned.tier)).toEqual([1, 1, 1, 1]); // trailing_4 keeps Q1's 100 all year
  });

  it('regional thresholds read the history column when there is no partners file', () => {
    // Silver needs 100, 50 in apac. p's first region value is apac (the later emea row does not count);
    // q is emea. Both earn 60.
    const program = design({
      tiers: [{ name: 'Base', min_points: 0 }, { name: 'Silver', min_points: 100, min_points_by: { region: { apac: 50 } } }],
      activities: { deal: { category: 'main', points: 30 } },
    });
    const { ledger } = run(program, [
      row('p', '2024-01-10', 'deal', { region: 'apac' }),
      row('p', '2024-01-11', 'deal', { region: 'emea' }),
      row('q', '2024-01-10', 'deal', { region: 'emea' }),
      row('q', '2024-01-11', 'deal', { region: '' }),
    ]);
    expect(ledger.partners.map((x) => x.region)).toEqual(['apac', 'emea']);
    expect(perPeriod(ledger, ledger.tier, 0)).toEqual([1, 1, 1, 1]);
    expect(perPeriod(ledger, ledger.tier, 1)).toEqual([0, 0, 0, 0]);
  });

  it('a tier above zero points leaves a partner below the lowest tier (-1)', () => {
    const program = design({ tiers: [{ name: 'Member', min_points: 10 }], activities: { deal: { category: 'main', points: 5 } } });
    const { ledger } = run(program, [row('p', '2024-01-10', 'deal'), row('p', '2024-04-10', 'deal')]);
    expect(perPeriod(ledger, ledger.tier)).toEqual([-1, 0, 0, 0]); // 5, then 10 in the window
  });
});

describe('calendar', () => {
  it('aligns periods to the fiscal year start and labels them by the year they end in', () => {
    // FY starts 1 Feb: the period containing 2024-01-01 is Nov 2023 – Jan 2024, Q4 of FY2024 (Feb 2023 – Jan 2024).
    const program = design({ program: { name: 'T', starts: '2024-01-01', ends: '2024-06-30' }, calendar: { period: 'quarter', fiscal_year_start: '02-01', tier_window: 'fiscal_year' } });
    const { ledger } = run(program, []);
    expect(ledger.periods.map((p) => `${p.label} ${p.startDate}..${p.endDate}`)).toEqual([
      'FY2024-Q4 2023-11-01..2024-01-31',
      'FY2025-Q1 2024-02-01..2024-04-30',
      'FY2025-Q2 2024-05-01..2024-07-31',
    ]);
  });

  it('without program.ends, runs to the period of the last event day', () => {
    // starts 2024-01-01, last event 2024-05-02 → Q1 and Q2; nothing is ignored.
    const program = design({ program: { name: 'T', starts: '2024-01-01' } });
    const { ledger } = run(program, [row('p', '2024-01-10', 'x'), row('p', '2024-05-02', 'x')]);
    expect(ledger.periods.map((p) => p.label)).toEqual(['2024-Q1', '2024-Q2']);
    expect(ledger.ignoredEvents).toBe(0);
    close(perPeriod(ledger, ledger.earned), [1, 1]);
  });

  it('months and halves on a calendar year', () => {
    const months = run(design({ program: { name: 'T', starts: '2024-01-15', ends: '2024-03-01' }, calendar: { period: 'month' } }), []).ledger;
    expect(months.periods.map((p) => p.label)).toEqual(['2024-01', '2024-02', '2024-03']);
    const halves = run(design({ calendar: { period: 'half' } }), []).ledger;
    expect(halves.periods.map((p) => p.label)).toEqual(['2024-H1', '2024-H2']);
  });
});

describe('redemption', () => {
  const reward = (capacity?: { per: 'year' | 'period'; units: number }) => ({ id: 'r', cost_points: 100, vendor_cost: 10, ...(capacity ? { capacity } : {}) });
  const base = (points: number, capacity?: { per: 'year' | 'period'; units: number }) => ({
    activities: { deal: { category: 'main', points } },
    rewards: [reward(capacity)],
    redemption: { default: { rate: 1, mix: { r: 1 } } },
  });
  const quarters = ['2024-01-10', '2024-04-10', '2024-07-10', '2024-10-10'];

  it('whole units only, and only from points held: an ask the balance cannot pay waits, whole', () => {
    // deal 50 points in Q1, two deals (100) in Q3, nothing in Q2 and Q4; a unit costs 100.
    // Q1: balance 50, ask 50 / 100 = 0.5 unit: 8 of the 16 draws ask 1 unit, none can pay
    //     it (50 < 100): 0 units (the old expected-value model redeemed 0.5 with 50 points).
    // Q2: nothing earned, the waiting unit still unpaid (50 < 100).
    // Q3: balance 150, ask 100 / 100 = 1 unit (whole, every draw) plus the waiting one in 8
    //     draws; 150 covers one unit: 1 taken in every draw, balance 50.
    // Q4: balance 50: nothing. No expiry: balance 50, 50, 50, 50.
    const rows = [row('p', '2024-01-10', 'deal'), row('p', '2024-07-10', 'deal', { quantity: 2 })];
    const { ledger } = run(design(base(50)), rows);
    close(Array.from(ledger.rewardUnits), [0, 0, 1, 0]);
    close(perPeriod(ledger, ledger.redeemed), [0, 0, 100, 0]);
    close(perPeriod(ledger, ledger.balance), [50, 50, 50, 50]);
  });

  it('a fractional ask is met in its share of the draws, give or take one draw in 16', () => {
    // 350 points, a unit costs 100, rate 1: ask 3.5 units, the balance (350) pays 3: 3 units
    // in every draw; the fourth waits in the 8 draws that asked it.
    const many = run(design(base(350)), [row('p', '2024-01-10', 'deal')]).ledger;
    close(Array.from(many.rewardUnits), [3, 0, 0, 0]);
    // rate 0.5 of 360 points: ask 1.8 units, the balance (360) pays up to 3. The 16 draws are
    // stratified, so 0.8 × 16 = 12.8 → 12 or 13 of them take 2 units, the rest 1: the mean
    // is 1 + 12/16 = 1.75 or 1 + 13/16 = 1.8125 (an independent draw per run could give
    // anything from 1 to 2).
    const half = { ...base(360), redemption: { default: { rate: 0.5, mix: { r: 1 } } } };
    const frac = run(design(half), [row('p', '2024-01-10', 'deal')]).ledger;
    expect([1.75, 1.8125]).toContain(frac.rewardUnits[0]);
  });

  it('a yearly capacity is pooled over the fiscal year, not split into quarters', () => {
    // 100 points a quarter, a unit costs 100: 1 unit asked and paid every quarter (whole, every
    // draw), 4 in 2024. Capacity 2 a year: one window, 2024, short by 4 − 2 = 2.
    const rows = quarters.map((d) => row('p', d, 'deal'));
    const short = run(design(base(100, { per: 'year', units: 2 })), rows).ledger;
    expect(short.capacity.map((w) => [w.label, w.capacity, w.units, w.shortfall, w.exceeded])).toEqual([['2024', 2, 4, 2, 1]]);
    // 300 points in Q1 and 100 in Q4: 3 + 1 = 4 units in the year. Capacity 4 a year: no
    // shortfall (split into quarters, 1 a quarter, Q1 would have been 2 short).
    const lumpy = [row('p', '2024-01-10', 'deal', { quantity: 3 }), row('p', '2024-10-10', 'deal')];
    const pooled = run(design(base(100, { per: 'year', units: 4 })), lumpy).ledger;
    expect(pooled.capacity.map((w) => [w.label, w.capacity, w.units, w.shortfall])).toEqual([['2024', 4, 4, 0]]);
    // per period: 1 a quarter, Q1 short by 2, Q4 not.
    const perPeriodCap = run(design(base(100, { per: 'period', units: 1 })), lumpy).ledger;
    expect(perPeriodCap.capacity.map((w) => [w.label, w.shortfall])).toEqual([
      ['2024-Q1', 2],
      ['2024-Q2', 0],
      ['2024-Q3', 0],
      ['2024-Q4', 0],
    ]);
  });

  it('under tier_basis: balance, lazy detail repeats the draws: equal to eager detail', () => {
    const program = design({ ...base(60), calendar: { period: 'quarter', tier_basis: 'balance' } });
    const rows = quarters.map((d) => row('p', d, 'deal'));
    const draws = { seed: 7, first: 2, count: 1, family: 5 };
    const lazy = run(program, rows, undefined, { redemption: draws }).ledger;
    const eager = run(program, rows, undefined, { redemption: draws, detail: true }).ledger;
    close(perActivity(lazy, lazy.pointsByActivity, 'deal'), [60, 60, 60, 60]);
    expect(Array.from(lazy.redeemedUnits)).toEqual(Array.from(eager.redeemedUnits));
    expect(Array.from(lazy.balance)).toEqual(Array.from(eager.balance));
  });
});
