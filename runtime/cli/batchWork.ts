/**
 * The work on one piece of a call log, the same in a worker thread and in the main thread: each non-blank line of
 * the shard handled by the command's line handler, the output lines joined and encoded, the counts kept per piece.
 */
import { parseFlow } from '../document/flow.ts';
import { parseWorkspace } from '../document/workspace.ts';
import { type BatchCounts, emptyCounts, type FieldChoice, parseFields, simulateLine } from './batchLines.ts';
import { type CallDiffCounts, diffLine, emptyDiffCounts, prepareCallDiff } from './callDiff.ts';
import { numbersAnswering } from './documents.ts';

/** Which lines of the log this run takes: the k-th (1-based) of n interleaved parts. */
export interface Shard {
  k: number;
  n: number;
}

/** Whether line `lineNo` (from 1) belongs to `shard`. */
export const inShard = (lineNo: number, shard: Shard | null) => shard === null || (lineNo - 1) % shard.n === shard.k - 1;

/** What every worker is given once. The documents go as text and are parsed in each worker. */
export type BatchWorkerData =
  | { mode: 'simulate'; workspaceText: string; flowText: string | null; fields: string | undefined; shard: Shard | null }
  | { mode: 'diff'; workspaceText: string; beforeText: string; afterText: string; shard: Shard | null };

/** Lines for a worker; `bytes` is transferred. */
export interface BatchRequest {
  seq: number;
  firstLine: number;
  bytes: Uint8Array;
}

/** A worker's answer for one request: output lines (transferred) and what it counted. */
export interface BatchReply<P> {
  seq: number;
  out: Uint8Array;
  part: P;
}

/** What a command does with one non-blank line: its output line ('' for none), counting into the piece's part. */
export interface LineHandler<P> {
  fresh(): P;
  line(text: string, lineNo: number, part: P): string;
}

function parsed<T>(result: { ok: true; value: T } | { ok: false }): T {
  // The main thread parsed the same text before starting any work.
  if (!result.ok) throw new Error('the batch work was given documents that do not parse');
  return result.value;
}

/** The line handler for a batch's documents and options (parsed once per thread). */
export function lineHandler(data: BatchWorkerData): LineHandler<BatchCounts> | LineHandler<CallDiffCounts> {
  const workspace = parsed(parseWorkspace(data.workspaceText));
  if (data.mode === 'simulate') {
    const flow = data.flowText === null ? undefined : parsed(parseFlow(data.flowText));
    const fields = parseFields(data.fields) as FieldChoice;
    const answers = flow === undefined ? new Set<string>() : numbersAnswering(workspace, flow);
    return {
      fresh: emptyCounts,
      line: (text: string, lineNo: number, counts: BatchCounts) => simulateLine(text, lineNo, { workspace, flow, answers, fields, counts }),
    };
  }
  const diff = prepareCallDiff(workspace, parsed(parseFlow(data.beforeText)), parsed(parseFlow(data.afterText)));
  return { fresh: emptyDiffCounts, line: (text: string, lineNo: number, counts: CallDiffCounts) => diffLine(text, lineNo, diff, counts) };
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Handles every line of a piece that belongs to `shard`; the reply's bytes have a buffer of their own (to transfer). */
export function workOn<P>(handler: LineHandler<P>, data: Pick<BatchWorkerData, 'shard'>, req: BatchRequest): BatchReply<P> {
  const text = decoder.decode(req.bytes);
  const part = handler.fresh();
  const out: string[] = [];
  let lineNo = req.firstLine;
  for (let start = 0; start < text.length; lineNo++) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const from = start;
    start = end + 1;
    if (!inShard(lineNo, data.shard)) continue;
    let line = text.slice(from, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') continue;
    const written = handler.line(line, lineNo, part);
    if (written !== '') out.push(written);
  }
  const bytes = out.length === 0 ? new Uint8Array(0) : encoder.encode(`${out.join('\n')}\n`);
  return { seq: req.seq, out: bytes, part };
}
