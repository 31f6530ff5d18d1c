// npm run bench: history reading and replay on 1M- and 10M-row synthetic histories.
//
// Each measurement runs in its own child process, so its peak RSS is its own
// (process.resourceUsage().maxRSS). Histories are generated once into bench/data/
// (git-ignored) and reused. Limit the sizes with BENCH_ROWS=1000000 (comma-separated
// list) or `node bench/run.js --rows 1000000`.
//
// After each size's measurements, the DuckDB comparison (bench/duckdb.js): the SQL core of
// programs/lifecycle.yaml against `pointsmith run --format json`, cold and warm, with the
// issue's targets and a sanity check of the tier counts. BENCH_DUCKDB=0 leaves it out.
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareWithDuckdb } from './duckdb.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dist = join(root, 'dist');
const dataDir = join(here, 'data');
const lifecycle = join(root, 'programs', 'lifecycle.yaml');
/** Rows per partner over the two generated years (the generator's default pace gives about 56 with lifecycle.yaml's activities: 2,000 partners, 111,518 rows). */
const ROWS_PER_PARTNER = 56;
const TARGETS_1M = { cold: 2, warm: 0.3, replay: 0.1, rssMb: 250 };

const imp = (path) => import(join(dist, path));

async function loadLifecycle() {
  const { loadProgram } = await imp('program/load.js');
  const { program, diagnostics } = loadProgram(readFileSync(lifecycle), 'programs/lifecycle.yaml');
  if (!program) throw new Error(`programs/lifecycle.yaml does not load: ${JSON.stringify(diagnostics[0])}`);
  return program;
}

