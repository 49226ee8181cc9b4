/**
 * `recflow cover <flow.json> [--workspace w.json] [--out dir] [--json]`:
 * generates scenarios that together reach every reachable node and leave by
 * every connected port of a flow (`coverFlow`, walking the call machine with
 * `xstate/graph`), prints the coverage and, with `--out`, writes the
 * scenarios with their current results as expectations, ready for `recflow test`.
 */
import { join, relative, resolve } from 'node:path';
import { type CoverReport, coverFlow, expectationOf } from '../call/cover.ts';
import { SCENARIO_FORMAT, SCENARIO_VERSION } from '../call/scenario.ts';
import type { PortRef } from '../call/types.ts';
import { parseFlow } from '../document/flow.ts';
import { createWorkspace, parseWorkspace, serializeWorkspace, type WorkspaceDoc } from '../document/workspace.ts';
import { commandArgs } from './args.ts';
import type { CliIO, Command } from './main.ts';
import { load, printRefusals } from './validate.ts';
import { makeFolder, writeOutput } from './documents.ts';

const USAGE = `Usage: recflow cover <flow.json> [--workspace <workspace.json>] [--out <dir>] [--json]

Generates calls that together reach every node and leave by every connected
port reachable from the flow's Start (key presses, timers running out, answers,
an outside number answering), and prints the node and port coverage. Nodes and
ports no connection leads to are listed as unreachable and not counted.

Options:
  -w, --workspace <file>  the workspace the flow runs in (agents, ring groups, numbers);
                          without it: the account defaults (R1) and no agents
  -o, --out <dir>         write each generated call there as a scenario whose current
                          result is its expectation (then: recflow test <dir>)
      --json              print one JSON object instead of text
  -h, --help              show this help

Exit codes: 0 every reachable node and port covered, 1 some could not be reached
by any call, 2 input unreadable or not a valid document.
`;

const port = (p: PortRef) => `${p.nodeId}:${p.port}`;
const percent = (covered: number, total: number) => (total === 0 ? 100 : Math.floor((covered / total) * 1000) / 10);

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs(
    'cover',
    USAGE,
    args,
    { workspace: { type: 'string', short: 'w' }, out: { type: 'string', short: 'o' }, json: { type: 'boolean' } },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.err(`recflow cover: name one flow file (got ${positionals.length})\n\n${USAGE}`);
    return 2;
  }
  const flowFile = positionals[0]!;
  const [flow, ws] = await Promise.all([
    load(flowFile, io.cwd, parseFlow),
    values.workspace === undefined ? null : load(values.workspace, io.cwd, parseWorkspace),
  ]);
  if (!flow.ok || (ws && !ws.ok)) {
    const failures = [flow, ws].filter((l) => l !== null && !l.ok) as Parameters<typeof printRefusals>[0];
    if (values.json) io.out(`${JSON.stringify({ ok: false, documentErrors: failures }, null, 2)}\n`);
    else printRefusals(failures, io);
    return 2;
  }
  const workspace: WorkspaceDoc = ws?.value ?? createWorkspace('Defaults');
  const report = coverFlow(workspace, flow.value);
  const complete = report.nodes.missed.length === 0 && report.ports.missed.length === 0;
  const written = values.out === undefined ? [] : await writeScenarios(report, values.out, flowFile, values.workspace, workspace, io.cwd);
  if (values.json) {
    io.out(`${JSON.stringify({ ok: complete, flow: flowFile, ...summarise(report), written }, null, 2)}\n`);
    return complete ? 0 : 1;
  }
  const n = report.nodes;
  const p = report.ports;
  io.out(
    `${flowFile}: nodes ${n.covered.length}/${n.reachable.length} (${percent(n.covered.length, n.reachable.length)}%), ` +
      `ports ${p.covered.length}/${p.reachable.length} (${percent(p.covered.length, p.reachable.length)}%) ` +
      `by ${report.scenarios.length} scenario${report.scenarios.length === 1 ? '' : 's'}\n`,
  );
  if (n.missed.length + p.missed.length > 0) io.out(`  not reached by any call: ${[...n.missed, ...p.missed.map(port)].join(', ')}\n`);
  if (n.unreachable.length + p.unreachable.length > 0) {
    io.out(`  unreachable from Start (not counted): ${[...n.unreachable, ...p.unreachable.map(port)].join(', ')}\n`);
  }
  for (const s of report.scenarios) io.out(`  ${s.name} (${s.actions.length} action${s.actions.length === 1 ? '' : 's'})\n`);
  if (written.length > 0) io.out(`wrote ${written.length} file${written.length === 1 ? '' : 's'} to ${values.out}\n`);
  return complete ? 0 : 1;
}

function summarise(report: CoverReport) {
  return {
    call: report.call,
    nodes: report.nodes,
    ports: report.ports,
    scenarios: report.scenarios.map((s) => ({ name: s.name, actions: s.actions, covers: s.covers, expect: expectationOf(s.result) })),
  };
}

/** Writes each scenario (and, without a workspace file, the defaults it ran against) so that `recflow test <dir>` runs them. */
async function writeScenarios(
  report: CoverReport,
  out: string,
  flowFile: string,
  workspaceFile: string | undefined,
  workspace: WorkspaceDoc,
  cwd: string,
): Promise<string[]> {
  const dir = resolve(cwd, out);
  await makeFolder(dir, out);
  const written: string[] = [];
  let wsPath = workspaceFile === undefined ? undefined : relative(dir, resolve(cwd, workspaceFile));
  if (wsPath === undefined) {
    await writeOutput(join(dir, 'workspace.json'), join(out, 'workspace.json'), serializeWorkspace(workspace));
    written.push(join(out, 'workspace.json'));
    wsPath = 'workspace.json';
  }
  for (const [i, s] of report.scenarios.entries()) {
    const file = `cover-${String(i + 1).padStart(2, '0')}.json`;
    const doc = {
      format: SCENARIO_FORMAT,
      version: SCENARIO_VERSION,
      name: s.name,
      description: `Generated by recflow cover: reaches ${[...s.covers.nodes, ...s.covers.ports.map(port)].join(', ')}.`,
      workspace: wsPath,
      flow: relative(dir, resolve(cwd, flowFile)),
      call: s.call,
      actions: s.actions,
      expect: expectationOf(s.result),
    };
    await writeOutput(join(dir, file), join(out, file), `${JSON.stringify(doc, null, 2)}\n`);
    written.push(join(out, file));
  }
  return written;
}

export const coverCommand: Command = {
  summary: 'generate scenarios that cover every node and port of a flow',
  usage: USAGE,
  run,
};
