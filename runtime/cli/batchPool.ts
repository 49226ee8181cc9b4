/**
 * The worker threads of the batch commands: pieces of the input go to the
 * least busy worker, their output comes back as bytes (transferred, not
 * copied) and is written in input order. Memory stays bounded whatever the
 * input's size: a piece is read only when fewer than a few per worker wait
 * to be written, and output waits for the reader to take it.
 */
import { Worker } from 'node:worker_threads';
import type { InputPiece } from './batchInput.ts';
import { type BatchReply, type BatchRequest, type BatchWorkerData, type LineHandler, lineHandler, workOn } from './batchWork.ts';

export interface PoolOptions<P> {
  /** At most this many worker threads (started as the input needs them); 0 does the work in this thread. */
  workers: number;
  data: BatchWorkerData;
  pieces: AsyncIterable<InputPiece>;
  /** Takes output in input order; a returned promise holds the pool back until the output is taken. */
  write(bytes: Uint8Array): void | Promise<void>;
  /** The output for a line too long to read, or null to print nothing (outside the shard). */
  tooLong(line: number): Uint8Array | null;
  /** Each reply's counts, in input order. */
  part(part: P): void;
}

/** Requests a worker may hold at once: one it works on, one waiting, so it never idles while the main thread catches up. */
const DEPTH = 2;
/** Pieces sent per worker but not yet written: how far a slow piece may hold the others back. */
const WINDOW_PER_WORKER = 4;

/**
 * Starts a worker thread running the batch worker: compiled JavaScript in the installed package (`lib/`), else
 * `batchWorker.ts` under tsx (a source checkout has no build step).
 */
function startWorker(data: BatchWorkerData): Worker {
  // Each worker's old generation is capped at 128 MB: a call's live data is small and bounded (a line is at most
  // 1 MB, a call at most 1,000 flow nodes and 10,000 actions), but uncapped, V8 let each worker's heap grow with the
  // input before collecting it (two workers: 400 MB at 50,000 calls, 600 MB at 200,000, with a larger young
  // generation tried for speed). Capped, a batch's memory does not depend on the log's length (BENCHMARKS.md).
  const resourceLimits = { maxOldGenerationSizeMb: 128 };
  if (import.meta.url.endsWith('.js')) return new Worker(new URL('./batchWorker.js', import.meta.url), { workerData: data, resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./batchWorker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(code, { eval: true, workerData: data, resourceLimits });
}

/**
 * Runs the pieces through worker threads and writes their output in input order. Resolves when everything is
 * written; rejects when a worker fails or the input cannot be read (output so far stays written).
 */
export async function runPool<P>(o: PoolOptions<P>): Promise<void> {
  const slots: Array<{ worker: Worker; outstanding: number }> = [];
  const replies = new Map<number, { out: Uint8Array | null; part: P | null }>();
  let nextWrite = 0;
  let seq = 0;
  let closing = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const waitForNews = () => new Promise<void>((r) => (wake = r));

  const start = () => {
    const slot = { worker: startWorker(o.data), outstanding: 0 };
    slot.worker.on('message', (reply: BatchReply<P>) => {
      slot.outstanding--;
      replies.set(reply.seq, { out: reply.out, part: reply.part });
      signal();
    });
    slot.worker.on('error', (e) => {
      failure ??= new Error(`a worker thread failed: ${e.message}`);
      signal();
    });
    slot.worker.on('exit', (code) => {
      if (!closing) failure ??= new Error(`a worker thread stopped unexpectedly (exit code ${code})`);
      signal();
    });
    slots.push(slot);
    return slot;
  };
  const writeReady = async () => {
    for (let r = replies.get(nextWrite); r !== undefined; r = replies.get(nextWrite)) {
      replies.delete(nextWrite);
      nextWrite++;
      if (r.part !== null) o.part(r.part);
      if (r.out !== null && r.out.length > 0) await o.write(r.out);
    }
  };

  let inputFailure: unknown = null;
  try {
    try {
      await send();
    } catch (e) {
      // The input broke off (unreadable, not a call log): what was read is still finished and written.
      inputFailure = e;
    }
    while (!failure && nextWrite < seq) {
      await writeReady();
      if (!failure && nextWrite < seq) await waitForNews();
    }
  } finally {
    closing = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
  if (failure) throw failure;
  if (inputFailure) throw inputFailure;

  async function send() {
    const inline = o.workers === 0 ? (lineHandler(o.data) as LineHandler<P>) : null;
    for await (const piece of o.pieces) {
      if (failure) break;
      const s = seq++;
      if (piece.kind === 'tooLong') {
        replies.set(s, { out: o.tooLong(piece.line), part: null });
        await writeReady();
        continue;
      }
      if (inline) {
        const reply = workOn(inline, o.data, { seq: s, firstLine: piece.firstLine, bytes: piece.bytes });
        replies.set(s, { out: reply.out, part: reply.part });
        await writeReady();
        continue;
      }
      for (;;) {
        await writeReady();
        if (failure) break;
        if (s - nextWrite < o.workers * WINDOW_PER_WORKER) {
          let slot = slots.reduce<(typeof slots)[number] | undefined>((best, x) => (best === undefined || x.outstanding < best.outstanding ? x : best), undefined);
          if ((slot === undefined || slot.outstanding >= DEPTH) && slots.length < o.workers) slot = start();
          if (slot !== undefined && slot.outstanding < DEPTH) {
            slot.outstanding++;
            const request: BatchRequest = { seq: s, firstLine: piece.firstLine, bytes: piece.bytes };
            slot.worker.postMessage(request, [piece.bytes.buffer as ArrayBuffer]);
            break;
          }
        }
        await waitForNews();
      }
    }
  }
}
