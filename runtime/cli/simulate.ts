/**
 * `recflow simulate`: runs one scenario and prints its result (R21) as
 * JSON, or, with `--batch`, one scenario per NDJSON line on worker threads,
 * streaming one result per line in input order.
 */
import { dirname, resolve } from 'node:path';
import { CALL_LIMITS } from '../call/limits.ts';
import { parseScenario } from '../call/scenario.ts';
import { parseFlow } from '../document/flow.ts';
import { parseWorkspace } from '../document/workspace.ts';
import { commandArgs } from './args.ts';
import { parseShard, runLog } from './batch.ts';
import { workerCount } from './batchProcess.ts';
import { MAX_LINE_BYTES } from './batchInput.ts';
import { emptyCounts, MAX_RESULT_BYTES, mergeCounts, parseFields, RESULT_FIELDS, summaryOf } from './batchLines.ts';
import { flowStoppedText, InputError, loadDoc, numbersAnswering, readText, runScenario } from './documents.ts';
import type { CliIO, Command } from './main.ts';

/** `text` cut at spaces into lines of at most `width` characters, each indented by `indent` spaces. */
function wrapped(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${' '.repeat(indent)}${l}`).join('\n');
}

const USAGE = `Usage: recflow simulate [--workspace <w.json>] [--flow <f.json>] <scenario.json>
       recflow simulate --batch <calls.ndjson|-> --workspace <w.json> [--flow <f.json>]
                        [--fields <list>] [--summary] [--shard <k/n|auto>] [--workers <n>]

Simulates a call and prints its recording result as JSON: whether it was
recorded, the channel layout, the segments with their parties and end
reasons, the total, voicemails, deletion date, refused actions and who
handled the call.

The workspace and flow come from the options or, for a single scenario,
from its "workspace" and "flow" fields (paths relative to the scenario file).
Without a flow, an inbound call runs the flow of the number dialled, if the
workspace holds it. A single scenario runs through the flow given even when
the flow does not answer its number (a note says so). A call whose number or
agent the workspace lacks is refused. A call that reaches a flow it cannot
follow (a Flow node naming a flow the workspace lacks, flows entering each
other in a loop) stops there: "flowStopped" in the result says where and
why, and the exit code is 1.

With --batch, each line of the log is one scenario (the same JSON, on one
line; the file may be gzip-compressed; - reads standard input). Each call
prints one line, in input order, that starts with its line number:
{"line": n, ...the result}, with "expectation" when the scenario has an
"expect"; a line that cannot be simulated prints {"line": n, "error": "..."};
blank lines print nothing. With --flow, only inbound calls to the numbers
the flow answers (those its Start lists and those the workspace runs it on)
go through it: another inbound call prints {"line": n, "notThroughFlow":
"..."} and is not run (the summary counts them); outbound calls run no flow
and are simulated as they are. When no call went through the flow, a warning
lists its numbers and the exit code is 2. Every call ends at ${CALL_LIMITS.steps.toLocaleString('en-US')} flow nodes or ${CALL_LIMITS.seconds / 3600} hours
("limitReached" says so). A line over ${MAX_LINE_BYTES / 1024 / 1024} MB, or a result over ${MAX_RESULT_BYTES / 1024 / 1024} MB,
prints an error instead.

Options:
  -w, --workspace <file>  the workspace (account settings, numbers, agents)
  -f, --flow <file>       the flow inbound calls run
      --batch <file>      NDJSON call log (plain or gzip; - for standard input)
      --fields <list>     result fields each line carries, comma-separated, or
                          all, or none (default: all but timeline); fields:
${wrapped(RESULT_FIELDS.join(', '), 26, 54)}
      --summary           end with one line {"summary": {...}}: calls, recorded
                          share, recorded seconds by channel layout and by end
                          reason, refusals by code, calls failing their expect
      --shard <k/n>       take only lines k, k+n, k+2n, ... (1 <= k <= n), to
                          split a log over n machines; auto (or auto/n) takes k
                          from JOB_COMPLETION_INDEX (Kubernetes indexed job) or
                          AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job), both
                          from 0, and n from after the slash or RECFLOW_SHARD_COUNT
      --workers <n>       worker threads (default and at most: one per core)
  -h, --help              show this help

