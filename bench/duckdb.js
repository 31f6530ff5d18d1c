// The DuckDB comparison of `npm run bench` (issue 12, item 6): the core of a design's
// replay written as SQL over the same generated history and partners files, timed against
// `pointsmith run --format json` end to end.
//
// What the SQL computes (the rules of docs/engine.md it follows, per partner × period):
//   - the events inside program.starts..ends, each in its period (the calendar's periods,
//     aligned to fiscal_year_start);
//   - an activity's `where` (amount/quantity ranges, a value or a list of values of a
//     column), then its base points: points × quantity + points_per.points × amount /
//     points_per.amount (or × quantity / points_per.quantity);
//   - column multipliers (the event's value, else the partners file's), promotions;
//   - `distinct`: a value credited in period s scores again only once s has left the
//     tier window (one credit per value, quantity ignored), counted once;
//   - the accelerator: × the earn_multiplier of the tier held after the previous period's
//     evaluation;
//   - activity caps per period, then category caps (max_points) over the tier window:
//     the room is max_points less what the window's earlier periods credited;
//   - tiers at the end of every period: window points against the tier's threshold
//     (min_points, or min_points_by from the partners file), its `requires` (category
//     points and activity counts in the window), and grace_periods.
// Every step is one statement over the whole history but the periods, which are a
// recurrence (the accelerator reads the tier held after the previous period, a category's
// room what the window's earlier periods credited): one recursive CTE walks them, all
// partners at once, carrying per partner the credited points and counts of the window's
// earlier periods and the last tiers qualified for. `distinct` is a recursive CTE too (a
// value's next credit is its first occurrence at least N periods after the last one).
// The scan sums quantity and amount per partner, period, activity and the values the
// rules read, so the rules (all linear in quantity and amount) apply to groups, not rows.
// A design using rules the SQL does not have (steps, gates, best_of, rounding, tracks,
// staged credit, window caps, a balance tier basis, a non-trailing window, in / not_in)
// is refused rather than approximated: `lifecycleSql` throws.
//
// The files are read with their columns given (auto_detect = false): DuckDB 1.5's sniffer
// alone took 250 ms on the 2,000-row partners file of fixtures/sample.
//
// Where the SQL and the engine can differ (they agree exactly on the bench's histories:
// same tier counts, points earned equal to 1e-9):
//   - sums are taken in another order (per group, DuckDB's threads) than the engine's
//     event by event: a window total landing within rounding error of a threshold could
//     fall the other way;
//   - the engine replays a partner's same-day events in a canonical order; the order
//     decides which activity a category cap clips and which of two same-day rows of a
//     `distinct` value is credited, neither of which changes a total here (the design's
//     `distinct` activities score fixed points);
//   - a `min_points_by` column is read from the partners file only (the engine falls back
//     to the partner's earliest value in the history).
//
// Not computed (pointsmith's run does them on top, so the comparison favours DuckDB):
// redemption (16 draws), expiry, balances, reward demand against capacity, costs, budget,
// the report's other figures. pointsmith's cold run (--no-cache) parses and checks every
// row; its warm run reads the parsed-history cache. DuckDB runs on every core.
//
// `node bench/duckdb.js --measure FILE.sql` (a child of bench/run.js) runs a script and
// prints its result (peak RSS: bench/peak-rss.js, preloaded); `node bench/duckdb.js
// [--rows N]` runs the comparison alone (after `npm run build`).
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dataDir = join(here, 'data');
const cacheDir = join(dataDir, 'cache');
const bin = join(root, 'bin', 'pointsmith.js');
const lifecycle = join(root, 'programs', 'lifecycle.yaml');
const peakRss = join(here, 'peak-rss.js');

/** Rounds of the alternation: DuckDB, pointsmith cold, pointsmith warm, then again (medians of ROUNDS). */
const ROUNDS = 3;
/** The issue's targets (issue 12, item 6). Ratios are pointsmith's wall time over DuckDB's. */
const TARGETS = {
  1_000_000: { warmRatio: 0.5, coldRatio: 1.5, rssMb: 250 },
  10_000_000: { coldRatio: 1.5, rssMb: 600 },
};
/**
 * Tolerance of the sanity check: every tier's partner count at the last period within
 * this share of the partners (0.5% of 17,857 is 89 partners).
 */
