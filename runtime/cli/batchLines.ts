/**
 * What `recflow simulate --batch` does with one line of a call log: parse the
 * scenario, simulate it, keep the fields asked for, check its `expect`, and
 * write one output line carrying the input line number. Runs in the worker
 * threads; kept apart from the thread plumbing so it can be tested directly.
 */
import { CallStartError, callStartProblems, checkExpectation, formatMismatch, parseScenario, type Scenario } from '../call/scenario.ts';
import type { CallResult, RejectionCode, SegmentEndReason } from '../call/types.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import { InputError, runScenario } from './documents.ts';
import { andMore, capped, errorsInline } from './text.ts';

/** Every field of a call result; `--fields` picks among them. Typed so a new result field must be listed here. */
const FIELDS: Record<keyof CallResult, true> = {
  direction: true,
  recorded: true,
  channels: true,
  segments: true,
  totalRecordedSeconds: true,
  recordingSeconds: true,
  silences: true,
  transcribable: true,
  voicemails: true,
  deletionDate: true,
  rejections: true,
  handledBy: true,
  ended: true,
  duration: true,
  path: true,
  externalPortionAt: true,
  limitReached: true,
  flowStopped: true,
  timeline: true,
};
export const RESULT_FIELDS = Object.keys(FIELDS) as Array<keyof CallResult>;

/** Which result fields each output line carries: every one, every one but the display timeline (the default), or a list. */
export type FieldChoice = { kind: 'all' } | { kind: 'default' } | { kind: 'list'; fields: Array<keyof CallResult> };

/**
 * Reads `--fields`: `all`, `none`, or a comma-separated list of result fields. Returns the choice, or the message
 * for a name that is no field.
 */
export function parseFields(spec: string | undefined): FieldChoice | string {
  if (spec === undefined) return { kind: 'default' };
  if (spec === 'all') return { kind: 'all' };
  if (spec === 'none') return { kind: 'list', fields: [] };
  const names = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !Object.hasOwn(FIELDS, n));
  if (unknown.length > 0) return `--fields: no result field ${unknown.map((n) => `"${n}"`).join(', ')}; the fields are ${RESULT_FIELDS.join(', ')} (or all, none)`;
  return { kind: 'list', fields: [...new Set(names)] as Array<keyof CallResult> };
}

function project(result: CallResult, choice: FieldChoice): Partial<CallResult> {
  if (choice.kind === 'all') return result;
  if (choice.kind === 'default') {
    const { timeline: _, ...rest } = result;
    return rest;
  }
  const out: Partial<Record<keyof CallResult, unknown>> = {};
  for (const f of choice.fields) out[f] = result[f];
  return out as Partial<CallResult>;
}

/** The longest result line written; a longer one is replaced by an error naming its size. */
export const MAX_RESULT_BYTES = 1024 * 1024;

// ---------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------

/** Counts over the calls of a batch (or a part of it): what `--summary` prints at the end. */
export interface BatchCounts {
  /** Non-blank lines read (in this shard). */
  lines: number;
  /** Calls simulated. */
  calls: number;
  /** Lines printed as an error instead of a result (not a scenario, could not run, result too large). */
  refusedLines: number;
  /** Calls with at least one recorded segment. */
  recorded: number;
  /** Recorded seconds, in all and by channel layout and by why each segment ended. */
  recordedSeconds: number;
  recordedSecondsByChannels: Record<'dual' | 'mono', number>;
  recordedSecondsByEndReason: Partial<Record<SegmentEndReason, number>>;
  /** Actions refused during the calls, by rejection code. */
  refusals: Partial<Record<RejectionCode, number>>;
  /** Calls ended by a per-call limit. */
  limitReached: Record<'steps' | 'seconds', number>;
  /** With a flow given: inbound calls run through it, and inbound calls to numbers it does not answer (not run). */
  throughFlow: number;
  notThroughFlow: number;
  /** Calls that stopped because their flow cannot be followed (R28), and the first lines of those. */
  flowStopped: number;
  flowStoppedLines: number[];
  /** Calls that carried an `expect`, those whose result differed, and the first lines of those. */
  expectChecked: number;
  expectFailed: number;
  expectFailedLines: number[];
}

/** The `expectFailedLines` kept in a summary. */
const FAILED_LINES_KEPT = 20;

