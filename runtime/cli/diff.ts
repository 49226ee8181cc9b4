/**
 * `recflow diff <before.json> <after.json> [--ignore-layout] [--json]`: what
 * changed between two versions of a flow (nodes, their fields, connections,
 * the flow's properties). Exit 0 when they are the same, 1 when they differ,
 * 2 when a file cannot be read or is not a valid flow, like `diff` itself.
 */
import { describeDiff, diffFlows } from '../document/diff.ts';
import { parseFlow } from '../document/flow.ts';
import { commandArgs } from './args.ts';
import type { CliIO, Command } from './main.ts';
import { load, printRefusals, refusalsJson } from './validate.ts';

const USAGE = `Usage: recflow diff <before.json> <after.json> [--ignore-layout] [--json]

Compares two versions of a flow: nodes added, removed, changed (each field
with its old and new value) or only moved, connections added, removed or
rewired, and the flow's id, name and description. Nodes are matched by id;
edge ids and the order of nodes and edges do not count.

Options:
      --ignore-layout  leave out nodes that only moved
      --json           print one JSON object instead of text
  -h, --help           show this help

Exit codes: 0 no differences, 1 the flows differ, 2 input unreadable or not a valid flow.
`;

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs('diff', USAGE, args, { 'ignore-layout': { type: 'boolean' }, json: { type: 'boolean' } }, io);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 2) {
    io.err(`recflow diff: name two flow files, the older first (got ${positionals.length})\n\n${USAGE}`);
    return 2;
  }
  const [beforeFile, afterFile] = positionals as [string, string];
  const [before, after] = await Promise.all([load(beforeFile, io.cwd, parseFlow), load(afterFile, io.cwd, parseFlow)]);
  if (!before.ok || !after.ok) {
    const failures = [before, after].filter((l) => !l.ok);
    if (values.json) io.out(`${JSON.stringify({ ok: false, readable: false, documentErrors: refusalsJson(failures) }, null, 2)}\n`);
    else printRefusals(failures, io);
    return 2;
  }
  const diff = diffFlows(before.value, after.value, { ignoreLayout: values['ignore-layout'] === true });
  if (values.json) {
    io.out(`${JSON.stringify({ before: beforeFile, after: afterFile, ...diff }, null, 2)}\n`);
  } else if (diff.identical) {
    io.out(`${beforeFile} → ${afterFile}: no differences\n`);
  } else {
    const c = diff.counts;
    const parts = [
      `${c.added} added`,
      `${c.removed} removed`,
      `${c.changed} changed`,
      ...(values['ignore-layout'] ? [] : [`${c.moved} moved`]),
      `${c.connections} connection change${c.connections === 1 ? '' : 's'}`,
    ];
    io.out(`${beforeFile} → ${afterFile}: ${parts.join(', ')}${diff.layoutOnly ? ' (layout only)' : ''}\n`);
    for (const line of describeDiff(diff)) io.out(`  ${line}\n`);
  }
  return diff.identical ? 0 : 1;
}

export const diffCommand: Command = {
  summary: 'compare two versions of a flow (nodes, fields, connections)',
  usage: USAGE,
  run,
};
