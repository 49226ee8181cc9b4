/**
 * Batch bench (not a test): `npm run bench:batch`, also part of `npm run bench`.
 *
 * Times `recflow simulate --batch` as a user runs it (a whole `node bin/recflow.js` process, output to
 * /dev/null) on a call log of BENCH_BATCH_CALLS lines (default 200,000): the example scenarios with varied
 * timings (bench/callLog.ts), each inbound call running its number's flow. One worker and two workers run by
 * turns, BENCH_BATCH_REPS times each (default 2), so load from other processes falls on both alike, each through
 * tsx (as `npx recflow` runs in a checkout) and compiled (lib/, built first: what the installed package runs); beside them,
 * the same log merely read and written (`JSON.parse` + `JSON.stringify` a line, bench/plainJson.mjs), and two
 * workers on a log a quarter the size, to show that memory does not grow with the input.
 *
 * Each process's peak resident memory and CPU time (all its threads) come from bench/usage.mjs.
 * Figures: calls per second of wall time (start-up included), calls per CPU-second, how many cores the process kept
 * busy on average (CPU time ÷ wall time: below the workers' count, the machine gave it less), peak RSS, and the time one
 * million calls would take: the start-up once, then the rate the runs kept once started. Two workers on two cores
 * run in a second process the launcher starts (runtime/cli/batchProcess.ts); bench/usage.mjs adds up both. On a
 * shared machine the wall figures follow the load; so it also prints the CPU time per call once running (a
 * start-up run of 1,200 calls taken out) and what two idle cores would do at that cost.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { callLogLines, workspaceWithFlowsText } from './callLog.ts';
import { median } from './stats.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CALLS = Number(process.env.BENCH_BATCH_CALLS ?? 200_000);
const REPS = Math.max(1, Number(process.env.BENCH_BATCH_REPS ?? 2));
/** The start-up run: four pieces of 256 lines and a bit, so the second worker starts too. */
const STARTUP_CALLS = 1200;

interface Run {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  lines: number;
}