export function emptyCounts(): BatchCounts {
  return {
    lines: 0,
    calls: 0,
    refusedLines: 0,
    recorded: 0,
    recordedSeconds: 0,
    recordedSecondsByChannels: { dual: 0, mono: 0 },
    recordedSecondsByEndReason: {},
    refusals: {},
    limitReached: { steps: 0, seconds: 0 },
    throughFlow: 0,
    notThroughFlow: 0,
    flowStopped: 0,
    flowStoppedLines: [],
    expectChecked: 0,
    expectFailed: 0,
    expectFailedLines: [],
  };
}

function addTo<K extends string>(into: Partial<Record<K, number>>, key: K, n: number): void {
  into[key] = (into[key] ?? 0) + n;
}

/** Adds `part` into `total` (parts arrive in any order; failed lines are kept sorted). */
export function mergeCounts(total: BatchCounts, part: BatchCounts): void {
  total.lines += part.lines;
  total.calls += part.calls;
  total.refusedLines += part.refusedLines;
  total.recorded += part.recorded;
  total.recordedSeconds += part.recordedSeconds;
  total.recordedSecondsByChannels.dual += part.recordedSecondsByChannels.dual;
  total.recordedSecondsByChannels.mono += part.recordedSecondsByChannels.mono;
  for (const [k, v] of Object.entries(part.recordedSecondsByEndReason)) addTo(total.recordedSecondsByEndReason, k as SegmentEndReason, v);
  for (const [k, v] of Object.entries(part.refusals)) addTo(total.refusals, k as RejectionCode, v);
  total.limitReached.steps += part.limitReached.steps;
  total.limitReached.seconds += part.limitReached.seconds;
  total.throughFlow += part.throughFlow;
  total.notThroughFlow += part.notThroughFlow;
  total.flowStopped += part.flowStopped;
  total.flowStoppedLines = [...total.flowStoppedLines, ...part.flowStoppedLines].sort((a, b) => a - b).slice(0, FAILED_LINES_KEPT);
  total.expectChecked += part.expectChecked;
  total.expectFailed += part.expectFailed;
  total.expectFailedLines = [...total.expectFailedLines, ...part.expectFailedLines].sort((a, b) => a - b).slice(0, FAILED_LINES_KEPT);
}

const tidy = (n: number) => Math.round(n * 1000) / 1000;

/** The summary line's object: the counts with the recorded share and tidy seconds. */
export function summaryOf(c: BatchCounts) {
  const seconds = (o: Partial<Record<string, number>>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, tidy(v ?? 0)]));
  return {
    lines: c.lines,
    calls: c.calls,
    refusedLines: c.refusedLines,
    recorded: c.recorded,
    recordedShare: c.calls === 0 ? 0 : tidy(c.recorded / c.calls),
    recordedSeconds: {
      total: tidy(c.recordedSeconds),
      byChannels: seconds(c.recordedSecondsByChannels),
      byEndReason: seconds(c.recordedSecondsByEndReason),
    },
    refusals: c.refusals,
    limitReached: c.limitReached,
    notThroughFlow: c.notThroughFlow,
    flowStopped: { calls: c.flowStopped, lines: c.flowStoppedLines },
    expect: { checked: c.expectChecked, failed: c.expectFailed, failedLines: c.expectFailedLines },
  };
}

function count(c: BatchCounts, result: CallResult, lineNo: number): void {
  c.calls++;
  if (result.flowStopped) {
    c.flowStopped++;
    if (c.flowStoppedLines.length < FAILED_LINES_KEPT) c.flowStoppedLines.push(lineNo);
  }
  if (result.recorded) c.recorded++;
  const layout = result.channels ?? 'mono';
  for (const s of result.segments) {
    const length = s.end - s.start;
    c.recordedSeconds += length;
    c.recordedSecondsByChannels[layout] += length;
    addTo(c.recordedSecondsByEndReason, s.endReason, length);
  }
  for (const r of result.rejections) addTo(c.refusals, r.code, 1);
  if (result.limitReached) c.limitReached[result.limitReached.limit]++;
}

// ---------------------------------------------------------------------------
// One line
// ---------------------------------------------------------------------------

