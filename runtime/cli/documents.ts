/**
 * Reading the documents the CLI commands take (workspace, flow, scenario):
 * a file's text with its size checked first, parsed, and every failure as an
 * `InputError` that names the file and carries each error's JSON path.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { type DocError, MAX_DOCUMENT_BYTES, type ParseResult } from '../document/errors.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import { CallStartError, type Scenario, simulate } from '../call/scenario.ts';
import type { CallResult } from '../call/types.ts';
import { isEntry, referencesOf } from '../../nodes/index.ts';
import { errorsInline } from './text.ts';

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
export function flowForCall(ws: WorkspaceDoc, flow: FlowDoc | undefined, scenario: Pick<Scenario, 'call'>, file = 'scenario'): FlowDoc | undefined {
  if (flow || scenario.call.direction !== 'inbound') return flow;
  const numberId = scenario.call.numberId;
  const number = ws.numbers.find((n) => n.id === numberId);
  // A number the workspace lacks is refused by `simulate`, with or without a flow given (R4).
  if (!number || number.flowId === null) return undefined;
  const found = ws.flows.find((f) => f.id === number.flowId);
  if (!found) {
    throw new InputError(file, [
      { path: '$.call.numberId', message: `number "${numberId}" runs flow "${number.flowId}", which the workspace does not hold; give the flow file` },
    ]);
  }
  return found;
}


/**
 * Runs a scenario as every command does: through `flow`, else its number's flow (`flowForCall`); a call whose
 * number or agent the workspace lacks is refused as an `InputError` naming `file` (R4, `callStartProblems`).
 */
export function runScenario(ws: WorkspaceDoc, flow: FlowDoc | undefined, scenario: Scenario, file: string): CallResult {
  try {
    return simulate(ws, flowForCall(ws, flow, scenario, file), scenario);
  } catch (e) {
    if (e instanceof CallStartError) throw new InputError(file, e.errors);
    throw e;
  }
}

/** Why a call stopped short of its flow (R28), for people: `the call stopped at 34 s at node "to-payments": …`. */
export function flowStoppedText(result: Pick<CallResult, 'flowStopped'>): string | null {
  const f = result.flowStopped;
  return f === null ? null : `the call stopped at ${f.at} s at node "${f.nodeId}": ${f.message} (${f.code}); the flow cannot run as written`;
}

/**
 * The numbers a flow answers (R4: an inbound call enters the flow of the number dialled): those its Start lists
 * and those the workspace runs it on (by its id, in any of the versions given), as the flow checks count them.
 */
export function numbersAnswering(ws: WorkspaceDoc, ...versions: FlowDoc[]): Set<string> {
  const ids = new Set(versions.map((f) => f.id));
  const numbers = new Set(ws.numbers.filter((n) => n.flowId !== null && ids.has(n.flowId)).map((n) => n.id));
  for (const flow of versions) {
    for (const node of flow.nodes) if (isEntry(node)) for (const ref of referencesOf(node)) if (ref.type === 'number') numbers.add(ref.id);
  }
  return numbers;
}

/** A file or folder a command was asked to write could not be written: `cannot write <path>: <why>` (exit 2, main.ts). */
export class OutputError extends Error {
  constructor(
    readonly file: string,
    readonly why: string,
  ) {
    super(`cannot write ${file}: ${why}`);
  }
}

/** Why a write failed, in words (as `readText` says why a read failed). */
function writeFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file is in the way where a folder is needed';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  return e instanceof Error ? e.message : String(e);
}

/** Writes an output file; a failure is an `OutputError` naming it as the user did (`shown`). */
export async function writeOutput(path: string, shown: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (e) {
    throw new OutputError(shown, writeFailure(e));
  }
}

/** Makes an output folder (and its parents); a failure is an `OutputError` naming it as the user did. */
export async function makeFolder(path: string, shown: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (e) {
    throw new OutputError(shown, writeFailure(e));
  }
}