const TIER_TOLERANCE = 0.005;

// ---------------------------------------------------------------- SQL ----------------
const str = (s) => `'${String(s).replaceAll("'", "''")}'`;
const ident = (s) => `"${String(s).replaceAll('"', '""')}"`;
function dbl(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return `${x}::DOUBLE`;
}
const MONTHS = { month: 1, quarter: 3, half: 6, year: 12 };
const monthIndex = (iso) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

function unsupported(what) {
  throw new Error(`bench/duckdb.js: the SQL does not implement ${what}`);
}

/**
 * The SQL script computing the tier counts at the last period (and the points earned over
 * the program) of `program` over the history and partners files. `historyColumns` and
 * `partnerColumns` are the files' header names.
 */
export function lifecycleSql(program, { history, partners, historyColumns, partnerColumns }) {
  const cal = program.calendar;
  const months = MONTHS[cal.period] ?? unsupported(`period ${cal.period}`);
  const trailing = /^trailing_(\d+)$/.exec(cal.tier_window);
  if (!trailing) unsupported(`tier_window ${cal.tier_window}`);
  const N = Number(trailing[1]);
  if (cal.tier_basis !== 'earned') unsupported(`tier_basis ${cal.tier_basis}`);
  if (!cal.fiscal_year_start.endsWith('-01')) unsupported('a fiscal year that starts on another day than the 1st');
  if (program.program.ends === undefined) unsupported('a program without `ends`');
  if (program.points?.round !== undefined) unsupported('points.round');
  if (program.tracks !== undefined) unsupported('tracks');
  if (program.best_of !== undefined) unsupported('best_of');

  // The calendar: period t of a day is (its month index - the first period's) / months.
  const fiscalMonth = Number(cal.fiscal_year_start.slice(0, 2)) - 1;
  const startMonth = monthIndex(program.program.starts);
  const first = startMonth - ((((startMonth - fiscalMonth) % months) + months) % months);
  const T = Math.floor((monthIndex(program.program.ends) - first) / months) + 1;

  const ids = Object.keys(program.activities);
  const acts = ids.map((id) => [id, program.activities[id]]);
  for (const [id, a] of acts) {
    if (a.steps || a.requires || a.staged || a.round !== undefined) unsupported(`steps, gates, staged credit or rounding (${id})`);
    if (a.cap !== undefined && a.cap.per !== 'period') unsupported(`a window cap (${id})`);
    if (a.distinct !== undefined && (a.points_per !== undefined || a.multipliers !== undefined)) unsupported(`points_per or multipliers on a distinct activity (${id})`);
    if (a.distinct !== undefined && !historyColumns.includes(a.distinct)) unsupported(`distinct on ${a.distinct}, a column not in the history`);
  }
  const distinctIds = ids.filter((id) => program.activities[id].distinct !== undefined);
  const promos = (program.promotions ?? []).map((promo) => ({
    ...promo,
    ids: ids.filter((id) => (promo.activities ?? ids).includes(id) && (promo.categories ?? [program.activities[id].category]).includes(program.activities[id].category)),
  }));
  for (const promo of promos) if (promo.ids.some((id) => distinctIds.includes(id))) unsupported(`a promotion on a distinct activity (${promo.name})`);

  // Columns. The scan groups rows by every history column a multiplier or a `where` on
  // text reads, so the partners file's fallback (for a blank value) and those rules are
  // applied to the groups, not to every row; amount and quantity conditions are per row.
  const hasH = new Set(historyColumns);
  const hasP = new Set(partnerColumns.filter((c) => c !== 'partner_id'));
  const keyCols = new Set();
  const partnerCols = new Set();
  const column = (c) => {
    if (hasH.has(c)) keyCols.add(c);
    if (hasP.has(c)) partnerCols.add(c);
    if (hasH.has(c) && hasP.has(c)) return `coalesce(g.${ident(c)}, p.${ident(c)})`;
    if (hasH.has(c)) return `g.${ident(c)}`;
    if (hasP.has(c)) return `p.${ident(c)}`;
    return 'NULL::VARCHAR';
  };
  const isNumeric = (c) => c === 'amount' || c === 'quantity';
  const condition = (value, cond, numeric) => {
    if (typeof cond === 'string' || typeof cond === 'number' || typeof cond === 'boolean') return `coalesce(${value}::VARCHAR = ${str(String(cond))}, false)`;
    if (Array.isArray(cond)) return `coalesce(${value}::VARCHAR IN (${cond.map((v) => str(String(v))).join(', ')}), false)`;
    if (cond.in !== undefined || cond.not_in !== undefined) return unsupported(`in / not_in in a where (${JSON.stringify(cond)})`);
    const n = numeric ? value : `TRY_CAST(${value} AS DOUBLE)`;
    const parts = [];
    if (cond.min !== undefined) parts.push(`${n} >= ${dbl(cond.min)}`);
    if (cond.max !== undefined) parts.push(`${n} <= ${dbl(cond.max)}`);
    return `coalesce(${parts.join(' AND ') || 'true'}, false)`;
  };
  // A where's row part (amount, quantity: read in the scan) and group part (other columns).
  const rowWhere = (where) => Object.entries(where ?? {}).filter(([c]) => isNumeric(c)).map(([c, cond]) => condition(`h.${ident(c)}`, cond, true));
  const groupWhere = (where) => Object.entries(where ?? {}).filter(([c]) => !isNumeric(c)).map(([c, cond]) => condition(column(c), cond, false));
  const all = (parts) => (parts.length ? parts.join(' AND ') : 'true');

  const rowWhereCases = acts.filter(([, a]) => rowWhere(a.where).length).map(([id, a]) => `WHEN ${str(id)} THEN ${all(rowWhere(a.where))}`);
  const groupWhereCases = acts.filter(([, a]) => groupWhere(a.where).length).map(([id, a]) => `WHEN ${str(id)} THEN ${all(groupWhere(a.where))}`);
  const multiplierCases = acts
    .filter(([, a]) => a.multipliers !== undefined)
    .map(([id, a]) => `WHEN ${str(id)} THEN ${Object.entries(a.multipliers).map(([c, byValue]) => `(CASE ${column(c)} ${Object.entries(byValue).map(([v, f]) => `WHEN ${str(v)} THEN ${dbl(f)}`).join(' ')} ELSE 1 END)`).join(' * ')}`);
  // A promotion's day range is a per-row flag the scan groups by; its activities and `where` apply to the groups.
  const promoFactors = promos.map((promo, i) => `(CASE WHEN g.promo_${i} AND g.activity IN (${promo.ids.map(str).join(', ')}) AND ${all([...rowWhere(promo.where).map(() => unsupported('an amount or quantity where on a promotion')), ...groupWhere(promo.where)])} THEN ${dbl(promo.multiply)} ELSE 1 END)`);
  const distinctCases = acts.filter(([, a]) => a.distinct !== undefined).map(([id, a]) => `WHEN ${str(id)} THEN h.${ident(a.distinct)}`);

  // Tiers: thresholds (min_points_by from the partners file, the first matching column) and requirements.
  const tiers = program.tiers;
  const reqCategories = [...new Set(tiers.flatMap((k) => Object.keys(k.requires?.categories ?? {})))];
  const reqActivities = [...new Set(tiers.flatMap((k) => Object.keys(k.requires?.activities ?? {})))];
  for (const c of new Set(tiers.flatMap((k) => Object.keys(k.min_points_by ?? {})))) {
    if (!hasP.has(c)) unsupported(`min_points_by on ${c}, a column not in the partners file`);
    partnerCols.add(c);
  }
  // The accelerator's factors: one variant of the capped category sums per distinct earn_multiplier.
  const factors = [...new Set(tiers.map((k) => k.earn_multiplier ?? 1))];
  const variantOf = (k) => (k < 0 ? factors.indexOf(1) : factors.indexOf(tiers[k].earn_multiplier ?? 1));
  if (!factors.includes(1)) factors.push(1);
  const zeroTier = (() => {
    for (let k = tiers.length - 1; k >= 0; k--) {
      const t = tiers[k];
      if (t.min_points <= 0 && Object.values(t.requires?.categories ?? {}).every((m) => m <= 0) && Object.values(t.requires?.activities ?? {}).every((m) => m <= 0)) return k;
    }
    return -1;
  })();
  const grace = tiers.map((k) => k.grace_periods ?? 0);
  const G = Math.max(1, ...grace);
  const cats = Object.keys(program.categories);

  const s = [];
  // ------------------------------------------------------------ 1. the files
  s.push(`CREATE TEMP TABLE partners AS SELECT ${['partner_id', ...partnerCols].map(ident).join(', ')}
    FROM read_csv(${str(partners)}, auto_detect = false, header = true, columns = {${partnerColumns.map((c) => `${str(c)}: 'VARCHAR'`).join(', ')}})`);
  // One scan of the history: quantity and amount summed per partner, period, activity,
  // distinct value, the columns the rules read, and promotion day ranges.
  const keys = [...keyCols].map((c) => `h.${ident(c)}`);
  s.push(`CREATE TEMP TABLE grouped AS
    SELECT h.partner_id,
           (year(h.date) * 12 + month(h.date) - 1 - ${first}) // ${months} AS t,
           h.activity,
           ${distinctCases.length ? `CASE h.activity ${distinctCases.join(' ')} END` : 'NULL::VARCHAR'} AS dval${keys.map((k) => `,\n           ${k}`).join('')}${promos.map((p, i) => `,\n           h.date BETWEEN DATE ${str(p.from)} AND DATE ${str(p.to)} AS promo_${i}`).join('')},
           sum(h.quantity) AS q, sum(h.amount) AS amt
    FROM read_csv(${str(history)}, auto_detect = false, header = true, columns = {${historyColumns
      .map((c) => `${str(c)}: ${c === 'date' ? "'DATE'" : isNumeric(c) ? "'DOUBLE'" : "'VARCHAR'"}`)
      .join(', ')}}) h
    WHERE h.date BETWEEN DATE ${str(program.program.starts)} AND DATE ${str(program.program.ends)}
      AND h.activity IN (${ids.map(str).join(', ')})${rowWhereCases.length ? `\n      AND CASE h.activity ${rowWhereCases.join(' ')} ELSE true END` : ''}
    GROUP BY ALL`);
  // ------------------------------------------------------------ 2. points per partner, period, activity
  s.push(`CREATE TEMP TABLE acts (activity VARCHAR, category VARCHAR, points DOUBLE, per_amount DOUBLE, per_quantity DOUBLE, cap DOUBLE, is_distinct BOOLEAN)`);
  s.push(`INSERT INTO acts VALUES ${acts
    .map(
      ([id, a]) =>
        `(${str(id)}, ${str(a.category)}, ${dbl(a.points ?? 0)}, ${dbl(a.points_per?.amount !== undefined ? a.points_per.points / a.points_per.amount : 0)}, ${dbl(a.points_per?.quantity !== undefined ? a.points_per.points / a.points_per.quantity : 0)}, ${a.cap ? dbl(a.cap.points) : 'NULL'}, ${a.distinct !== undefined})`,
    )
    .join(', ')}`);
  const partnerJoin = partnerCols.size ? 'LEFT JOIN partners p USING (partner_id)' : '';
  // Plain activities: base × multipliers × promotions (all linear in quantity and amount, so per group).
  s.push(`CREATE TEMP TABLE raw AS
    SELECT g.partner_id, g.t, g.activity,
           sum((a.points * g.q + a.per_amount * g.amt + a.per_quantity * g.q)${multiplierCases.length ? ` * (CASE g.activity ${multiplierCases.join(' ')} ELSE 1 END)` : ''}${promoFactors.map((f) => ` * ${f}`).join('')}) AS pts,
           sum(g.q) AS n
    FROM grouped g JOIN acts a USING (activity) ${partnerJoin}
    WHERE NOT a.is_distinct${groupWhereCases.length ? ` AND CASE g.activity ${groupWhereCases.join(' ')} ELSE true END` : ''}
    GROUP BY ALL`);
  // distinct: a value scores in its first period, then in the first period at least N
  // later (once the credit has left the trailing window), and so on; one credit, count 1.
  if (distinctIds.length) {
    s.push(`INSERT INTO raw
      WITH RECURSIVE occ AS (
        SELECT DISTINCT g.partner_id, g.activity, g.dval, g.t FROM grouped g ${partnerJoin}
        WHERE g.activity IN (${distinctIds.map(str).join(', ')}) AND g.dval IS NOT NULL AND g.dval <> ''${groupWhereCases.length ? ` AND CASE g.activity ${groupWhereCases.join(' ')} ELSE true END` : ''}
      ),
      chain(partner_id, activity, dval, t) AS (
        SELECT partner_id, activity, dval, min(t) FROM occ GROUP BY ALL
        UNION ALL
        SELECT o.partner_id, o.activity, o.dval, min(o.t) FROM chain c JOIN occ o
          ON o.partner_id = c.partner_id AND o.activity = c.activity AND o.dval = c.dval AND o.t >= c.t + ${N}
        GROUP BY ALL
      )
      SELECT c.partner_id, c.t, c.activity, count(*) * any_value(a.points), count(*) FROM chain c JOIN acts a USING (activity) GROUP BY ALL`);
  }
  // ------------------------------------------------------------ 3. per partner and period, by category
  // Each category's points after the activity caps, for each accelerator factor (the tier
  // is not known yet), and the counts the tiers' requirements read.
  const capped = (f) => (f === 1 ? 'r.pts' : `r.pts * ${dbl(f)}`);
  s.push(`CREATE TEMP TABLE pc AS
    SELECT r.partner_id, r.t${cats
      .flatMap((c) => factors.map((f, v) => `,\n           sum(CASE WHEN a.category = ${str(c)} THEN CASE WHEN a.cap IS NULL THEN ${capped(f)} ELSE least(${capped(f)}, a.cap) END ELSE 0 END) AS ${ident(`${c}@${v}`)}`))
      .join('')}${reqActivities.map((x) => `,\n           sum(CASE WHEN r.activity = ${str(x)} THEN r.n ELSE 0 END) AS ${ident(`n:${x}`)}`).join('')}
    FROM raw r JOIN acts a USING (activity) GROUP BY ALL`);
  // ------------------------------------------------------------ 4. the periods, in order
  // State per partner after period t: each category's credited points in periods t..t-N+2
  // (the earlier periods of the next window), the required activities' counts likewise,
  // the tier qualified for at t..t-G+1 and the tier held.
  const st = [];
  const prevCat = (c, j) => ident(`${c}#${j}`);
  const prevN = (x, j) => ident(`n:${x}#${j}`);
  const prevQ = (j) => ident(`q#${j}`);
  for (const c of cats) for (let j = 0; j < N - 1; j++) st.push(prevCat(c, j));
  for (const x of reqActivities) for (let j = 0; j < N - 1; j++) st.push(prevN(x, j));
  for (let j = 0; j < G; j++) st.push(prevQ(j));
  const earlier = (name, j) => `s.${name(j)}`;
  const windowSum = (now, name) => [now, ...Array.from({ length: N - 1 }, (_, j) => earlier(name, j))].join(' + ');
  // One step: the state s after period t-1 (for t = 0, zeros and the zero-points tier) and x, period t's sums.
  const step = () => {
    const cols = [];
    const variant = `CASE s.held ${tiers.map((_, k) => `WHEN ${k} THEN ${variantOf(k)}`).join(' ')} ELSE ${variantOf(-1)} END`;
    for (const c of cats) {
      const pts = `coalesce(CASE ${variant} ${factors.map((_, v) => `WHEN ${v} THEN x.${ident(`${c}@${v}`)}`).join(' ')} END, 0)`;
      const max = program.categories[c].max_points;
      const room = `greatest(${dbl(max ?? 0)} - (${Array.from({ length: N - 1 }, (_, j) => earlier((k) => prevCat(c, k), j)).join(' + ') || '0'}), 0)`;
      cols.push(`${max === undefined ? pts : `least(${pts}, ${room})`} AS ${ident(`new:${c}`)}`);
    }
    for (const x of reqActivities) cols.push(`coalesce(x.${ident(`n:${x}`)}, 0) AS ${ident(`new:n:${x}`)}`);
    const win = (c) => windowSum(ident(`new:${c}`), (j) => prevCat(c, j));
    cols.push(`${cats.map((c) => `(${win(c)})`).join(' + ')} AS total`);
    const qualifies = (k) => {
      const tier = tiers[k];
      const byCol = Object.entries(tier.min_points_by ?? {}).flatMap(([col, byValue]) => Object.entries(byValue).map(([v, m]) => `WHEN p.${ident(col)} = ${str(v)} THEN ${dbl(m)}`));
      const threshold = byCol.length ? `CASE ${byCol.join(' ')} ELSE ${dbl(tier.min_points)} END` : dbl(tier.min_points);
      return all([
        `total >= ${threshold}`,
        ...Object.entries(tier.requires?.categories ?? {}).map(([c, m]) => `(${win(c)}) >= ${dbl(m)}`),
        ...Object.entries(tier.requires?.activities ?? {}).map(([x, m]) => `(${windowSum(ident(`new:n:${x}`), (j) => prevN(x, j))}) >= ${dbl(m)}`),
      ]);
    };
    cols.push(`CASE ${tiers.map((_, k) => k).reverse().map((k) => `WHEN ${qualifies(k)} THEN ${k}`).join(' ')} ELSE -1 END AS qualified`);
    // Grace: the highest tier k qualified for (at k or above) at one of the last grace_periods(k) + 1 evaluations.
    const graced = tiers.map((_, k) => k).filter((k) => grace[k] > 0);
    cols.push(`greatest(qualified${graced.map((k) => `, CASE WHEN greatest(${Array.from({ length: grace[k] }, (_, j) => `s.${prevQ(j)}`).join(', ')}) >= ${k} THEN ${k} ELSE -1 END`).join('')}) AS held_now`);
    // The next state: this period's values first, the earlier ones shifted.
    const next = [];
    for (const c of cats) for (let j = 0; j < N - 1; j++) next.push(j === 0 ? ident(`new:${c}`) : `s.${prevCat(c, j - 1)}`);
    for (const x of reqActivities) for (let j = 0; j < N - 1; j++) next.push(j === 0 ? ident(`new:n:${x}`) : `s.${prevN(x, j - 1)}`);
    for (let j = 0; j < G; j++) next.push(j === 0 ? 'qualified' : `s.${prevQ(j - 1)}`);
    return { cols, next };
  };
  const { cols, next } = step();
  const earnedSum = cats.map((c) => ident(`new:${c}`)).join(' + ');
  const seedState = `SELECT partner_id, -1 AS t, ${st.map((c) => `${c.includes('q#') ? '-1' : '0::DOUBLE'} AS ${c}`).join(', ')}, ${zeroTier} AS held FROM partners`;
  s.push(`CREATE TEMP TABLE tier AS
    WITH RECURSIVE s0 AS (${seedState}),
    walk(partner_id, t, ${st.join(', ')}, held, earned) AS (
      SELECT s.partner_id, 0, ${next.join(', ')}, held_now, ${earnedSum}
      FROM (SELECT s.*, ${cols.join(',\n             ')} FROM s0 s ${partnerCols.size ? 'JOIN partners p USING (partner_id)' : ''} LEFT JOIN pc x ON x.partner_id = s.partner_id AND x.t = 0) s
      UNION ALL
      SELECT s.partner_id, s.t + 1, ${next.join(', ')}, held_now, ${earnedSum}
      FROM (SELECT s.*, ${cols.join(',\n             ')} FROM walk s ${partnerCols.size ? 'JOIN partners p USING (partner_id)' : ''} LEFT JOIN pc x ON x.partner_id = s.partner_id AND x.t = s.t + 1 WHERE s.t + 1 < ${T}) s
    )
    SELECT partner_id, t, held, earned FROM walk`);
  s.push(`SELECT held, count(*)::INTEGER AS partners, (SELECT sum(earned) FROM tier) AS earned
    FROM tier WHERE t = ${T - 1} GROUP BY held ORDER BY held`);
  return `${s.join(';\n')};\n`;
}

