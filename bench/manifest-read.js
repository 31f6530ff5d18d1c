// The 1M-row bench history rewritten as a European export (semicolons, DD.MM.YYYY dates,
// decimal commas) and read through resolveFormat + parseHistory, beside the plain read of
// the original. Run `node bench/run.js` first (it generates bench/data/rows-N/history.csv).
// Usage: node bench/manifest-read.js [rows=1000000]
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rows = process.argv[2] ?? '1000000';
const dir = join(root, 'bench', 'data', `rows-${rows}`);
const plain = join(dir, 'history.csv');
const european = join(dir, 'history-european.csv');
const { parseHistory } = await import(join(root, 'dist/history/read-history.js'));
const { resolveFormat, SNIFF_BYTES } = await import(join(root, 'dist/history/source-settings.js'));

if (!existsSync(european)) {
  const out = createWriteStream(european);
  let rest = '';
  for await (const chunk of createReadStream(plain, { encoding: 'utf8' })) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    const text = lines
      .map((l) => {
        // Fields: partner_id, date, activity, quantity, amount, ... (the bench history has no quotes).
        const f = l.split(',');
        if (f[0] !== 'partner_id' && f.length > 4) {
          f[1] = `${f[1].slice(8, 10)}.${f[1].slice(5, 7)}.${f[1].slice(0, 4)}`;
          f[3] = f[3].replace('.', ',');
          f[4] = f[4].includes('.') ? f[4].replace('.', ',') : `${f[4]},50`; // every amount with a decimal comma
        }
        return f.join(';');
      })
      .join('\n');
    if (!out.write(text + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function time(file, settings) {
  const head = readFileSync(file).subarray(0, SNIFF_BYTES);
  const t = performance.now();
  const resolved = resolveFormat(head, settings);
  const parsed = await parseHistory(createReadStream(file, { highWaterMark: 1 << 18 }), { file, format: resolved.format });
  return { seconds: (performance.now() - t) / 1000, rows: parsed.store.size, bad: parsed.badRows };
}
const which = process.argv[3] ?? 'both';
if (which !== 'european') {
  const r = await time(plain, {});
  console.log(`plain     ${r.seconds.toFixed(3)} s  ${Math.round(r.rows / r.seconds).toLocaleString('en')} rows/s  (${r.rows} rows, ${r.bad} bad)`);
}
if (which !== 'plain') {
  const r = await time(european, { dateFormats: ['DD.MM.YYYY'], numbers: { decimal: ',', thousands: '.', currency: false } });
  console.log(`european  ${r.seconds.toFixed(3)} s  ${Math.round(r.rows / r.seconds).toLocaleString('en')} rows/s  (${r.rows} rows, ${r.bad} bad; delimiter sniffed)`);
}
