/**
 * What the batch commands (`simulate --batch`, `diff --calls`) share: the
 * number of worker threads, the shard of the log this run takes, and one run
 * over a call log (input, workers, ordered output, progress, counts).
 */
import { linePieces, MAX_LINE_BYTES, openBatchInput } from './batchInput.ts';
import { runPool } from './batchPool.ts';
import { SMALL_LOG_BYTES } from './batchProcess.ts';
import { type BatchWorkerData, inShard, type Shard } from './batchWork.ts';
import type { CliIO } from './main.ts';

/** Array-job variables that hold this run's index (from 0), in the order they are looked at. */
export const SHARD_INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;
/** Where `--shard auto` finds the number of shards when it is not written after a slash. */
export const SHARD_COUNT_VARIABLE = 'RECFLOW_SHARD_COUNT';

const wholeNumber = (text: string | undefined) => (text !== undefined && /^[0-9]+$/.test(text.trim()) ? Number(text.trim()) : null);

/**
 * Reads `--shard`: `k/n` (the k-th of n interleaved parts, 1 ≤ k ≤ n), or `auto` / `auto/n`, which takes k from a
 * Kubernetes indexed job (`JOB_COMPLETION_INDEX`) or an AWS Batch array job (`AWS_BATCH_JOB_ARRAY_INDEX`), both
 * counted from 0, and n from after the slash or from `RECFLOW_SHARD_COUNT`. Returns the shard, or why not.
 */
export function parseShard(spec: string | undefined, env: Record<string, string | undefined>): Shard | null | string {
  if (spec === undefined) return null;
  const [left, right, extra] = spec.split('/');
  if (extra !== undefined) return `--shard must be k/n, auto or auto/n (got ${spec})`;
  let k: number | null;
  let n: number | null;
  if (left === 'auto') {
    const variable = SHARD_INDEX_VARIABLES.find((v) => env[v] !== undefined);
    if (variable === undefined) return `--shard auto: neither ${SHARD_INDEX_VARIABLES.join(' nor ')} is set; give --shard k/n`;
    const index = wholeNumber(env[variable]);
    if (index === null) return `--shard auto: ${variable} is "${env[variable]}", not an index`;
    k = index + 1;
    n = right !== undefined ? wholeNumber(right) : wholeNumber(env[SHARD_COUNT_VARIABLE]);
    if (n === null) {
      return right !== undefined
        ? `--shard auto/n: n must be a whole number (got ${right})`
        : `--shard auto needs the number of shards: write --shard auto/<n> or set ${SHARD_COUNT_VARIABLE}`;
    }
    if (k > n) return `--shard auto: ${variable} is ${index}, but there are only ${n} shards (indexes 0 to ${n - 1})`;
  } else {
    k = wholeNumber(left);
    n = wholeNumber(right);
    if (k === null || n === null) return `--shard must be k/n with whole numbers, e.g. 2/8, or auto (got ${spec})`;
  }
  if (n < 1 || k < 1 || k > n) return `--shard ${k}/${n}: k must be from 1 to n`;
  return { k, n };
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export interface LogRun<P extends { lines: number }> {
  /** The call log: a path, or `-` for standard input. */
  log: string;
  io: CliIO;
  data: BatchWorkerData;
  workers: number;
  /** An empty total, and how a worker's part is added to it. */
  total: P;
  merge(total: P, part: P): void;
  /** Counts a line of the shard too long to read; returns the output line to print in its place, if any. */
  tooLong(total: P, line: number, error: string): string | null;
}

/**
 * Runs a call log through the worker threads: output lines are written in input order as they come, a line too
 * long to read prints an error line in its place, and a progress line shows on a terminal. Resolves to the total
 * of what the workers counted; rejects with an `InputError` when the log cannot be read (after writing the output
 * of everything read before).
 */
export async function runLog<P extends { lines: number }>(run: LogRun<P>): Promise<P> {
  const { io } = run;
  const input = await openBatchInput(run.log, io.cwd, io.stdin);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const write = io.outBytes ?? ((bytes: Uint8Array) => io.out(decoder.decode(bytes)));
  const shard = run.data.shard;
  const started = performance.now();
  const status = io.status;
  const timer = status
    ? setInterval(() => {
        // Calls are counted as their output is written (non-blank lines of the shard).
        const calls = run.total.lines;
        const seconds = (performance.now() - started) / 1000;
        let text = `${fmt(calls)} calls, ${fmt(calls / seconds)} calls/s`;
        const consumed = input.consumed();
        if (input.size !== null && input.size > 0 && consumed > 0) {
          text += `, about ${duration((seconds * (input.size - consumed)) / consumed)} left`;
        }
        status(text);
      }, 500)
    : null;
  timer?.unref();
  try {
    await runPool<P>({
      // A log this small is done before a worker thread would have started.
      workers: input.size !== null && input.size <= SMALL_LOG_BYTES ? 0 : run.workers,
      data: run.data,
      pieces: linePieces(input.chunks, run.log === '-' ? 'standard input' : run.log),
      write,
      tooLong: (line) => {
        if (!inShard(line, shard)) return null;
        const error = `the line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB: not one call (a call log holds one scenario a line)`;
        const printed = run.tooLong(run.total, line, error);
        return printed === null ? null : encoder.encode(`${printed}\n`);
      },
      part: (part) => run.merge(run.total, part),
    });
  } finally {
    if (timer) clearInterval(timer);
    status?.(null);
  }
  return run.total;
}
