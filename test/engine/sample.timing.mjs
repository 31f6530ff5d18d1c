// Ad-hoc timing of replays over fixtures/sample (not a test). Build first:
//   npx tsc -p tsconfig.build.json --outDir /tmp/ps-dist && ln -sf "$PWD/node_modules" /tmp/node_modules
//   DIST=/tmp/ps-dist node test/engine/sample.timing.mjs [programs/lifecycle.yaml]
import { readFileSync } from 'node:fs';
const D = process.env.DIST ?? '../../dist';
const { loadProgram } = await import(D + '/program/load.js');
const { readHistory } = await import(D + '/history/read-history.js');
const { readPartners } = await import(D + '/history/read-partners.js');
const { replay } = await import(D + '/engine/replay.js');
const { compile } = await import(D + '/engine/compile.js');
const file = process.argv[2] ?? 'programs/lifecycle.yaml';
const { program } = loadProgram(readFileSync(file), file);
const { store } = await readHistory(readFileSync('fixtures/sample/history.csv'), { file: 'h' });
const partners = await readPartners(readFileSync('fixtures/sample/partners.csv'), { file: 'p' });
for (const detail of [true, false]) {
  for (let k = 0; k < 5; k++) {
    const a = performance.now();
    replay(program, store, partners, { detail });
    const b = performance.now();
    compile(program, store, partners);
    const c = performance.now();
    console.log(`${file} ${store.size} events, detail ${detail}: replay ${(b - a).toFixed(1)} ms (compile ${(c - b).toFixed(1)} ms)`);
  }
}
