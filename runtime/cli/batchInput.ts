/**
 * The input side of the batch commands (`simulate --batch`, `diff --calls`):
 * a file or standard input, plain or gzip, cut into pieces of whole lines
 * for the worker threads. The main thread never parses a line; it only finds
 * line ends, so that it keeps up with every worker.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from './documents.ts';

/** The longest line read (bytes): a scenario at the action limit fits with room to spare. */
export const MAX_LINE_BYTES = 1024 * 1024;
/**
 * How far past the limit a line may run before the input is given up on: a "line" that does not end within
 * this many bytes (`/dev/zero`, a binary file) means the input is not a call log at all.
 */
export const MAX_SKIP_BYTES = 64 * 1024 * 1024;
/** A piece for a worker holds about this many bytes or this many lines, whichever comes first. */
const PIECE_BYTES = 64 * 1024;
const PIECE_LINES = 256;

/** Whole lines for a worker (`bytes` holds `count` lines, each ending in a newline but perhaps the last of the input), or a line too long to read. */
export type InputPiece = { kind: 'lines'; firstLine: number; count: number; bytes: Uint8Array } | { kind: 'tooLong'; line: number };

/** An opened input: its bytes (decompressed), its size on disk when known, and how much of that was read so far. */
export interface BatchInput {
  chunks: AsyncIterable<Uint8Array>;
  /** Bytes on disk (compressed, for gzip), when the input is a regular file. */
  size: number | null;
  /** Bytes of the file (or stream) consumed so far, compressed for gzip: for progress. */
  consumed(): number;
}

const why = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message;
};

/** `cannot read the file: …` for `shown`, from a file system error. */
export function cannotRead(shown: string, e: unknown): InputError {
  return new InputError(shown, [{ path: '$', message: `cannot read the file: ${why(e)}` }]);
}

/** The chunks `read()` gives; a failure while reading ends the iteration with `refusal(e)`, not a raw error. */
async function* refusingFailures(read: () => AsyncIterable<Uint8Array>, refusal: (e: unknown) => InputError): AsyncGenerator<Uint8Array> {
  try {
    yield* read();
  } catch (e) {
    throw refusal(e);
  }
}

/** Counts the bytes flowing through, for progress. */
async function* counted(source: AsyncIterable<Uint8Array>, count: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    count(chunk.length);
    yield chunk;
  }
}

/** Gzip input (by its magic bytes, whatever the file is called) decompressed; anything else as it is. */
async function* gunzipIfGzip(source: AsyncIterable<Uint8Array>, shown: string): AsyncGenerator<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  while (head.length < 2) {
    const next = await it.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
  }
  const rest = async function* () {
    if (head.length > 0) yield head;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  };
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* rest();
    return;
  }
  const gunzip = createGunzip();
  // Errors of either side end the iteration below with that error.
  pipeline(rest(), gunzip, () => {});
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(shown, [{ path: '$', message: `not a readable gzip file: ${(e as Error).message}` }]);
  }
}

/**
 * Opens `spec` (a path relative to `cwd`, or `-` for `stdin`). Errors of opening it (no such file, a directory,
 * no permission) are thrown as `InputError` before anything runs; errors while reading end the iteration with one.
 */
export async function openBatchInput(spec: string, cwd: string, stdin: (() => AsyncIterable<Uint8Array>) | undefined): Promise<BatchInput> {
  let consumed = 0;
  const count = (n: number) => {
    consumed += n;
  };
  if (spec === '-') {
    if (!stdin) throw new InputError('-', [{ path: '$', message: 'standard input is not available here' }]);
    // A pipe can fail mid-read (the writer's device, EIO): the same clear refusal as a file's, not a crash.
    const piped = refusingFailures(stdin, (e) => new InputError('standard input', [{ path: '$', message: `the read failed: ${why(e)}` }]));
    return { chunks: gunzipIfGzip(counted(piped, count), 'standard input'), size: null, consumed: () => consumed };
  }
  const path = resolve(cwd, spec);
  let size: number | null = null;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = info.isFile() ? info.size : null;
    // Opening now finds a file that cannot be read (permissions) before any worker starts.
    await (await open(path, 'r')).close();
  } catch (e) {
    throw cannotRead(spec, e);
  }
  // Reads of at most a quarter of a line's limit: only a line spanning reads can grow past the limit.
  const file = refusingFailures(
    () => createReadStream(path, { highWaterMark: 256 * 1024 }),
    (e) => cannotRead(spec, e),
  );
  return { chunks: gunzipIfGzip(counted(file, count), spec), size, consumed: () => consumed };
}

