// Preloaded by the benches (`node --import ./bench/peak-rss.js ...`): at exit, writes the
// process's peak RSS in KB (process.resourceUsage().maxRSS) and its CPU time (user +
// system, every thread, seconds) as JSON to $BENCH_PEAK_RSS_FILE, so a command spawned as
// it is (`node bin/pointsmith.js run ...`) reports its own figures.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS: u.maxRSS, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
  });
}
