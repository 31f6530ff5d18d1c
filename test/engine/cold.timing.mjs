// Ad-hoc timing (not a test): the FIRST replay in a fresh process (cold JIT, store facts not
// cached yet), as `npm run bench` measures it, then a second. Same build steps as smoke.timing.mjs:
//   DIST=/tmp/ps-dist node test/engine/cold.timing.mjs [events] [detail: default|true|false]
import { readFileSync } from 'node:fs';
const D = process.env.DIST ?? '../../dist';
const { loadProgram } = await import(D + '/program/load.js');
const { buildStore } = await import(D + '/history/store-builder.js');
const { replay } = await import(D + '/engine/replay.js');
const N = Number(process.argv[2] ?? 1_000_000);
const detailArg = process.argv[3] ?? 'default';
const options = detailArg === 'default' ? undefined : { detail: detailArg === 'true' };
const { program } = loadProgram(readFileSync('programs/lifecycle.yaml'), 'lifecycle.yaml');
const acts = Object.keys(program.activities);
let seed = 1;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const partners = Math.max(10, Math.round(N / 50));
const rows = [];
for (let i = 0; i < N; i++) {
  rows.push({ partner_id: `P${Math.floor(rnd() * partners)}`, date: new Date(Date.UTC(2024, 0, 1 + Math.floor(rnd() * 730))).toISOString().slice(0, 10),
    activity: acts[Math.floor(rnd() * acts.length)], quantity: 1, amount: Math.floor(rnd() * 50000),
    product: ['saas', 'perpetual', 'services'][Math.floor(rnd() * 3)], region: ['emea', 'apac', 'na'][Math.floor(rnd() * 3)],
    customer_id: `C${Math.floor((rnd() * N) / 5)}`, person_id: `U${Math.floor((rnd() * N) / 20)}`, stage: ['signed', 'activated'][Math.floor(rnd() * 2)] });
}
const store = buildStore(rows);
rows.length = 0;
for (const label of ['first', 'second']) {
  const u0 = process.cpuUsage();
  const a = performance.now();
  replay(program, store, undefined, options);
  const b = performance.now();
  const u = process.cpuUsage(u0);
  console.log(`${label} replay (${detailArg}) of ${N} events: wall ${(b - a).toFixed(1)} ms, cpu ${((u.user + u.system) / 1000).toFixed(1)} ms`);
}
