// npm run fuzz [-- --runs N] [-- --seed S]: the suite's fuzzer (test/fuzz/) for long runs.
//
// 10,000 cases by default (FUZZ_RUNS or --runs), a new seed each time (printed; FUZZ_SEED
// or --seed replays one). Failing inputs are saved under fuzz-failures/ (git-ignored), one
// folder per case with the design, the history, the arguments and what went wrong. The
// oracles are those of the suite: exit 0/1/2 only, no stack trace, no ∞/NaN/null-as-number
// in a successful JSON report, a broken input never succeeds. Exit 0 when every case held.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = flag('--runs') ?? process.env.FUZZ_RUNS ?? '10000';
const seed = flag('--seed') ?? process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31);
if (!/^\d+$/.test(runs) || !/^\d+$/.test(seed)) {
  process.stderr.write('usage: npm run fuzz [-- --runs N] [-- --seed S] (whole numbers)\n');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const started = performance.now();
const result = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz/fuzz.test.ts', '--reporter', 'verbose'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
const seconds = (performance.now() - started) / 1000;
process.stderr.write(`fuzz: ${runs} cases, seed ${seed}, ${seconds.toFixed(1)} s (${(Number(runs) / seconds).toFixed(0)} cases/s including start-up)${result.status === 0 ? '' : ' - FAILED, see fuzz-failures/'}\n`);
process.exit(result.status ?? 1);
