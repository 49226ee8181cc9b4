// Preloaded (`node --import ./bench/usage.mjs …`) into a command the batch bench times: at exit, writes the
// process's peak resident memory and CPU time (all threads) as JSON to the file BENCH_USAGE_FILE names.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: u.maxRSS, cpuMicros: u.userCPUTime + u.systemCPUTime }));
  });
}