Exit codes: 0 done (for --batch: every line ran and met its expect), 1 the
call stopped at a flow it cannot follow, or a batch line could not run or
failed its expect, 2 bad usage, an input that cannot be read or parsed, a call
whose number or agent the workspace lacks (a batch refuses that line: 1), or a
batch with --flow that ran no call through the flow.
`;

interface SimulateOptions {
  workspace?: string | undefined;
  flow?: string | undefined;
  batch?: string | undefined;
  workers?: string | undefined;
  fields?: string | undefined;
  summary?: boolean | undefined;
  shard?: string | undefined;
  help?: boolean | undefined;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = commandArgs(
    'simulate',
    USAGE,
    args,
    {
      workspace: { type: 'string', short: 'w' },
      flow: { type: 'string', short: 'f' },
      batch: { type: 'string' },
      workers: { type: 'string' },
      fields: { type: 'string' },
      summary: { type: 'boolean' },
      shard: { type: 'string' },
    },
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
    const result = runScenario(ws, flow, scenario, scenarioFile);
    const call = scenario.call;
    // Named together, the flow and the call run as asked (a draft tried on another number); the mismatch is said.
    if (flow && call.direction === 'inbound' && !numbersAnswering(ws, flow).has(call.numberId)) {
      io.err(`recflow simulate: note: the flow "${flow.id}" does not answer ${call.numberId} (R4); the call ran through it as asked\n`);
    }
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    // R28: a flow that cannot be followed ended the call early; the result says so ("flowStopped"), and so does the exit code.
    const stopped = flowStoppedText(result);
    if (stopped !== null) io.err(`recflow simulate: ${scenarioFile}: ${stopped}\n`);
    return stopped === null ? 0 : 1;
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

async function runBatch(values: SimulateOptions, positionals: string[], io: CliIO): Promise<number> {
  const usage = (message: string) => {
    io.err(`recflow simulate: ${message}\n\n${USAGE}`);
    return 2;
  };
  if (positionals.length > 0) return usage(`--batch takes no scenario file (got ${positionals.join(' ')})`);
  if (values.workspace === undefined) return usage('--batch needs --workspace');
  const workers = workerCount(values.workers, io, 'simulate');
  if (typeof workers === 'string') return usage(workers);
  const fields = parseFields(values.fields);
  if (typeof fields === 'string') return usage(fields);
  const shard = parseShard(values.shard, io.env ?? {});
  if (typeof shard === 'string') return usage(shard);
  // Parse here first so bad documents fail once, clearly, before any worker starts.
  const workspaceText = await readText(resolve(io.cwd, values.workspace), values.workspace);
  const ws = parseWorkspace(workspaceText);
  if (!ws.ok) throw new InputError(values.workspace, ws.errors);
  let flowText: string | null = null;
  let answers: string[] = [];
  if (values.flow !== undefined) {
    flowText = await readText(resolve(io.cwd, values.flow), values.flow);
    const flow = parseFlow(flowText);
    if (!flow.ok) throw new InputError(values.flow, flow.errors);
    answers = [...numbersAnswering(ws.value, flow.value)];
  }
  const counts = await runLog({
    log: values.batch!,
    io,
    data: { mode: 'simulate', workspaceText, flowText, fields: values.fields, shard },
    workers,
    total: emptyCounts(),
    merge: mergeCounts,
    tooLong: (total, line, error) => {
      total.lines++;
      total.refusedLines++;
      return JSON.stringify({ line, error });
    },
  });
  if (values.summary) io.out(`${JSON.stringify({ summary: summaryOf(counts) })}\n`);
  if (counts.flowStopped > 0) {
    const lines = counts.flowStoppedLines;
    io.err(
      `recflow simulate: ${counts.flowStopped.toLocaleString('en-US')} call${counts.flowStopped === 1 ? '' : 's'} stopped because a flow cannot be followed as written (R28; "flowStopped" says where and why), e.g. line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 5).join(', ')}\n`,
    );
  }
  // An empty log (no line read) is not a log that missed the flow.
  if (values.flow !== undefined && counts.throughFlow === 0 && counts.lines > 0) {
    // Nothing of the flow was checked: exit 2, not a green 0 (as diff --calls).
    io.err(`recflow simulate: warning: no call of the log dialled a number the flow answers (${answers.join(', ') || 'it answers no number'}): nothing ran through ${values.flow}\n`);
    // Lines that could not run are the finding to fix first (1); otherwise nothing of the flow was checked (2).
    if (counts.refusedLines === 0) return 2;
  }
  return counts.refusedLines > 0 || counts.expectFailed > 0 || counts.flowStopped > 0 ? 1 : 0;
}

export const simulateCommand: Command = {
  summary: 'simulate a call scenario (or a batch of them) and print the recording result',
  usage: USAGE,
  run,
};
