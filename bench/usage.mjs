// Preloaded (`node --import ./bench/usage.mjs …`) into a command the batch bench times: at exit, writes the
// process's peak resident memory and CPU time (all threads) as JSON to the file BENCH_USAGE_FILE names.
// A batch on every core runs in a second process the launcher starts (runtime/cli/batchProcess.ts), which
// inherits this preload and exits first: each process adds its own figures to what the file holds, so the
// command's CPU time is both processes' and its memory the sum of both peaks (an upper bound).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    const before = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { maxRssKb: 0, cpuMicros: 0 };
    const total = {
      maxRssKb: before.maxRssKb + u.maxRSS,
      cpuMicros: before.cpuMicros + u.userCPUTime + u.systemCPUTime,
    };
    writeFileSync(file, JSON.stringify(total));
  });
}