/**
 * Cuts a byte stream into pieces of whole lines, numbered from 1. A line longer than `maxLine` bytes becomes a
 * `tooLong` piece (its bytes are skipped up to its end); one that runs on past `maxSkip` more bytes ends the
 * input with an `InputError`.
 */
export async function* linePieces(
  chunks: AsyncIterable<Uint8Array>,
  shown: string,
  { maxLine = MAX_LINE_BYTES, maxSkip = MAX_SKIP_BYTES }: { maxLine?: number; maxSkip?: number } = {},
): AsyncGenerator<InputPiece> {
  let line = 1; // the number of the line that starts at the front of `parts`
  let parts: Uint8Array[] = []; // bytes of whole lines not yet sent, then of the line being read
  let partsBytes = 0;
  let lines = 0; // whole lines in `parts`
  let wholeBytes = 0; // bytes of those whole lines
  let currentStart = 0; // bytes of the line being read so far
  let skipping = 0; // > 0 while skipping the rest of a too-long line: bytes skipped so far

  const take = (): Uint8Array => {
    // The whole lines, copied into one buffer of their own (it is handed to a worker and transferred).
    const out = new Uint8Array(wholeBytes);
    let at = 0;
    let left = wholeBytes;
    const keep: Uint8Array[] = [];
    for (const p of parts) {
      if (left >= p.length) {
        out.set(p, at);
        at += p.length;
        left -= p.length;
      } else {
        out.set(p.subarray(0, left), at);
        at += left;
        keep.push(p.subarray(left));
        left = 0;
      }
    }
    parts = keep;
    partsBytes -= wholeBytes;
    wholeBytes = 0;
    return out;
  };
  const flush = (): InputPiece | null => {
    if (lines === 0) return null;
    const piece: InputPiece = { kind: 'lines', firstLine: line, count: lines, bytes: take() };
    line += lines;
    lines = 0;
    return piece;
  };

  for await (const chunk of chunks) {
    let pos = 0;
    if (skipping > 0) {
      const nl = chunk.indexOf(10);
      if (nl === -1) {
        skipping += chunk.length;
        if (skipping > maxSkip) {
          throw new InputError(shown, [
            { path: '$', message: `line ${line - 1} runs on for more than ${maxSkip / 1024 / 1024} MB without ending: this is not a call log (NDJSON, one call per line)` },
          ]);
        }
        continue;
      }
      skipping = 0;
      pos = nl + 1;
    }
    for (;;) {
      const nl = chunk.indexOf(10, pos);
      const end = nl === -1 ? chunk.length : nl + 1;
      const length = currentStart + (end - pos);
      if (length > maxLine) {
        // Too long: what is left of the pending whole lines goes first, then the refusal, then skip to its end.
        const before = flush();
        if (before) yield before;
        yield { kind: 'tooLong', line };
        line++;
        parts = [];
        partsBytes = 0;
        currentStart = 0;
        if (nl === -1) {
          skipping = length;
          break;
        }
        pos = end;
        continue;
      }
      if (end > pos) {
        parts.push(chunk.subarray(pos, end));
        partsBytes += end - pos;
      }
      if (nl === -1) {
        currentStart = length;
        break;
      }
      lines++;
      wholeBytes = partsBytes;
      currentStart = 0;
      pos = end;
      if (lines >= PIECE_LINES || wholeBytes >= PIECE_BYTES) yield flush()!;
    }
  }
  // The last line may have no newline.
  if (currentStart > 0) {
    lines++;
    wholeBytes = partsBytes;
  }
  const last = flush();
  if (last) yield last;
}
