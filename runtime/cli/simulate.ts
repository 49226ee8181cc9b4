/**
 * `recflow simulate`: runs one scenario and prints its result (R21) as
 * JSON, or, with `--batch`, one scenario per NDJSON line on worker threads,
 * streaming one result per line in input order.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import { type DocError, MAX_DOCUMENT_BYTES, type ParseResult } from '../document/errors.ts';
import { type FlowDoc, parseFlow } from '../document/flow.ts';
import { parseWorkspace, type WorkspaceDoc } from '../document/workspace.ts';
import { parseScenario, type Scenario, simulate } from '../call/scenario.ts';
import { commandArgs } from './args.ts';
import type { CliIO, Command } from './main.ts';
import { errorsInline } from './text.ts';

const USAGE = `Usage: recflow simulate [--workspace <w.json>] [--flow <f.json>] <scenario.json>
       recflow simulate --batch <calls.ndjson> --workspace <w.json> [--flow <f.json>] [--workers <n>]

Simulates a call and prints its recording result as JSON: whether it was
recorded, the channel layout, the segments with their parties and end
reasons, the total, voicemails, deletion date, refused actions and who
handled the call.

The workspace and flow come from the options or, for a single scenario,
from its "workspace" and "flow" fields (paths relative to the scenario file).
Without a flow, an inbound call runs the flow of the number dialled, if the
workspace holds it.

With --batch, each line of the file is one scenario (the same JSON, on one
line); the results are printed one per line in the same order, computed on
all cores. A line that cannot be simulated prints {"line": n, "error": "..."}.

Options:
  -w, --workspace <file>  the workspace (account settings, numbers, agents)
  -f, --flow <file>       the flow inbound calls run
      --batch <file>      NDJSON file of scenarios
      --workers <n>       worker threads for --batch (default: all cores)
  -h, --help              show this help

Exit codes: 0 done, 2 bad usage or an input that cannot be read or parsed.
`;

/** A document that could not be loaded, with why. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly errors: DocError[],
  ) {
    super(`${file}: ${errorsInline(errors)}`);
  }
}

/** Reads a file's text, refusing oversize files before reading them. */
export async function readText(path: string, shown: string, maxBytes = MAX_DOCUMENT_BYTES): Promise<string> {
  try {
    if ((await stat(path)).size > maxBytes) throw new InputError(shown, [{ path: '$', message: `the file is larger than ${maxBytes / 1024 / 1024} MB` }]);
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(e);
    throw new InputError(shown, [{ path: '$', message: `cannot read the file: ${why}` }]);
  }
}

/** Loads and parses a document, throwing an `InputError` that names the file. */
export async function loadDoc<T>(path: string, shown: string, parse: (text: string) => ParseResult<T>): Promise<T> {
  const parsed = parse(await readText(path, shown));
  if (!parsed.ok) throw new InputError(shown, parsed.errors);
  return parsed.value;
}

/**
 * The flow an inbound scenario runs when none is given: the number's flow,
 * which must then be in the workspace (a silent "no flow" would mislead).
 */
export function flowForCall(ws: WorkspaceDoc, flow: FlowDoc | undefined, scenario: Pick<Scenario, 'call'>): FlowDoc | undefined {
  if (flow || scenario.call.direction !== 'inbound') return flow;
  const numberId = scenario.call.numberId;
  const number = ws.numbers.find((n) => n.id === numberId);
  if (!number) throw new InputError('scenario', [{ path: '$.call.numberId', message: `no phone number "${numberId}" in the workspace` }]);
  if (number.flowId === null) return undefined;
  const found = ws.flows.find((f) => f.id === number.flowId);
  if (!found) {
    throw new InputError('scenario', [
      { path: '$.call.numberId', message: `number "${numberId}" runs flow "${number.flowId}", which the workspace does not hold; give the flow file` },
    ]);
  }
  return found;
}

