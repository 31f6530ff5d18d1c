// npm run bench (or `node bench/whatif.js [--rows 1000000]` after `npm run build`):
// the what-if figures of DESIGN §8 on a generated history.
//
//  1. sensitivity over 40 weights (80 replays) on the loaded store: in this thread and on
//     worker threads (target: at most 10 s on the 2-core machine);
//  2. the same through the CLI, end to end, with the history served from the cache;
//  3. compare of five designs through the CLI with --no-cache: wall time against one
//     `run`, and how many times the history file was opened (it must be once).
//
// The history comes from bench/data/rows-N/ (made by bench/run.js; generated here through
// it when missing). Timings are printed, never asserted.
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(root, 'dist');
const dataDir = join(here, 'data');
const cacheDir = join(dataDir, 'cache');
const bin = join(root, 'bin', 'pointsmith.js');
const lifecycle = join(root, 'programs', 'lifecycle.yaml');
const TARGET_SENSITIVITY_S = 10;
const WEIGHTS = 40;
const imp = (path) => import(join(dist, path));

function rowsArgument() {
  const args = process.argv.slice(2);
  const flag = args.indexOf('--rows');
  const value = flag >= 0 ? args[flag + 1] : (process.env.BENCH_WHATIF_ROWS ?? '1000000');
  const rows = Number(value);
  if (!Number.isInteger(rows) || rows <= 0) throw new Error(`--rows ${value}: expected a whole number`);
  return rows;
}