// ---------------------------------------------------------------- data ------------
async function ensureData(rows) {
  const dir = join(dataDir, `rows-${rows}`);
  const history = join(dir, 'history.csv');
  const partnersFile = join(dir, 'partners.csv');
  if (existsSync(history) && existsSync(partnersFile)) return dir;
  mkdirSync(dir, { recursive: true });
  const program = await loadLifecycle();
  const { planFromProgram } = await imp('history/generator/activity-plan.js');
  const { generateHistory } = await imp('history/generator/generate.js');
  const { DEFAULT_PROFILE } = await imp('history/generator/profile.js');
  const partners = Math.max(1, Math.round(rows / ROWS_PER_PARTNER));
  process.stderr.write(`generating ${partners} partners (about ${rows} rows) into ${dir} ...\n`);
  const t = performance.now();
  const temp = `${history}.tmp`;
  const out = createWriteStream(temp);
  const result = await generateHistory(
    {
      partners,
      from: '2024-01-01',
      to: '2025-12-31',
      seed: 42,
      activities: planFromProgram(program),
      profile: DEFAULT_PROFILE,
      legacyLevels: program.legacy?.levels ?? [],
      certifiedActivity: program.legacy?.certified_activity ?? 'cert_earned',
      fiscalYearStart: program.calendar.fiscal_year_start,
    },
    async (chunk) => {
      if (!out.write(chunk)) await once(out, 'drain');
    },
  );
  out.end();
  await once(out, 'finish');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(partnersFile, result.partnersCsv);
  renameSync(temp, history);
  process.stderr.write(`  ${result.rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  return dir;
}

// ---------------------------------------------------------------- measurements (child) --
const measurements = {
  /** No library: split lines and fields by hand and fill typed columns (the floor). */
  async floor(dir) {
    const t = performance.now();
    const decoder = new TextDecoder();
    let rest = '';
    let n = 0;
    let cap = 1 << 20;
    let day = new Int32Array(cap);
    let amount = new Float64Array(cap);
    let partner = new Uint32Array(cap);
    const ids = new Map();
    let header = true;
    const take = (line) => {
      if (header) {
        header = false;
        return;
      }
      if (line === '') return;
      const f = line.split(',');
      if (n === cap) {
        cap *= 2;
        const d = new Int32Array(cap); d.set(day); day = d;
        const a = new Float64Array(cap); a.set(amount); amount = a;
        const p = new Uint32Array(cap); p.set(partner); partner = p;
      }
      let code = ids.get(f[0]);
      if (code === undefined) ids.set(f[0], (code = ids.size));
      partner[n] = code;
      const ds = f[1];
      day[n] = Date.UTC(+ds.slice(0, 4), +ds.slice(5, 7) - 1, +ds.slice(8, 10)) / 86400000;
      amount[n] = +f[4];
      n++;
    };
    for await (const chunk of createReadStream(join(dir, 'history.csv'), { highWaterMark: 1 << 18 })) {
      const text = rest + decoder.decode(chunk, { stream: true });
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        take(text.slice(start, nl));
        start = nl + 1;
      }
      rest = text.slice(start);
    }
    take(rest + decoder.decode());
    return { seconds: (performance.now() - t) / 1000, rows: n };
  },

  /** readHistory from the file, no cache. */
  async cold(dir) {
    const program = await loadLifecycle();
    const { readHistory } = await imp('history/read-history.js');
    const t = performance.now();
    const r = await readHistory(createReadStream(join(dir, 'history.csv'), { highWaterMark: 1 << 18 }), {
      file: 'history.csv',
      activities: Object.keys(program.activities),
    });
    const seconds = (performance.now() - t) / 1000;
    if (r.badRows > 0) throw new Error(`${r.badRows} bad rows in a generated history`);
    return { seconds, rows: r.store.size };
  },

  /** The cache path of every command: content hash for the key, read, verify, decode, design check. */
  async warm(dir) {
    const program = await loadLifecycle();
    const { historyCacheFor } = await imp('cli/history-cache.js');
    const { applyDesign, parseHistory } = await imp('history/read-history.js');
    const cache = historyCacheFor({ XDG_CACHE_HOME: join(dataDir, 'cache') });
    const file = join(dir, 'history.csv');
    const key0 = await cache.key(file, statSync(file), {});
    if ((await cache.read(key0)) === undefined) {
      // Fill the cache first (not timed); a later run finds it.
      await cache.write(key0, await parseHistory(createReadStream(file, { highWaterMark: 1 << 18 }), { file: 'history.csv' }));
      return { again: true };
    }
    const t = performance.now();
    const key = await cache.key(file, statSync(file), {});
    const parsed = await cache.read(key);
    if (parsed === undefined) throw new Error('cache entry vanished');
    const r = applyDesign(parsed, { file: 'history.csv', activities: Object.keys(program.activities) });
    return { seconds: (performance.now() - t) / 1000, rows: r.store.size };
  },

  /** First and second replay of programs/lifecycle.yaml over the loaded store (loaded from the cache, not timed). */
  async replay(dir) {
    let replay;
    try {
      ({ replay } = await imp('engine/replay.js'));
    } catch {
      return { skipped: 'src/engine/replay.ts is not built yet' };
    }
    const program = await loadLifecycle();
    const { historyCacheFor } = await imp('cli/history-cache.js');
    const { readPartners } = await imp('history/read-partners.js');
    const { includePartners } = await imp('history/match-partners.js');
    const cache = historyCacheFor({ XDG_CACHE_HOME: join(dataDir, 'cache') });
    const file = join(dir, 'history.csv');
    const parsed = await cache.read(await cache.key(file, statSync(file), {}));
    if (parsed === undefined) return { skipped: 'no cache entry (run warm first)' };
    const partners = await readPartners(createReadStream(join(dir, 'partners.csv')), { file: 'partners.csv' });
    const store = includePartners(parsed.store, partners);
    // The lean replay `run` makes (a detailed one is `explain`'s, for a few partners).
    const t0 = performance.now();
    replay(program, store, partners, { detail: false });
    const t1 = performance.now();
    replay(program, store, partners, { detail: false });
    const t2 = performance.now();
    return { seconds: (t1 - t0) / 1000, second: (t2 - t1) / 1000, rows: store.size };
  },
};

function measureInChild(kind, dir) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', kind, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop());
}

// ---------------------------------------------------------------- report ------------
const fmt = (x, d = 2) => (x === undefined ? '-' : x.toFixed(d));
const mb = (kb) => kb / 1024;

async function benchOne(rows) {
  const dir = await ensureData(rows);
  const floor = measureInChild('floor', dir);
  const cold = measureInChild('cold', dir);
  let warm = measureInChild('warm', dir);
  if (warm.again) warm = measureInChild('warm', dir);
  const replay = measureInChild('replay', dir);
  const n = cold.rows;
  const is1M = rows <= 1_500_000;
  const lines = [];
  lines.push(`\n${n.toLocaleString('en-US')} rows (${(statSync(join(dir, 'history.csv')).size / 1e6).toFixed(0)} MB)`);
  lines.push('  measurement     seconds     rows/s   peak RSS MB   × floor   target');
  const row = (name, m, seconds, target, rssTarget) => {
    const ok = target === undefined || !is1M ? '' : seconds <= target && (rssTarget === undefined || mb(m.maxRSS) <= rssTarget) ? 'ok' : 'MISSED';
    lines.push(
      `  ${name.padEnd(14)} ${fmt(seconds, 3).padStart(8)} ${Math.round(n / seconds).toLocaleString('en-US').padStart(12)} ${fmt(mb(m.maxRSS), 0).padStart(11)} ${fmt(seconds / floor.seconds).padStart(9)}   ${
        target === undefined ? '' : `≤ ${target} s${rssTarget ? `, ≤ ${rssTarget} MB` : ''}`
      } ${ok}`,
    );
  };
  row('floor', floor, floor.seconds);
  row('cold read', cold, cold.seconds, TARGETS_1M.cold, TARGETS_1M.rssMb);
  row('warm read', warm, warm.seconds, TARGETS_1M.warm);
  if (replay.skipped) lines.push(`  replay         skipped: ${replay.skipped}`);
  else {
    row('first replay', replay, replay.seconds, TARGETS_1M.replay);
    row('second replay', replay, replay.second, TARGETS_1M.replay);
  }
  if (!is1M) lines.push('  (targets are for 1M rows; larger runs show that memory stays bounded: the store, not the text)');
  console.log(lines.join('\n'));
}

async function run() {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') {
    const result = await measurements[args[1]](args[2]);
    result.maxRSS = process.resourceUsage().maxRSS;
    console.log(JSON.stringify(result));
    return;
  }
  const flag = args.indexOf('--rows');
  const spec = flag >= 0 ? args[flag + 1] : (process.env.BENCH_ROWS ?? '1000000,10000000');
  const sizes = spec.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
  console.log(`pointsmith bench: node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
  for (const rows of sizes) {
    await benchOne(rows);
    if (process.env.BENCH_DUCKDB !== '0') await compareWithDuckdb(rows, await ensureData(rows));
  }
}

await run();