interface SimulateOptions {
  workspace?: string | undefined;
  flow?: string | undefined;
  batch?: string | undefined;
  workers?: string | undefined;
  help?: boolean | undefined;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs(
    'simulate',
    USAGE,
    args,
    { workspace: { type: 'string', short: 'w' }, flow: { type: 'string', short: 'f' }, batch: { type: 'string' }, workers: { type: 'string' } },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  try {
    if (values.batch !== undefined) return await runBatch(values, positionals, io);
    if (positionals.length !== 1) {
      io.err(`recflow simulate: give exactly one scenario file (or --batch)\n\n${USAGE}`);
      return 2;
    }
    const scenarioFile = positionals[0]!;
    const scenarioPath = resolve(io.cwd, scenarioFile);
    const scenario = await loadDoc(scenarioPath, scenarioFile, parseScenario);
    const base = dirname(scenarioPath);
    const wsPath = values.workspace !== undefined ? resolve(io.cwd, values.workspace) : scenario.workspace ? resolve(base, scenario.workspace) : null;
    if (wsPath === null) {
      io.err('recflow simulate: no workspace: pass --workspace or name one in the scenario\n');
      return 2;
    }
    const ws = await loadDoc(wsPath, values.workspace ?? scenario.workspace ?? wsPath, parseWorkspace);
    const flowPath = values.flow !== undefined ? resolve(io.cwd, values.flow) : scenario.flow ? resolve(base, scenario.flow) : null;
    const flow = flowPath === null ? undefined : await loadDoc(flowPath, values.flow ?? scenario.flow ?? flowPath, parseFlow);
    const result = simulate(ws, flowForCall(ws, flow, scenario), scenario);
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`recflow simulate: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Batch mode
// ---------------------------------------------------------------------------

/** Lines per message to a worker: large enough to amortise messaging, small enough to stream. */
const CHUNK = 200;

/** What a worker is given once: the documents as text, parsed there. */
export interface BatchWorkerData {
  workspaceText: string;
  flowText: string | null;
}

/** A chunk of input lines, numbered from 1. */
export interface BatchRequest {
  id: number;
  first: number;
  lines: string[];
}

export interface BatchReply {
  id: number;
  /** One output line per input line, joined with newlines. */
  text: string;
}

/** Starts a worker thread running `batchWorker.ts` under tsx (the CLI has no build step). */
function startWorker(data: BatchWorkerData): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./batchWorker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(code, { eval: true, workerData: data });
}

async function runBatch(values: SimulateOptions, positionals: string[], io: CliIO): Promise<number> {
  if (positionals.length > 0) {
    io.err(`recflow simulate: --batch takes no scenario file (got ${positionals.join(' ')})\n\n${USAGE}`);
    return 2;
  }
  if (values.workspace === undefined) {
    io.err(`recflow simulate: --batch needs --workspace\n\n${USAGE}`);
    return 2;
  }
  let workers = availableParallelism();
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 256) {
      io.err(`recflow simulate: --workers must be a whole number from 1 to 256 (got ${values.workers})\n`);
      return 2;
    }
  }
  // Parse here first so bad documents fail once, clearly, before any worker starts.
  const workspaceText = await readText(resolve(io.cwd, values.workspace), values.workspace);
  const ws = parseWorkspace(workspaceText);
  if (!ws.ok) throw new InputError(values.workspace, ws.errors);
  let flowText: string | null = null;
  if (values.flow !== undefined) {
    flowText = await readText(resolve(io.cwd, values.flow), values.flow);
    const flow = parseFlow(flowText);
    if (!flow.ok) throw new InputError(values.flow, flow.errors);
  }
  const batchPath = resolve(io.cwd, values.batch!);
  try {
    await stat(batchPath);
  } catch {
    throw new InputError(values.batch!, [{ path: '$', message: 'cannot read the file: no such file' }]);
  }
  await streamBatch(batchPath, { workspaceText, flowText }, workers, io);
  return 0;
}

/**
 * Feeds the file's lines to `workers` threads in chunks and writes the
 * replies in input order as soon as each is next in line.
 */
export async function streamBatch(path: string, data: BatchWorkerData, workers: number, io: Pick<CliIO, 'out'>): Promise<void> {
  const pool = Array.from({ length: workers }, () => startWorker(data));
  const idle: Worker[] = [...pool];
  const waitingForIdle: Array<(w: Worker) => void> = [];
  const done = new Map<number, string>();
  let nextToWrite = 0;
  let failure: Error | null = null;
  let inFlight = 0;
  let allSent: () => void = () => {};
  const drained = new Promise<void>((r) => {
    allSent = r;
  });
  let sending = true;

  const release = (w: Worker) => {
    const waiter = waitingForIdle.shift();
    if (waiter) waiter(w);
    else idle.push(w);
  };
  for (const w of pool) {
    w.on('message', (reply: BatchReply) => {
      done.set(reply.id, reply.text);
      while (done.has(nextToWrite)) {
        const text = done.get(nextToWrite)!;
        done.delete(nextToWrite);
        if (text !== '') io.out(`${text}\n`);
        nextToWrite++;
      }
      inFlight--;
      release(w);
      if (!sending && inFlight === 0) allSent();
    });
    w.on('error', (e) => {
      failure = e;
      inFlight = 0;
      allSent();
    });
  }
  const getWorker = () => {
    const w = idle.pop();
    return w ? Promise.resolve(w) : new Promise<Worker>((r) => waitingForIdle.push(r));
  };

  let id = 0;
  let lineNo = 0;
  let chunk: string[] = [];
  let first = 1;
  const send = async () => {
    const w = await getWorker();
    const request: BatchRequest = { id: id++, first, lines: chunk };
    inFlight++;
    w.postMessage(request);
    chunk = [];
  };
  const input = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of input) {
      lineNo++;
      if (chunk.length === 0) first = lineNo;
      chunk.push(line);
      if (chunk.length >= CHUNK) await send();
      if (failure) break;
    }
    if (chunk.length > 0 && !failure) await send();
    sending = false;
    if (inFlight > 0) await drained;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  if (failure) throw failure;
}

export const simulateCommand: Command = {
  summary: 'simulate a call scenario (or a batch of them) and print the recording result',
  usage: USAGE,
  run,
};
