/**
 * `recflow diff <before.json> <after.json> [--ignore-layout] [--json]`: what
 * changed between two versions of a flow (nodes, their fields, connections,
 * the flow's properties). Exit 0 when they are the same, 1 when they differ,
 * 2 when a file cannot be read or is not a valid flow, like `diff` itself.
 * With `--calls <log>`, what changed in how the log's calls record (callDiff.ts).
 */
import { resolve } from 'node:path';
import { describeDiff, diffFlows } from '../document/diff.ts';
import { parseFlow } from '../document/flow.ts';
import { parseWorkspace } from '../document/workspace.ts';
import { commandArgs } from './args.ts';
import { parseShard, runLog } from './batch.ts';
import { workerCount } from './batchProcess.ts';
import type { Shard } from './batchWork.ts';
import { type CallDiffCounts, describeCallDiff, emptyDiffCounts, mergeDiffCounts, sortedGroups } from './callDiff.ts';
import { InputError, numbersAnswering, readText } from './documents.ts';
import type { CliIO, Command } from './main.ts';
import { load, printRefusals, refusalsJson } from './validate.ts';

const USAGE = `Usage: recflow diff <before.json> <after.json> [--ignore-layout] [--json]
       recflow diff --calls <calls.ndjson|-> --workspace <w.json> <before.json> <after.json>
                    [--json] [--shard <k/n|auto>] [--workers <n>]

Compares two versions of a flow: nodes added, removed, changed (each field
with its old and new value) or only moved, connections added, removed or
rewired, and the flow's id, name and description. Nodes are matched by id;
edge ids and the order of nodes and edges do not count.

With --calls, runs every call of a call log (one scenario a line, as for
simulate --batch; plain or gzip; - for standard input) through both
versions and reports the calls that record differently: how many, the
seconds gained or lost per channel layout, segments that appeared or
vanished, and why (the changed nodes and connections the call passed
through), with a few example line numbers for each kind of change.

Options:
      --ignore-layout     leave out nodes that only moved
      --json              print one JSON object instead of text
      --calls <file>      the call log to run through both versions
  -w, --workspace <file>  the workspace the calls run in (with --calls)
      --shard <k/n>       with --calls: only lines k, k+n, ... (see simulate --help)
      --workers <n>       with --calls: worker threads (default and at most: one per core)
  -h, --help              show this help

Only inbound calls to the numbers the flow answers (those its Start lists and
those the workspace runs it on) go through it; other calls record the same in
both versions and are counted, not run. A call whose number or agent the
workspace lacks could not run. When no call of the log dialled a number the
flow answers, a warning lists the flow's numbers and the exit code is 2
(nothing was compared), or 1 when some line could not run.

Exit codes: 0 no differences (with --calls: no call records differently and
every line ran), 1 the flows differ (with --calls: some call records
differently, or a line could not run), 2 input unreadable or not a valid flow
(with --calls: also no call went through the flow).
`;

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs(
    'diff',
    USAGE,
    args,
    {
      'ignore-layout': { type: 'boolean' },
      json: { type: 'boolean' },
      calls: { type: 'string' },
      workspace: { type: 'string', short: 'w' },
      shard: { type: 'string' },
      workers: { type: 'string' },
    },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const usage = (message: string) => {
    io.err(`recflow diff: ${message}\n\n${USAGE}`);
    return 2;
  };
  if (positionals.length !== 2) return usage(`name two flow files, the older first (got ${positionals.length})`);
  if (values.calls === undefined) {
    const only = (['workspace', 'shard', 'workers'] as const).filter((o) => values[o] !== undefined);
    if (only.length > 0) return usage(`--${only[0]} goes with --calls`);
  } else {
    if (values.workspace === undefined) return usage('--calls needs --workspace');
    if (values['ignore-layout']) return usage('--ignore-layout does not go with --calls (calls never depend on the layout)');
  }
  const [beforeFile, afterFile] = positionals as [string, string];
  const loads = [load(beforeFile, io.cwd, parseFlow), load(afterFile, io.cwd, parseFlow)] as const;
  const workspace = values.calls === undefined ? null : await load(values.workspace!, io.cwd, parseWorkspace);
  const [before, after] = await Promise.all(loads);
  if (!before.ok || !after.ok || (workspace !== null && !workspace.ok)) {
    const failures = [before, after, ...(workspace ? [workspace] : [])].filter((l) => !l.ok);
    if (values.json) io.out(`${JSON.stringify({ ok: false, readable: false, documentErrors: refusalsJson(failures) }, null, 2)}\n`);
    else printRefusals(failures, io);
    return 2;
  }
  if (values.calls !== undefined && workspace?.ok) {
    const workers = workerCount(values.workers, io, 'diff');
    if (typeof workers === 'string') return usage(workers);
    const shard = parseShard(values.shard, io.env ?? {});
    if (typeof shard === 'string') return usage(shard);
    const answers = [...numbersAnswering(workspace.value, before.value, after.value)];
    return diffCalls(values.calls, { workspace: values.workspace!, before: beforeFile, after: afterFile }, { workers, shard, json: values.json === true, answers }, io);
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

/** `diff --calls`: the log through both versions in the worker threads, then the report. */
async function diffCalls(
  log: string,
  files: { workspace: string; before: string; after: string },
  options: { workers: number; shard: Shard | null; json: boolean; answers: string[] },
  io: CliIO,
): Promise<number> {
  const text = (file: string) => readText(resolve(io.cwd, file), file);
  let counts: CallDiffCounts;
  try {
    counts = await runLog({
      log,
      io,
      data: { mode: 'diff', workspaceText: await text(files.workspace), beforeText: await text(files.before), afterText: await text(files.after), shard: options.shard },
      workers: options.workers,
      total: emptyDiffCounts(),
      merge: mergeDiffCounts,
      tooLong: (total, line, error) => {
        total.lines++;
        total.refusedLines++;
        if (total.refused.length < 5) total.refused.push({ line, error });
        return null;
      },
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    io.err(`recflow diff: ${e.message}\n`);
    return 2;
  }
  if (options.json) {
    io.out(`${JSON.stringify({ log, before: files.before, after: files.after, ...counts, groups: sortedGroups(counts) }, null, 2)}\n`);
  } else {
    for (const line of describeCallDiff(`${files.before} → ${files.after} over ${log}`, counts)) io.out(`${line}\n`);
  }
  // An empty log (no line read) is not a log that missed the flow.
  if (counts.through === 0 && counts.lines > 0) {
    // Nothing was compared: a green 0 here would pass a CI check that checked nothing.
    const numbers = options.answers.length === 0 ? 'the flow answers no number' : `the flow answers ${options.answers.join(', ')}`;
    io.err(`recflow diff: warning: no call of the log dialled a number the flow answers (${numbers}): nothing was compared\n`);
    // Lines that could not run are the finding to fix first (1); otherwise nothing was compared (2).
    if (counts.refusedLines === 0) return 2;
  }
  return counts.changed > 0 || counts.refusedLines > 0 ? 1 : 0;
}

export const diffCommand: Command = {
  summary: 'compare two versions of a flow (nodes, fields, connections), or how a call log records through each',
  usage: USAGE,
  run,
};