function ensureData(rows) {
  const dir = join(dataDir, `rows-${rows}`);
  if (!existsSync(join(dir, 'history.csv'))) {
    process.stderr.write(`no ${dir}: generating it with bench/run.js --rows ${rows} ...\n`);
    execFileSync(process.execPath, [join(here, 'run.js'), '--rows', String(rows)], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return dir;
}

/** The store as every command gets it from a warm cache (filled here when empty, untimed). */
async function loadStore(dir, program) {
  const { historyCacheFor } = await imp('cli/history-cache.js');
  const { applyDesign, parseHistory } = await imp('history/read-history.js');
  const { readPartners } = await imp('history/read-partners.js');
  const { includePartners } = await imp('history/match-partners.js');
  const cache = historyCacheFor({ XDG_CACHE_HOME: cacheDir });
  const file = join(dir, 'history.csv');
  const key = await cache.key(file, statSync(file), {});
  let parsed = await cache.read(key);
  if (parsed === undefined) {
    parsed = await parseHistory(createReadStream(file, { highWaterMark: 1 << 18 }), { file: 'history.csv' });
    await cache.write(key, parsed);
  }
  const { store } = applyDesign(parsed, { file: 'history.csv', activities: Object.keys(program.activities) });
  const partners = await readPartners(createReadStream(join(dir, 'partners.csv')), { file: 'partners.csv' });
  return { store: includePartners(store, partners), partners };
}

/** The default weights of the lifecycle design (it has no step tables), then tier thresholds: 37 + 3 non-zero = 40. */
const VARY = ['activities.*.points', 'activities.*.points_per.points', 'activities.*.multipliers.*.*', 'tiers.*.min_points'];

async function sensitivityInProcess(dir) {
  const { loadProgram } = await imp('program/load.js');
  const { listWeights, planTornado } = await imp('analysis/sensitivity.js');
  const { runReplays } = await imp('cli/sensitivity-pool.js');
  const { program } = loadProgram(readFileSync(lifecycle), 'programs/lifecycle.yaml');
  const { store, partners } = await loadStore(dir, program);
  const weights = listWeights(program, VARY, { strict: false }).weights.filter((w) => w.value !== 0).slice(0, WEIGHTS);
  const plan = planTornado(weights, 0.2);
  // Prepared once, as the command does for its base replay (a build before prepare.ts had a per-store cache instead).
  const prepare = await imp('engine/prepare.js').catch(() => undefined);
  const history = prepare?.prepareHistory(store, partners);
  const job = { program, file: 'programs/lifecycle.yaml', store, partners, history, metrics: ['cost.total'], variants: plan.map((p) => p.sets) };
  const timed = async (workers) => {
    const t = performance.now();
    const results = await runReplays(job, { workers });
    return { seconds: (performance.now() - t) / 1000, replays: results.length };
  };
  // One worker per further core, at least one: what `--workers auto` does on 3+ cores (on 2 it stays in this thread).
  const workers = Math.max(1, Math.min(3, availableParallelism() - 1));
  const onWorkers = await timed(workers);
  const inThread = await timed(0);
  return { rows: store.size, weights: weights.length, onWorkers, inThread, workers };
}

function cli(args, env = {}) {
  const t = performance.now();
  const out = execFileSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, XDG_CACHE_HOME: cacheDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { seconds: (performance.now() - t) / 1000, out };
}

/** A preload that counts how often the history file is opened, printed on stderr at exit. */
function readCounter(historyPath) {
  const file = join(dataDir, 'count-history-reads.mjs');
  writeFileSync(
    file,
    `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
let reads = 0;
const target = ${JSON.stringify(historyPath)};
for (const name of ['createReadStream', 'readFileSync', 'openSync']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) { if (String(path) === target) reads++; return original.call(this, path, ...rest); };
}
const original = fs.promises.open;
fs.promises.open = function (path, ...rest) { if (String(path) === target) reads++; return original.call(this, path, ...rest); };
const readFile = fs.promises.readFile;
fs.promises.readFile = function (path, ...rest) { if (String(path) === target) reads++; return readFile.call(this, path, ...rest); };
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write('history-reads=' + reads + '\\n'));
`,
  );
  return file;
}

async function compareFive(dir) {
  const { parseDocument } = await import('yaml');
  const designs = [];
  mkdirSync(join(dataDir, 'whatif'), { recursive: true });
  // Five designs: the sample with deal points per 1,000 of 6, 8, 10 (as written), 12 and 14.
  for (const points of [6, 8, 10, 12, 14]) {
    const doc = parseDocument(readFileSync(lifecycle, 'utf8'));
    doc.setIn(['activities', 'deal_closed', 'points_per', 'points'], points);
    const file = join(dataDir, 'whatif', `deal-${points}.yaml`);
    writeFileSync(file, doc.toString());
    designs.push(file);
  }
  const history = join(dir, 'history.csv');
  const counter = readCounter(history);
  const common = ['--history', history, '--partners', join(dir, 'partners.csv'), '--no-cache'];
  const counted = (args) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, ['--import', counter, bin, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`pointsmith ${args[0]} failed: ${r.stderr}`);
    return { seconds: (performance.now() - t) / 1000, out: r.stdout, reads: r.stderr.match(/history-reads=(\d+)/)?.[1] ?? '?' };
  };
  const run = counted(['run', designs[2], ...common, '--format', 'json']);
  const compare = counted(['compare', ...designs, ...common, '--format', 'json']);
  const columns = JSON.parse(compare.out).columns.length;
  return { run: run.seconds, compare: compare.seconds, columns, reads: compare.reads, runReads: run.reads };
}

async function main() {
  if (!existsSync(join(dist, 'cli', 'sensitivity-pool.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const rows = rowsArgument();
  const dir = ensureData(rows);
  const lines = { push: (line) => console.log(line) };
  lines.push(`\nwhat-if on ${dir.replace(root + '/', '')} (${availableParallelism()} cores)`);

  const s = await sensitivityInProcess(dir);
  const ok = (seconds) => (seconds <= TARGET_SENSITIVITY_S ? 'ok' : 'MISSED');
  lines.push(`  sensitivity, ${s.weights} weights (${s.weights * 2} replays) on ${s.rows.toLocaleString('en-US')} loaded events:`);
  lines.push(`    this thread + ${s.workers} worker${s.workers === 1 ? ' ' : 's'} ${s.onWorkers.seconds.toFixed(2).padStart(6)} s  (${((s.onWorkers.seconds / s.onWorkers.replays) * 1000).toFixed(0)} ms a replay)   ≤ ${TARGET_SENSITIVITY_S} s ${ok(s.onWorkers.seconds)}`);
  lines.push(`    this thread only     ${s.inThread.seconds.toFixed(2).padStart(6)} s  (${((s.inThread.seconds / s.inThread.replays) * 1000).toFixed(0)} ms a replay)`);

  const varyArgs = VARY.flatMap((v) => ['--vary', v]);
  const history = ['--history', join(dir, 'history.csv'), '--partners', join(dir, 'partners.csv')];
  const end = cli(['sensitivity', lifecycle, ...history, ...varyArgs, '--format', 'json']);
  const listed = JSON.parse(end.out).weights;
  const weights = listed.length;
  const replays = listed.filter((w) => w.value !== 0).length * 2;
  lines.push(`  sensitivity CLI end to end (warm cache, --workers auto), ${weights} weights (${replays} replays): ${end.seconds.toFixed(2)} s   ≤ ${TARGET_SENSITIVITY_S} s ${ok(end.seconds)}`);

  const c = await compareFive(dir);
  lines.push(`  compare of ${c.columns} designs, --no-cache: ${c.compare.toFixed(2)} s; one run of one design: ${c.run.toFixed(2)} s; history file opened ${c.reads} time(s) by compare (${c.runReads} by run)`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
