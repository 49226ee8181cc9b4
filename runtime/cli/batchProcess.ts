/**
 * How the process running a batch (`simulate --batch`, `diff --calls`) is set up: its worker count, and, decided by
 * the launcher (bin/recflow.js) before the CLI loads, whether it restarts itself with V8's garbage collection on one
 * thread (which depends on that count).
 *
 * Why: V8 collects garbage with helper threads (parallel scavenges, concurrent marking and sweeping). When a
 * worker thread runs on every core, those helpers take cores from the workers, and a batch's calls make a lot of
 * short-lived garbage. With `--single-threaded-gc` each thread collects its own garbage itself: on two cores with
 * two workers a batch took 0.86-0.92× the wall time (BENCHMARKS.md, *Batch simulation*). V8 cannot switch this
 * inside a running process (it stops with a fatal error), so the launcher starts the command again with the flag.
 * With fewer workers than cores the helpers have a core of their own and help: nothing changes then.
 *
 * This module imports nothing heavy: the launcher reads it before deciding whether to load the CLI at all.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIO } from './main.ts';

/** A log file of at most this many bytes (on disk) is simulated in the main thread, with no worker. */
export const SMALL_LOG_BYTES = 64 * 1024;

/**
 * The worker threads to use: one per core unless `--workers` asks for fewer; more than the cores would only
 * share them, so a larger number is capped (and the cap said on standard error).
 */
export function workerCount(spec: string | undefined, io: Pick<CliIO, 'err'>, command: string, cores = availableParallelism()): number | string {
  if (spec === undefined) return cores;
  const asked = Number(spec);
  if (!Number.isInteger(asked) || asked < 1) return `--workers must be a whole number of at least 1 (got ${spec})`;
  if (asked > cores) {
    io.err(`recflow ${command}: using ${cores} worker${cores === 1 ? '' : 's'}, one per core (asked for ${asked})\n`);
    return cores;
  }
  return asked;
}

/** The V8 flag the batch restarts with. */
export const SINGLE_THREADED_GC = '--single-threaded-gc';

export interface ProcessFacts {
  /** Cores this process may use (`os.availableParallelism()`). */
  cores: number;
  /** The Node and V8 options this process runs with (`process.execArgv`). */
  execArgv: readonly string[];
  /** The working directory, for a log given by a relative path. */
  cwd: string;
  /** Size in bytes of a regular file, or null for anything else (a pipe, a missing file). */
  sizeOf?: (path: string) => number | null;
}

function regularFileSize(path: string): number | null {
  try {
    const info = statSync(path);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/**
 * Whether the command line `argv` (without `node` and the script) runs a batch with a worker thread on every core,
 * in a process not already collecting garbage on one thread. Only speed depends on the answer: the restarted
 * process parses the same arguments and refuses bad ones as this one would, so anything unclear answers false.
 *
 * @example
 * restartWithSingleThreadedGc(['simulate', '--batch', 'calls.ndjson', '--workspace', 'ws.json'], { cores: 2, execArgv: [], cwd: '/logs' }); // true
 * restartWithSingleThreadedGc(['simulate', '--batch', 'calls.ndjson', '--workers', '1', '--workspace', 'ws.json'], { cores: 2, execArgv: [], cwd: '/logs' }); // false
 */
export function restartWithSingleThreadedGc(argv: readonly string[], facts: ProcessFacts): boolean {
  if (facts.execArgv.includes(SINGLE_THREADED_GC)) return false;
  // Under a debugger, the process being debugged is the one that runs the batch (a second one could not take the
  // inspector's port anyway).
  if (facts.execArgv.some((a) => a.startsWith('--inspect') || a.startsWith('--debug'))) return false;
  const [command = '', ...rest] = argv;
  const logOption = command === 'simulate' ? 'batch' : command === 'diff' ? 'calls' : null;
  if (logOption === null) return false;
  let values: Record<string, unknown>;
  try {
    // Not strict: the command's own options are not known here; only the log and the worker count are read.
    ({ values } = parseArgs({ args: [...rest], strict: false, allowPositionals: true, options: { [logOption]: { type: 'string' }, workers: { type: 'string' } } }));
  } catch {
    return false;
  }
  const log = values[logOption];
  if (typeof log !== 'string') return false;
  const spec = values.workers;
  // The count the batch will use; one it refuses (a string saying why) gets no restart.
  const workers = spec === undefined || typeof spec === 'string' ? workerCount(spec, { err: () => {} }, command, facts.cores) : null;
  if (typeof workers !== 'number' || workers < 2 || workers < facts.cores) return false;
  // A small log runs in the main thread: no worker competes with the collector's helpers.
  if (log !== '-') {
    const size = (facts.sizeOf ?? regularFileSize)(resolve(facts.cwd, log));
    if (size !== null && size <= SMALL_LOG_BYTES) return false;
  }
  return true;
}
