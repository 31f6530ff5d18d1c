import { describe, expect, it } from 'vitest';
import { buildStatement } from '../../src/analysis/statement.js';
import { design, row, run } from '../engine/design.js';

describe('explain: points a gate held back and later released', () => {
  it('shows the release, so base + … + released − capped = points on every line', () => {
    // task scores 10 only once admin_cert reaches 2 in the (trailing_4) window.
    // Q1: one cert → gate closed → task's 10 withheld (capped 10, points 0).
    // Q2: second cert → gate open → Q1's 10 released plus Q2's own 10 → points 20.
    const program = design({
      activities: {
        admin_cert: { category: 'main', points: 0 },
        task: { category: 'main', points: 10, requires: { activities: { admin_cert: 2 } } },
      },
    });
    const { ledger, store, table } = run(program, [
      row('p', '2024-01-10', 'admin_cert'),
      row('p', '2024-01-11', 'task'),
      row('p', '2024-04-10', 'admin_cert'),
      row('p', '2024-04-11', 'task'),
    ]);
    const statement = buildStatement(ledger, store, table, 0);
    const q1 = statement.periods[0]?.by_activity['task'];
    const q2 = statement.periods[1]?.by_activity['task'];
    expect(q1).toMatchObject({ base: 10, released: 0, capped: 10, points: 0 });
    expect(q2).toMatchObject({ base: 10, released: 10, capped: 0, points: 20 });
    // Whole replay: base 20 + released 10 − capped 10 = 20.
    expect(statement.by_activity['task']).toMatchObject({ base: 20, released: 10, capped: 10, points: 20 });
  });
});
