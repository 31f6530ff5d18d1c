// node bench/memory.js [--copies 200] [--only transition] (after `npm run build`): peak
// memory of `explain` (which replays only the partner asked for, issue 13 item 4) and of
// `transition` (every partner without per-activity detail, the at-risk ones' slices with
// it) at 400,000 partners, beside `run` (every partner, no per-rule detail), on the same
// history.
//
// The history is the sample's first 5 rows of each of its 2,000 partners, copied N times
// with renamed partner ids (P00001 -> P00001-17): 400,000 partners and about 2M rows at
// 200 copies, written once into bench/data/partners-N/. Peak RSS is measured by
// /usr/bin/time -f %M around the real CLI (the report is read from a pipe as it comes and
// discarded). Figures are printed, never asserted. `transition` runs in every format it
// offers; `--max-memory` is not given, so the estimate only checks Node's heap limit.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const copiesFlag = args.indexOf('--copies');
const copies = copiesFlag >= 0 ? Number(args[copiesFlag + 1]) : 200;
const onlyFlag = args.indexOf('--only');
const only = onlyFlag >= 0 ? args[onlyFlag + 1] : undefined;
const dir = join(root, 'bench', 'data', `partners-${copies * 2000}`);

async function write(path, lines) {
  const out = createWriteStream(path);
  for (const line of lines()) if (!out.write(line)) await new Promise((done) => out.once('drain', done));
  await new Promise((done) => out.end(done));
}

if (!existsSync(join(dir, 'history.csv'))) {
  mkdirSync(dir, { recursive: true });
  const [header, ...rows] = readFileSync(join(root, 'fixtures/sample/history.csv'), 'utf8').trimEnd().split('\n');
  const kept = new Map();
  for (const row of rows) {
    const id = row.slice(0, row.indexOf(','));
    const list = kept.get(id) ?? [];
    if (list.length < 5) list.push(row.slice(id.length));
    kept.set(id, list);
  }
  const [pHeader, ...partners] = readFileSync(join(root, 'fixtures/sample/partners.csv'), 'utf8').trimEnd().split('\n');
  process.stderr.write(`writing ${copies * partners.length} partners into ${dir} ...\n`);
  await write(join(dir, 'history.csv'), function* () {
    yield `${header}\n`;
    for (let k = 0; k < copies; k++) for (const [id, list] of kept) for (const rest of list) yield `${id}-${k}${rest}\n`;
  });
  await write(join(dir, 'partners.csv'), function* () {
    yield `${pHeader}\n`;
    for (let k = 0; k < copies; k++) for (const p of partners) yield `${p.slice(0, p.indexOf(','))}-${k}${p.slice(p.indexOf(','))}\n`;
  });
}

const history = join(dir, 'history.csv');
const partners = join(dir, 'partners.csv');
function measure(label, cli) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, join(root, 'bin/pointsmith.js'), ...cli, '--quiet'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const [kb, seconds] = (r.stderr.trim().split('\n').pop() ?? '').split(' ');
  process.stdout.write(`${label.padEnd(44)} exit ${r.status}  peak ${(Number(kb) / 1024).toFixed(0).padStart(6)} MB  ${Number(seconds).toFixed(1).padStart(6)} s\n`);
}
const wanted = (command) => only === undefined || only === command;
if (wanted('explain')) measure(`explain (one partner of ${copies * 2000})`, ['explain', 'programs/lifecycle.yaml', '--history', history, '--partners', partners, '--partner', 'P00042-7', '--format', 'json', '--no-cache']);
if (wanted('run')) measure(`run (every partner of ${copies * 2000})`, ['run', 'programs/lifecycle.yaml', '--history', history, '--partners', partners, '--format', 'json', '--no-cache']);
for (const format of ['markdown', 'json', 'csv', 'html']) {
  if (wanted('transition')) measure(`transition ${format} (${copies * 2000} partners)`, ['transition', 'programs/lifecycle.yaml', '--history', history, '--partners', partners, '--format', format, '--no-cache']);
}