/** Runs `node [--import usage.mjs] args…` with stdout to /dev/null; times it and reads its usage. */
function timed(args: string[], dir: string, env: Record<string, string> = {}): Promise<Run> {
  const usageFile = join(dir, `usage-${Math.random().toString(36).slice(2)}.json`);
  const devNull = openSync('/dev/null', 'w');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', join(root, 'bench/usage.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, ...env, BENCH_USAGE_FILE: usageFile },
    stdio: ['ignore', devNull, 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
        return;
      }
      const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; cpuMicros: number };
      resolve({ seconds, cpuSeconds: usage.cpuMicros / 1e6, maxRssMb: usage.maxRssKb / 1024, lines: 0 });
    });
  });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const met = (ok: boolean) => (ok ? '**met**' : '**not met**');

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'recflow-batch-bench-'));
  try {
    const log = join(dir, 'calls.ndjson');
    const quarter = join(dir, 'calls-quarter.ndjson');
    const ws = join(dir, 'workspace.json');
    const lines = callLogLines(CALLS);
    writeFileSync(log, lines.join(''));
    writeFileSync(quarter, lines.slice(0, Math.floor(CALLS / 4)).join(''));
    writeFileSync(ws, workspaceWithFlowsText());
    /** `recflow simulate --batch` from this checkout: through tsx (as `npx recflow` runs here), or compiled (as the package runs). */
    const batch = (file: string, workers: number, compiled = false) =>
      timed(
        [join(root, 'bin/recflow.js'), 'simulate', '--batch', file, '--workspace', ws, '--workers', String(workers)],
        dir,
        compiled ? { RECFLOW_COMPILED: '1' } : {},
      );
    const cores = availableParallelism();
    const load = () =>
      loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
    console.log(`Recflow batch bench (Node ${process.version}, ${cores} cores, ${cpus()[0]?.model ?? 'unknown CPU'}), load average at start ${load()}`);
    console.log(`log: ${fmt(CALLS)} calls (${(lines.reduce((n, l) => n + l.length, 0) / 1024 / 1024).toFixed(1)} MB), the 13 example scenarios with varied timings; ${REPS} repetitions`);
    // The compiled CLI (lib/, what the installed package runs); without it only the checkout's tsx runs are timed.
    const build = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bin/build-lib.ts')], { cwd: root, encoding: 'utf8' });
    const withCompiled = build.status === 0;
    if (!withCompiled) console.log(`  (the compiled CLI could not be built, so only the tsx runs are timed: ${build.stderr.trim().split('\n')[0]})`);

    const modes = withCompiled ? [false, true] : [false];
    const one = new Map<boolean, Run[]>(modes.map((m) => [m, []]));
    const two = new Map<boolean, Run[]>(modes.map((m) => [m, []]));
    const plain: Run[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      for (const compiled of modes) {
        one.get(compiled)!.push(await batch(log, 1, compiled));
        two.get(compiled)!.push(await batch(log, 2, compiled));
      }
      plain.push(await timed([join(root, 'bench/plainJson.mjs'), log], dir));
    }
    const small = await batch(quarter, 2);
    // Start-up alone: a log of a few pieces, enough for both workers to start (and compile their code).
    const startupLog = join(dir, 'calls-startup.ndjson');
    writeFileSync(startupLog, lines.slice(0, STARTUP_CALLS).join(''));
    const startups = new Map<string, Run>();
    const startupKey = (compiled: boolean, workers: number) => `${compiled} ${workers}`;
    for (const compiled of modes) for (const workers of [1, 2]) startups.set(startupKey(compiled, workers), await batch(startupLog, workers, compiled));
    const startupOf = (compiled: boolean, workers: number) => startups.get(startupKey(compiled, workers))!;

    const rate = (runs: Run[]) => median(runs.map((r) => CALLS / r.seconds));
    const cpuRate = (runs: Run[]) => median(runs.map((r) => CALLS / r.cpuSeconds));
    const rss = (runs: Run[]) => Math.max(...runs.map((r) => r.maxRssMb));
    /**
     * One million calls: the start-up once (the start-up run with as many workers), then the rest at the rate the
     * runs kept after their own start-up. (Dividing a million by the whole runs' rate would count the start-up five
     * times over for a log of 200,000.)
     */
    const oneM = (runs: Run[], startup: Run | undefined) =>
      startup === undefined
        ? 1e6 / rate(runs)
        : startup.seconds + median(runs.map((r) => ((r.seconds - startup.seconds) / (CALLS - STARTUP_CALLS)) * (1e6 - STARTUP_CALLS)));
    const row = (name: string, runs: Run[], startup?: Run) =>
      console.log(
        `  ${name.padEnd(26)} ${fmt(rate(runs)).padStart(7)} calls/s  ${fmt(cpuRate(runs)).padStart(7)} calls/CPU-s  ${median(runs.map((r) => r.cpuSeconds / r.seconds)).toFixed(2)} cores busy  peak RSS ${rss(runs).toFixed(0).padStart(4)} MB  1M calls in ${oneM(runs, startup).toFixed(0)} s  (runs: ${runs.map((r) => `${r.seconds.toFixed(1)} s`).join(', ')})`,
      );
    const label = (compiled: boolean) => (compiled ? 'compiled CLI' : 'tsx');
    for (const compiled of modes) {
      row(`1 worker (${label(compiled)})`, one.get(compiled)!, startupOf(compiled, 1));
      row(`2 workers (${label(compiled)})`, two.get(compiled)!, startupOf(compiled, 2));
    }
    row('JSON.parse + stringify', plain);
    const speedUps = new Map<boolean, number>();
    for (const compiled of modes) {
      const ratios = one.get(compiled)!.map((r, i) => r.seconds / two.get(compiled)![i]!.seconds);
      speedUps.set(compiled, median(ratios));
      console.log(`  2 workers ÷ 1 worker (${label(compiled)}): ${median(ratios).toFixed(2)}× (pairs: ${ratios.map((r) => r.toFixed(2)).join(', ')})`);
    }
    const twoTsx = two.get(false)!;
    console.log(`  batch ÷ plain read+write (tsx): 1 worker ${(rate(one.get(false)!) / rate(plain)).toFixed(2)}×, 2 workers ${(rate(twoTsx) / rate(plain)).toFixed(2)}× the plain rate`);
    console.log(`  peak RSS, 2 workers: ${small.maxRssMb.toFixed(0)} MB on ${fmt(CALLS / 4)} calls, ${rss(twoTsx).toFixed(0)} MB on ${fmt(CALLS)}`);
    for (const compiled of modes) {
      // CPU time per call once running (the start-up run with as many workers taken out), all threads: what two
      // idle cores could do at that cost.
      const steady = (workers: number, runs: Run[]) =>
        median(runs.map((r) => (r.cpuSeconds - startupOf(compiled, workers).cpuSeconds) / (CALLS - STARTUP_CALLS)));
      const startup = startupOf(compiled, 2);
      const idleRate = 2 / steady(2, two.get(compiled)!);
      console.log(
        `  ${label(compiled)}: start-up (2 workers, ${fmt(STARTUP_CALLS)} calls) ${startup.seconds.toFixed(1)} s wall, ${startup.cpuSeconds.toFixed(1)} CPU-s; once running, ${(steady(1, one.get(compiled)!) * 1e6).toFixed(0)} µs of CPU per call on 1 worker, ${(steady(2, two.get(compiled)!) * 1e6).toFixed(0)} µs on 2 (all threads); two idle cores at that cost: about ${fmt(idleRate)} calls/s, one million calls in about ${(startup.seconds + 1e6 / idleRate).toFixed(0)} s (an upper bound: no other load, perfect sharing)`,
      );
    }
    console.log(`load average at end ${load()}`);
    console.log('goals:');
    for (const compiled of modes) {
      const runs = two.get(compiled)!;
      const speedUp = speedUps.get(compiled)!;
      const million = oneM(runs, startupOf(compiled, 2));
      console.log(`  ${label(compiled)}: one million calls in under 60 s (2 workers): ${million.toFixed(0)} s: ${met(million < 60)}`);
      console.log(`  ${label(compiled)}: at least 17,000 calls/s (2 workers): ${fmt(rate(runs))}: ${met(rate(runs) >= 17_000)}`);
      console.log(`  ${label(compiled)}: two workers at least 1.8× one: ${speedUp.toFixed(2)}×: ${met(speedUp >= 1.8)}`);
    }
    const peak = Math.max(...modes.flatMap((m) => [rss(one.get(m)!), rss(two.get(m)!)]), small.maxRssMb);
    console.log(`  resident memory under 500 MB, not growing with the input: ${peak.toFixed(0)} MB at most: ${met(peak < 500 && rss(twoTsx) < small.maxRssMb * 1.5)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
