// Ad-hoc timing of one replay (not a test). Build first: npx tsc -p tsconfig.build.json --outDir /tmp/ps-dist; then DIST=/tmp/ps-dist node test/engine/smoke.timing.mjs [events]
import { readFileSync } from 'node:fs';
const { loadProgram } = await import((process.env.DIST ?? '../../dist') + '/program/load.js');
const { buildStore } = await import((process.env.DIST ?? '../../dist') + '/history/store-builder.js');
const { replay } = await import((process.env.DIST ?? '../../dist') + '/engine/replay.js');
const N = Number(process.argv[2] ?? 1_000_000);
const { program, diagnostics } = loadProgram(readFileSync('programs/lifecycle.yaml'), 'lifecycle.yaml');
if (!program) { console.error(diagnostics); process.exit(1); }
const acts = Object.keys(program.activities);
let seed = 1;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const partners = Math.max(10, Math.round(N / 50));
const products = ['saas', 'perpetual', 'services'];
const regions = ['emea', 'apac', 'na'];
const stages = ['signed', 'activated'];
const rows = [];
for (let i = 0; i < N; i++) {
  const day = Math.floor(rnd() * 730);
  const d = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
  rows.push({ partner_id: `P${Math.floor(rnd() * partners)}`, date: d, activity: acts[Math.floor(rnd() * acts.length)], quantity: 1,
    amount: Math.floor(rnd() * 50000), product: products[Math.floor(rnd() * 3)], region: regions[Math.floor(rnd() * 3)],
    customer_id: `C${Math.floor(rnd() * N / 5)}`, person_id: `U${Math.floor(rnd() * N / 20)}`, stage: stages[Math.floor(rnd() * 2)] });
}
const t0 = performance.now();
const store = buildStore(rows);
const t1 = performance.now();
console.log(`built ${N} events for ${partners} partners in ${(t1 - t0).toFixed(0)} ms`);
// CPU time is reported beside wall time: on a shared machine the wall clock mostly measures the neighbours.
for (const detail of [undefined, true, false]) {
  for (let k = 0; k < 5; k++) {
    const u0 = process.cpuUsage();
    const a = performance.now();
    const ledger = replay(program, store, undefined, { detail });
    const b = performance.now();
    const u = process.cpuUsage(u0);
    let earned = 0; for (const x of ledger.earned) earned += x;
    console.log(`replay detail=${detail} ${k + 1}: wall ${(b - a).toFixed(1)} ms, cpu ${((u.user + u.system) / 1000).toFixed(1)} ms, events ${ledger.events}, earned ${earned.toFixed(0)}`);
  }
}
const { compile } = await import((process.env.DIST ?? '../../dist') + '/engine/compile.js');
const { replayCompiled } = await import((process.env.DIST ?? '../../dist') + '/engine/replay.js');
for (let k = 0; k < 3; k++) {
  const a = performance.now();
  const c = compile(program, store);
  const b = performance.now();
  replayCompiled(c, { detail: false });
  const e = performance.now();
  console.log(`compile ${(b - a).toFixed(1)} ms, replayCompiled ${(e - b).toFixed(1)} ms`);
}
