/**
 * The issue's acceptance line for every bundled design (programs/*.yaml, sellers.yaml with
 * its seller programme and dated change included): over a history generated for each
 * (`generate --program`, seed 42), `run`'s cost.total, cost.rewards, liability and every
 * reward's units lie inside `simulate`'s P10–P90, widened by 3 % of the mean. One model
 * gives both (docs/engine.md, "Redemption: one model"); lifecycle over the bundled sample is
 * tested in simulate.test.ts.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';

interface SimJson {
  measures: { name: string; expected: number; mean: number; p10: number; p90: number }[];
}

const designs = readdirSync(new URL('../../programs/', import.meta.url))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();
const dir = mkdtempSync(join(tmpdir(), 'pointsmith-band-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("run inside simulate's band on every bundled design", () => {
  it('covers the six designs of programs/', () => {
    expect(designs).toEqual(['lifecycle', 'quota', 'sellers', 'services', 'starter', 'subscription']);
  });

  for (const design of designs) {
    it(`programs/${design}.yaml over its own generated history`, async () => {
      const out = join(dir, design);
      const gen = await cli('generate', '--partners', '400', '--seed', '42', '--program', `programs/${design}.yaml`, '--out', out);
      expect(gen.code).toBe(0);
      const sim = await cli('simulate', `programs/${design}.yaml`, '--history', join(out, 'history.csv'), '--partners', join(out, 'partners.csv'), '--runs', '200', '--seed', '7', '--format', 'json');
      expect(sim.code).toBe(0);
      const doc = JSON.parse(sim.out) as SimJson;
      expect(doc.measures.length).toBeGreaterThan(3);
      for (const m of doc.measures) {
        const slack = 0.03 * Math.abs(m.mean);
        expect(m.expected, `${design} ${m.name}`).toBeGreaterThanOrEqual(m.p10 - slack);
        expect(m.expected, `${design} ${m.name}`).toBeLessThanOrEqual(m.p90 + slack);
      }
    }, 30_000);
  }
});
