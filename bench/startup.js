// npm run bench (or `node bench/startup.js` after `npm run build`): startup time of the CLI.
//
// Wall time from spawn to exit of `pointsmith --help` and `pointsmith validate
// programs/lifecycle.yaml` (targets, issue 12: at most 0.15 s and 0.2 s on the 2-core
// machine), the median of BENCH_STARTUP_RUNS runs (10 by default) after one untimed run,
// next to a bare `node -e 0` (the floor no CLI goes under), and the number of modules each
// loads through the ES module loader (node: built-ins included, not the files a CommonJS
// package requires itself), counted in a separate, untimed run through a module hook.
//
// `--bin PATH` (repeatable) measures other builds too, e.g. a copy of the build before a
// change: every case's runs alternate between the builds (A B A B ...), so that both see
// the same load. Timings are printed, never asserted; a miss does not fail the process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 10);

const CASES = [
  { name: 'pointsmith --help', args: ['--help'], target: 0.15 },
  { name: 'pointsmith validate programs/lifecycle.yaml', args: ['validate', 'programs/lifecycle.yaml'], target: 0.2 },
];

function bins() {
  const args = process.argv.slice(2);
  const list = [];
  for (let i = 0; i < args.length; i++) if (args[i] === '--bin') list.push(args[++i]);
  return list.length ? list : [join(root, 'bin', 'pointsmith.js')];
}

function once(argv) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`node ${argv.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr}`);
  return seconds;
}

/** The modules a run loads (node: built-ins included), through a resolve hook that lists them in a file. */
function modulesLoaded(argv) {
  const scratch = mkdtempSync(join(tmpdir(), 'pointsmith-startup-'));
  try {
    const list = join(scratch, 'modules');
    const hook = `data:text/javascript,${encodeURIComponent(
      `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(join(here, 'module-list-hook.js')).href)}, { data: ${JSON.stringify(list)} });`,
    )}`;
    const r = spawnSync(process.execPath, ['--import', hook, ...argv], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`node ${argv.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr}`);
    return new Set(readFileSync(list, 'utf8').split('\n').filter(Boolean)).size;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const avg = () => loadavg().map((x) => x.toFixed(1)).join(' ');

function main() {
  const list = bins();
  const label = (bin) => (list.length > 1 ? ` [${relative(root, bin) || bin}]` : '');
  console.log(`\nstartup: wall time from spawn to exit, median of ${RUNS} runs${list.length > 1 ? ', the builds alternated' : ''} (load average ${avg()})`);
  const width = Math.max(...CASES.flatMap((c) => list.map((bin) => (c.name + label(bin)).length)));
  console.log(`  ${'command'.padEnd(width)}  median    min    max  modules   target`);
  const floor = [];
  for (let i = 0; i < RUNS; i++) floor.push(once(['-e', '0']));
  console.log(`  ${'node -e 0 (the floor)'.padEnd(width)} ${median(floor).toFixed(3).padStart(7)} ${Math.min(...floor).toFixed(3)} ${Math.max(...floor).toFixed(3)}`);
  for (const c of CASES) {
    const times = list.map(() => []);
    for (const bin of list) once([bin, ...c.args]);
    for (let i = 0; i < RUNS; i++) list.forEach((bin, b) => times[b].push(once([bin, ...c.args])));
    list.forEach((bin, b) => {
      const m = median(times[b]);
      const modules = modulesLoaded([bin, ...c.args]);
      console.log(
        `  ${(c.name + label(bin)).padEnd(width)} ${m.toFixed(3).padStart(7)} ${Math.min(...times[b]).toFixed(3)} ${Math.max(...times[b]).toFixed(3)} ${String(modules).padStart(8)}   ≤ ${c.target} s ${m <= c.target ? 'PASS' : 'MISS'}`,
      );
    });
  }
  console.log(`  (load average at the end: ${avg()})`);
}

main();