export interface LineContext {
  workspace: WorkspaceDoc;
  /** The flow inbound calls to the numbers it answers run; undefined: the flow of the number dialled, from the workspace. */
  flow: FlowDoc | undefined;
  /** The numbers `flow` answers (`numbersAnswering`): an inbound call to another number is not run through it. */
  answers: ReadonlySet<string>;
  fields: FieldChoice;
  counts: BatchCounts;
}

const errorLine = (lineNo: number, error: string) => JSON.stringify({ line: lineNo, error });

/** A scenario line, parsed, or why it is not a scenario. */
export function scenarioOfLine(line: string): { scenario: Scenario } | { error: string } {
  const parsed = parseScenario(line);
  return parsed.ok ? { scenario: parsed.value } : { error: errorsInline(parsed.errors) };
}

/** Why a call could not be simulated, for its error line. */
export function failureText(e: unknown): string {
  if (e instanceof InputError || e instanceof CallStartError) return errorsInline(e.errors);
  // A bug in the runtime: the line says so rather than stopping the batch.
  return `the call could not be simulated: ${e instanceof Error ? e.message : String(e)}`;
}

/**
 * R4: an inbound call enters the flow of the number dialled, so a call to a number the given flow does not answer
 * would not have met it: it is not run (as `diff --calls` leaves it out) but named in its place and counted,
 * unless the workspace lacks its number (refused, as everywhere).
 */
function notThroughFlow(ctx: LineContext, flow: FlowDoc, call: Extract<Scenario['call'], { direction: 'inbound' }>, lineNo: number): string {
  const unknown = callStartProblems(ctx.workspace, call);
  if (unknown.length > 0) {
    ctx.counts.refusedLines++;
    return errorLine(lineNo, errorsInline(unknown));
  }
  ctx.counts.notThroughFlow++;
  const answers = ctx.answers.size === 0 ? 'no number' : [...ctx.answers].join(', ');
  return JSON.stringify({ line: lineNo, notThroughFlow: `the flow "${flow.id}" does not answer ${call.numberId} (it answers ${answers}): not run` });
}

/**
 * The output line for one non-blank input line: `{"line": n, …the result's fields}`, with `expectation` when the
 * scenario has an `expect`, or `{"line": n, "error": "…"}`. Counts the call in `ctx.counts`.
 */
export function simulateLine(line: string, lineNo: number, ctx: LineContext): string {
  const c = ctx.counts;
  c.lines++;
  const read = scenarioOfLine(line);
  if ('error' in read) {
    c.refusedLines++;
    return errorLine(lineNo, read.error);
  }
  const scenario = read.scenario;
  const call = scenario.call;
  if (ctx.flow && call.direction === 'inbound') {
    if (!ctx.answers.has(call.numberId)) return notThroughFlow(ctx, ctx.flow, call, lineNo);
    c.throughFlow++;
  }
  let result: CallResult;
  try {
    result = runScenario(ctx.workspace, ctx.flow, scenario, 'scenario');
  } catch (e) {
    c.refusedLines++;
    return errorLine(lineNo, failureText(e));
  }
  count(c, result, lineNo);
  const out: Record<string, unknown> = project(result, ctx.fields);
  // R28: a call its flow could not carry says so whatever --fields chose, like a failed expect.
  if (result.flowStopped) out.flowStopped = result.flowStopped;
  if (scenario.expect) {
    const mismatches = checkExpectation(result, scenario.expect);
    c.expectChecked++;
    if (mismatches.length > 0) {
      c.expectFailed++;
      if (c.expectFailedLines.length < FAILED_LINES_KEPT) c.expectFailedLines.push(lineNo);
    }
    const { shown, more } = capped(mismatches.map(formatMismatch));
    out.expectation = { passed: mismatches.length === 0, differences: more > 0 ? [...shown, andMore(more)] : shown };
  }
  const body = JSON.stringify(out);
  const text = body.length > 2 ? `{"line":${lineNo},${body.slice(1)}` : `{"line":${lineNo}}`;
  // UTF-8 takes at most three bytes per UTF-16 unit: measure exactly only near the limit.
  const bytes = text.length * 3 > MAX_RESULT_BYTES ? Buffer.byteLength(text) : text.length;
  if (bytes > MAX_RESULT_BYTES) {
    c.refusedLines++;
    return errorLine(
      lineNo,
      `the result is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${MAX_RESULT_BYTES / 1024 / 1024} MB limit for one line; choose fewer --fields (without timeline, rejections or path)`,
    );
  }
  return text;
}
