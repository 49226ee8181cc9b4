/**
 * Reading the documents the CLI commands take (workspace, flow, scenario):
 * a file's text with its size checked first, parsed, and every failure as an
 * `InputError` that names the file and carries each error's JSON path.
 */
import { readFile, stat } from 'node:fs/promises';
import { type DocError, MAX_DOCUMENT_BYTES, type ParseResult } from '../document/errors.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import type { Scenario } from '../call/scenario.ts';
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

