/**
 * `recflow validate <flow.json> [--workspace w.json] [--json]`: parses a
 * flow (and optionally the workspace it runs in) and runs the flow checks
 * C1–C4. Exit 0 when there are no errors (warnings allowed), 1 when there
 * are errors, 2 when an input cannot be read or parsed.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkFlow, hasErrors, type Problem } from '../checks/checkFlow.ts';
import { type DocError, MAX_DOCUMENT_BYTES, type ParseResult } from '../document/errors.ts';
import { type FlowDoc, parseFlow } from '../document/flow.ts';
import { parseWorkspace, type WorkspaceDoc } from '../document/workspace.ts';
import { commandArgs } from './args.ts';
import type { CliIO, Command } from './main.ts';
import { andMore, capped } from './text.ts';

const USAGE = `Usage: recflow validate <flow.json> [--workspace <workspace.json>] [--json]

Checks a flow document: the format (JSON paths for anything refused) and the
flow checks C1–C4. With --workspace, references to numbers, agents and ring
groups are resolved and the account and number recording settings are used.

Options:
  -w, --workspace <file>  the workspace the flow runs in
      --json              print one JSON object instead of text
  -h, --help              show this help

Exit codes: 0 no errors (warnings allowed), 1 errors, 2 input unreadable or not a valid document.
`;

/** A problem as printed: the node it is on and the JSON path of what it is about. */
export interface ReportedProblem extends Problem {
  path: string;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; file: string; errors: DocError[] };

/** Reads and parses one document file; a refusal names the file and carries each error's JSON path. */
export async function load<T>(file: string, cwd: string, parse: (text: string) => ParseResult<T>): Promise<Loaded<T>> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    // Refuse oversize files before reading them into memory.
    if ((await stat(path)).size > MAX_DOCUMENT_BYTES) return { ok: false, file, errors: [{ path: '$', message: 'the document is larger than 5 MB' }] };
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(e);
    return { ok: false, file, errors: [{ path: '$', message: `cannot read the file: ${why}` }] };
  }
  const parsed = parse(text);
  return parsed.ok ? parsed : { ok: false, file, errors: parsed.errors };
}

/** Prints each document that was refused, with the JSON path of each error (the first 20; then how many more). */
export function printRefusals(failures: ReadonlyArray<{ file: string; errors: DocError[] }>, io: CliIO): void {
  for (const f of failures) {
    const n = f.errors.length;
    io.err(`${f.file}: cannot be used (${n.toLocaleString('en-US')} error${n === 1 ? '' : 's'})\n`);
    const { shown, more } = capped(f.errors);
    for (const e of shown) io.err(`  ${e.path}: ${e.message}\n`);
    if (more > 0) io.err(`  ${andMore(more)}\n`);
  }
}

/** Refused documents for `--json`: each file's first 20 errors, and `moreErrors` when there were more. */
export function refusalsJson(failures: ReadonlyArray<{ file: string; errors: DocError[] }>) {
  return failures.map((f) => {
    const { shown, more } = capped(f.errors);
    return more > 0 ? { file: f.file, errors: shown, moreErrors: more } : { file: f.file, errors: shown };
  });
}

/** Adds each problem's JSON path: the node, then the data field when the problem names one. */
export function reportProblems(flow: FlowDoc, problems: Problem[]): ReportedProblem[] {
  const index = new Map(flow.nodes.map((n, i) => [n.id, i]));
  return problems.map((p) => {
    const i = p.nodeId === undefined ? undefined : index.get(p.nodeId);
    let path = i === undefined ? '$' : `$.nodes[${i}]`;
    if (i !== undefined && p.field) path += `.data.${p.field}`;
    return { ...p, path };
  });
}

function formatProblem(p: ReportedProblem): string {
  const where = [p.nodeId === undefined ? 'flow' : `node "${p.nodeId}"`, p.port === undefined ? '' : `port "${p.port}"`, p.path].filter(Boolean).join(' ');
  return `  ${p.severity.padEnd(7)} ${p.code.padEnd(22)} ${where}\n          ${p.message}\n`;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs('validate', USAGE, args, { workspace: { type: 'string', short: 'w' }, json: { type: 'boolean' } }, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.err(`recflow validate: ${positionals.length === 0 ? 'name the flow file to check' : 'check one flow file at a time'}\n\n${USAGE}`);
    return 2;
  }
  const flowFile = positionals[0]!;
  const json = values.json === true;

  const failures: Array<{ file: string; errors: DocError[] }> = [];
  const flow = await load(flowFile, io.cwd, parseFlow);
  if (!flow.ok) failures.push(flow);
  let workspace: WorkspaceDoc | undefined;
  if (values.workspace !== undefined) {
    const ws = await load(values.workspace, io.cwd, parseWorkspace);
    if (ws.ok) workspace = ws.value;
    else failures.push(ws);
  }
  if (!flow.ok || failures.length > 0) {
    if (json) {
      io.out(`${JSON.stringify({ file: flowFile, ok: false, readable: false, documentErrors: refusalsJson(failures) }, null, 2)}\n`);
    } else printRefusals(failures, io);
    return 2;
  }

  const problems = reportProblems(flow.value, checkFlow(flow.value, workspace ? { workspace } : {}));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (json) {
    io.out(`${JSON.stringify({ file: flowFile, ok: errors === 0, readable: true, errors, warnings, problems }, null, 2)}\n`);
  } else {
    const context = workspace ? ` against ${values.workspace}` : '';
    io.out(`${flowFile}${context}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
    for (const p of problems) io.out(formatProblem(p));
  }
  return hasErrors(problems) ? 1 : 0;
}

export const validateCommand: Command = {
  summary: 'check a flow document (format and flow checks C1–C4)',
  usage: USAGE,
  run,
};