// ---------------------------------------------------------------- measurement (child) --
/** Runs the script's statements in order; the last one's rows are the result. */
async function measure(sqlFile) {
  const t0 = performance.now();
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const threads = Number((await connection.runAndReadAll("SELECT current_setting('threads') AS n")).getRowObjectsJS()[0].n);
  const statements = await connection.extractStatements(readFileSync(sqlFile, 'utf8'));
  let rows = [];
  for (let i = 0; i < statements.count; i++) {
    const prepared = await statements.prepare(i);
    const result = await prepared.run();
    if (i === statements.count - 1) rows = await result.getRowObjectsJS();
    prepared.destroySync();
  }
  connection.closeSync();
  instance.closeSync();
  const tiers = {};
  for (const r of rows) tiers[Number(r.held)] = Number(r.partners);
  return { seconds: (performance.now() - t0) / 1000, threads, tiers, earned: Number(rows[0]?.earned ?? 0) };
}

// ---------------------------------------------------------------- runs (parent) --------
/** A child process `node --import bench/peak-rss.js ARGS`: wall time from spawn to exit, its peak RSS and CPU time, its stdout. */
function spawnMeasured(args, env = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'pointsmith-bench-'));
  const rssFile = join(scratch, 'maxrss');
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(peakRss).href, ...args], {
      cwd: root,
      env: { ...process.env, ...env, BENCH_PEAK_RSS_FILE: rssFile },
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status ?? r.signal}:\n${r.stderr}`);
    const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
    return { seconds, rssMb: usage.maxRSS / 1024, cpu: usage.cpuSeconds, stdout: r.stdout };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function runDuckdb(sqlFile) {
  const m = spawnMeasured([fileURLToPath(import.meta.url), '--measure', sqlFile]);
  return { ...m, result: JSON.parse(m.stdout.trim().split('\n').pop()) };
}

function runPointsmith(dir, cold) {
  const args = [bin, 'run', lifecycle, '--history', join(dir, 'history.csv'), '--partners', join(dir, 'partners.csv'), '--format', 'json'];
  if (cold) args.push('--no-cache');
  const m = spawnMeasured(args, { XDG_CACHE_HOME: cacheDir });
  return { ...m, report: JSON.parse(m.stdout) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** A CSV file's header names (the first line of its first 64 KB). */
function headerOf(file) {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 16);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, n).split(/\r?\n/)[0].split(',');
  } finally {
    closeSync(fd);
  }
}
const n0 = (x) => Math.round(x).toLocaleString('en-US');
const pass = (ok) => (ok ? 'PASS' : 'MISS');

/** The comparison at one history size: the alternated runs, the figures, the targets and the sanity check. */
export async function compareWithDuckdb(rows, dir) {
  const { loadProgram } = await import(pathToFileURL(join(root, 'dist', 'program', 'load.js')).href);
  const { program, diagnostics } = loadProgram(readFileSync(lifecycle), 'programs/lifecycle.yaml');
  if (!program) throw new Error(`programs/lifecycle.yaml does not load: ${JSON.stringify(diagnostics[0])}`);
  const history = join(dir, 'history.csv');
  const partners = join(dir, 'partners.csv');
  const sqlFile = join(dir, 'lifecycle.duckdb.sql');
  writeFileSync(sqlFile, lifecycleSql(program, { history, partners, historyColumns: headerOf(history), partnerColumns: headerOf(partners) }));
  const version = JSON.parse(readFileSync(join(root, 'node_modules', '@duckdb', 'node-api', 'package.json'), 'utf8')).version;

  // Untimed: fills pointsmith's history cache for the warm runs (and the page cache for everyone).
  runPointsmith(dir, false);
  const loadBefore = loadavg();
  const runs = { duckdb: [], cold: [], warm: [] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.duckdb.push(runDuckdb(sqlFile));
    runs.cold.push(runPointsmith(dir, true));
    runs.warm.push(runPointsmith(dir, false));
  }
  const fig = (list) => ({
    seconds: median(list.map((m) => m.seconds)),
    cpu: median(list.map((m) => m.cpu)),
    rssMb: median(list.map((m) => m.rssMb)),
    all: list.map((m) => m.seconds.toFixed(2)).join(' '),
  });
  const duck = fig(runs.duckdb);
  const cold = fig(runs.cold);
  const warm = fig(runs.warm);
  const report = runs.cold[0].report;
  const events = report.events;

  const out = [];
  out.push(`\nDuckDB comparison, ${n0(events)} events, ${n0(report.partners)} partners (${dir.replace(`${root}/`, '')})`);
  out.push(`  alternated in one run: (DuckDB, pointsmith --no-cache, pointsmith warm) × ${ROUNDS}; medians; wall time from spawn to exit; CPU time (user + system, all threads) and peak RSS of the process`);
  out.push(`  load average ${loadBefore.map((x) => x.toFixed(1)).join(' ')} before the runs, ${loadavg().map((x) => x.toFixed(1)).join(' ')} after`);
  out.push('  measurement                               seconds   × DuckDB   CPU s   peak MB   runs (s)');
  const line = (name, f) =>
    out.push(`  ${name.padEnd(40)} ${f.seconds.toFixed(2).padStart(8)} ${(f.seconds / duck.seconds).toFixed(2).padStart(10)} ${f.cpu.toFixed(2).padStart(7)} ${f.rssMb.toFixed(0).padStart(9)}   ${f.all}`);
  line(`DuckDB ${version} (SQL core, ${runs.duckdb[0].result.threads} threads)`, duck);
  line('pointsmith run, cold (--no-cache)', cold);
  line('pointsmith run, warm (history cache)', warm);

  const target = rows <= 1_500_000 ? TARGETS[1_000_000] : rows >= 5_000_000 && rows <= 15_000_000 ? TARGETS[10_000_000] : undefined;
  if (target) {
    const label = target === TARGETS[1_000_000] ? '1M' : '10M';
    const parts = [];
    if (target.warmRatio !== undefined) parts.push(`warm ≤ ${target.warmRatio}× DuckDB: ${(warm.seconds / duck.seconds).toFixed(2)}× ${pass(warm.seconds <= target.warmRatio * duck.seconds)}`);
    parts.push(`cold ≤ ${target.coldRatio}× DuckDB: ${(cold.seconds / duck.seconds).toFixed(2)}× ${pass(cold.seconds <= target.coldRatio * duck.seconds)}`);
    parts.push(`peak RSS ≤ ${target.rssMb} MB: cold ${cold.rssMb.toFixed(0)} MB ${pass(cold.rssMb <= target.rssMb)}`);
    if (target.warmRatio !== undefined) parts[parts.length - 1] += `, warm ${warm.rssMb.toFixed(0)} MB ${pass(warm.rssMb <= target.rssMb)}`;
    out.push(`  targets (${label}, issue 12): ${parts.join('; ')}`);
  } else out.push('  (the issue\'s targets are for 1M and 10M rows)');

  // The sanity check: the last period's tier counts of both, within TIER_TOLERANCE of the partners.
  const duckResult = runs.duckdb[runs.duckdb.length - 1].result;
  const ours = runs.warm[runs.warm.length - 1].report;
  if (JSON.stringify(ours.tiers) !== JSON.stringify(report.tiers)) out.push('  note: the cold and warm runs of pointsmith disagree on the tiers');
  const last = report.periods[report.periods.length - 1].label;
  const allowed = Math.floor(TIER_TOLERANCE * report.partners);
  out.push(`  sanity check, partners per tier at the last period (${last}): DuckDB / pointsmith / difference (tolerance ±${allowed}, ${TIER_TOLERANCE * 100}% of the partners)`);
  let worst = 0;
  program.tiers.forEach((tier, k) => {
    const d = duckResult.tiers[k] ?? 0;
    const p = report.tiers.find((x) => x.tier === tier.name)?.partners ?? 0;
    worst = Math.max(worst, Math.abs(d - p));
    out.push(`    ${tier.name.padEnd(12)} ${n0(d).padStart(9)} ${n0(p).padStart(9)} ${(d - p >= 0 ? '+' : '') + n0(d - p)}`);
  });
  if (duckResult.tiers[-1]) out.push(`    (below every tier: ${n0(duckResult.tiers[-1])} in DuckDB)`);
  out.push(`    ${worst <= allowed ? 'agree' : `DISAGREE by up to ${n0(worst)} partners (what the SQL simplifies: the comment at the top of bench/duckdb.js)`}; points earned over the program: DuckDB ${n0(duckResult.earned)}, pointsmith ${n0(report.points.earned)} (${(((duckResult.earned - report.points.earned) / report.points.earned) * 100).toFixed(4)}%)`);
  console.log(out.join('\n'));
}

// ---------------------------------------------------------------- main -----------------
async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--measure') {
    console.log(JSON.stringify(await measure(args[1])));
    return;
  }
  const flag = args.indexOf('--rows');
  const spec = flag >= 0 ? args[flag + 1] : (process.env.BENCH_ROWS ?? '1000000,10000000');
  for (const rows of spec.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0)) {
    const dir = join(dataDir, `rows-${rows}`);
    if (!existsSync(join(dir, 'history.csv'))) {
      process.stderr.write(`no ${dir}: generating it with bench/run.js --rows ${rows} ...\n`);
      mkdirSync(dataDir, { recursive: true });
      execFileSync(process.execPath, [join(here, 'run.js'), '--rows', String(rows)], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BENCH_DUCKDB: '0' } });
    }
    await compareWithDuckdb(rows, dir);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
