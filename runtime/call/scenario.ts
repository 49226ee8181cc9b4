/**
 * The scenario format: a saved simulated call (how it starts, the timed
 * actions) with, optionally, the result it is expected to give. Scenarios
 * are run by `simulate()`, `recflow simulate` and, as a regression suite,
 * `recflow test`.
 *
 * @example
 * {
 *   "format": "recflow.scenario", "version": 1,
 *   "name": "Caller picks support, Ana answers",
 *   "workspace": "../workspace.json", "flow": "../flows/support-line.json",
 *   "call": { "direction": "inbound", "numberId": "num-support", "callerNumber": "+15550111" },
 *   "actions": [
 *     { "at": 7, "type": "press", "digit": "1" },
 *     { "at": 15, "type": "answer", "agentId": "ag-ana" },
 *     { "at": 75, "type": "hangUp", "party": "contact" }
 *   ],
 *   "expect": { "recorded": true, "segments": [{ "start": 7, "end": 75, "endReason": "hang-up" }], "totalRecordedSeconds": 68 }
 * }
 */
import { z } from 'zod';
import { idSchema, labelSchema } from '../../nodes/kit/fields.ts';
import { type DocError, type ParseResult, readJson, scanHostile } from '../document/errors.ts';
import type { FlowDoc } from '../document/flow.ts';
import { zodIssues } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import { partySchema, secondsSchema, type TimedAction, timedActionSchema } from './actions.ts';
import { startCall } from './session.ts';
import type { CallResult, CallStart } from './types.ts';

export const SCENARIO_FORMAT = 'recflow.scenario';
export const SCENARIO_VERSION = 1;
export const MAX_SCENARIO_ACTIONS = 10_000;

const seconds = secondsSchema;
const phone = z.string().regex(/^\+?[0-9 ()-]{3,20}$/, 'must be a phone number such as +15550100');

export const callStartSchema = z.discriminatedUnion('direction', [
  z.strictObject({
    direction: z.literal('inbound'),
    numberId: idSchema,
    callerNumber: phone,
    startedAt: z.iso.datetime({ offset: true }).optional(),
  }),
  z.strictObject({
    direction: z.literal('outbound'),
    agentId: idSchema,
    fromNumberId: idSchema,
    contactNumber: phone,
    startedAt: z.iso.datetime({ offset: true }).optional(),
  }),
]);

// The actions of a scenario are the call's actions, defined once in actions.ts, each with its `at`.
export { timedActionSchema };
export type TimedScenarioAction = TimedAction;

const segmentEndReason = z.enum(['paused', 'recording-off', 'external-transfer', 'hang-up', 'in-progress']);
const rejectionCode = z.enum([
  'not-allowed-by-settings',
  'not-controlling-agent',
  'already-paused',
  'not-paused',
  'not-recording',
  'not-available',
  'unknown-party',
  'call-ended',
]);

/**
 * What the result should hold. Every field is optional and only the fields
 * given are compared; list items are compared in order, each on the fields it gives.
 */
export const expectationSchema = z.strictObject({
  recorded: z.boolean().optional(),
  channels: z.enum(['dual', 'mono']).nullable().optional(),
  segments: z
    .array(
      z.strictObject({
        start: seconds.optional(),
        end: seconds.optional(),
        channelA: z.array(partySchema).optional(),
        channelB: z.array(partySchema).optional(),
        endReason: segmentEndReason.optional(),
        /** R29: the sides on tape in the segment. */
        sides: z.enum(['both', 'contact', 'agent']).optional(),
      }),
    )
    .optional(),
  totalRecordedSeconds: seconds.optional(),
  /** R30: the recording's length, paused stretches kept as silence included. */
  recordingSeconds: seconds.optional(),
  /** R30: the paused stretches kept in the recording as silence. */
  silences: z.array(z.strictObject({ start: seconds.optional(), end: seconds.optional() })).optional(),
  transcribable: z.boolean().optional(),
  voicemails: z
    .array(
      z.strictObject({
        nodeId: idSchema.optional(),
        start: seconds.optional(),
        end: seconds.optional(),
        endReason: z.enum(['max-length', 'finished', 'hang-up', 'in-progress']).optional(),
      }),
    )
    .optional(),
  deletionDate: z.iso.date().nullable().optional(),
  rejections: z.array(z.strictObject({ at: seconds.optional(), code: rejectionCode.optional(), message: z.string().optional() })).optional(),
  handledBy: z.strictObject({ agentIds: z.array(idSchema).optional(), ringGroupIds: z.array(idSchema).optional() }).optional(),
  ended: z.boolean().optional(),
  duration: seconds.optional(),
  path: z.array(idSchema).optional(),
  externalPortionAt: seconds.nullable().optional(),
});
export type Expectation = z.infer<typeof expectationSchema>;

export const scenarioSchema = z
  .strictObject({
    format: z.literal(SCENARIO_FORMAT).optional(),
    version: z.literal(SCENARIO_VERSION).optional(),
    name: labelSchema.optional(),
    description: z.string().max(2000).optional(),
    /** Path of the workspace document, relative to the scenario file (used by `recflow test`). */
    workspace: z.string().min(1).max(500).optional(),
    /** Path of the flow document, relative to the scenario file; left out: the number's flow in the workspace. */
    flow: z.string().min(1).max(500).optional(),
    call: callStartSchema,
    actions: z.array(timedActionSchema).max(MAX_SCENARIO_ACTIONS, `must have at most ${MAX_SCENARIO_ACTIONS} actions`),
    /** After the last action, move the clock on to this time so due timers fire. */
    runUntil: seconds.optional(),
    expect: expectationSchema.optional(),
  })
  .superRefine((s, ctx) => {
    let last = 0;
    s.actions.forEach((a, i) => {
      if (a.at < last) {
        ctx.addIssue({ code: 'custom', path: ['actions', i, 'at'], message: `time goes backwards: ${a.at}s comes after ${last}s` });
      }
      last = Math.max(last, a.at);
    });
    if (s.runUntil !== undefined && s.runUntil < last) {
      ctx.addIssue({ code: 'custom', path: ['runUntil'], message: `must not be before the last action (${last}s)` });
    }
  });
export type Scenario = z.infer<typeof scenarioSchema>;

/** The JSON Schema source for scenario documents. */
export function scenarioJsonSchemaSource() {
  return scenarioSchema;
}

/** Reads a scenario from JSON text or a value; never throws. */
export function parseScenario(input: unknown): ParseResult<Scenario> {
  const read = readJson(input);
  if (!read.ok) return read;
  const hostile = scanHostile(read.value);
  if (hostile.length > 0) return { ok: false, errors: hostile };
  const parsed = scenarioSchema.safeParse(read.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: zodIssues(parsed.error) };
}

/**
 * What the workspace lacks of a call's start, each with the scenario's JSON path: the number dialled or dialled
 * from (R4: its settings apply; an unknown one would silently fall through to the account's, R2/R3) and, for an
 * outbound call, the agent who dials (R8).
 *
 * @example
 * callStartProblems(ws, { direction: 'outbound', agentId: 'zz', fromNumberId: 'num-support', contactNumber: '+15550199' });
 * // [{ path: '$.call.agentId', message: 'no agent "zz" in the workspace' }]
 */
export function callStartProblems(workspace: Pick<WorkspaceDoc, 'numbers' | 'agents'>, call: Scenario['call']): DocError[] {
  const problems: DocError[] = [];
  const field = call.direction === 'inbound' ? 'numberId' : 'fromNumberId';
  const numberId = call.direction === 'inbound' ? call.numberId : call.fromNumberId;
  if (!workspace.numbers.some((n) => n.id === numberId)) problems.push({ path: `$.call.${field}`, message: `no phone number "${numberId}" in the workspace` });
  if (call.direction === 'outbound' && !workspace.agents.some((a) => a.id === call.agentId)) {
    problems.push({ path: '$.call.agentId', message: `no agent "${call.agentId}" in the workspace` });
  }
  return problems;
}

/** A scenario's call names a number or an agent the workspace lacks (`errors`, by JSON path): it cannot run. */
export class CallStartError extends Error {
  constructor(readonly errors: DocError[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  }
}

/**
 * Runs a scenario's call and returns its result (R21). Throws a `CallStartError` when the workspace lacks the
 * call's number or agent (`callStartProblems`): every command and view that runs a scenario comes through here.
 *
 * @example
 * const result = simulate(ws, flow, parseScenarioOrThrow(json));
 * result.segments; // [{ start: 7, end: 75, channelA: ['contact'], channelB: ['agent:ag-ana'], endReason: 'hang-up' }]
 */
export function simulate(workspace: WorkspaceDoc, flow: FlowDoc | undefined, scenario: Pick<Scenario, 'call' | 'actions' | 'runUntil'>): CallResult {
  const problems = callStartProblems(workspace, scenario.call);
  if (problems.length > 0) throw new CallStartError(problems);
  const session = startCall(workspace, flow, scenario.call as CallStart);
  for (const a of scenario.actions) {
    // The timed action goes to the call as it is: the session reads its time from `a.at`, the machine ignores `at`.
    const out = session.apply(a, a.at);
    // Only a time going backwards fails here, and the schema refuses that.
    if (!out.ok) throw new Error(out.error);
  }
  if (scenario.runUntil !== undefined) session.apply({ type: 'wait' }, scenario.runUntil);
  return session.result();
}

/** One difference between an expectation and a result: where, and the two values. */
export interface Mismatch {
  path: string;
  expected: unknown;
  actual: unknown;
}

function compare(expected: unknown, actual: unknown, path: string, out: Mismatch[]): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push({ path, expected, actual });
      return;
    }
    if (expected.length !== actual.length) out.push({ path: `${path}.length`, expected: expected.length, actual: actual.length });
    const n = Math.min(expected.length, actual.length);
    for (let i = 0; i < n; i++) compare(expected[i], actual[i], `${path}[${i}]`, out);
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') {
      out.push({ path, expected, actual });
      return;
    }
    for (const [k, v] of Object.entries(expected)) {
      if (v === undefined) continue;
      compare(v, (actual as Record<string, unknown>)[k], `${path}.${k}`, out);
    }
    return;
  }
  // Stryker disable next-line EqualityOperator: the tolerance only absorbs float noise; a difference of exactly 1e-9 s is noise either way
  if (typeof expected === 'number' && typeof actual === 'number' ? Math.abs(expected - actual) > 1e-9 : expected !== actual) {
    out.push({ path, expected, actual });
  }
}

/**
 * Compares a result with an expectation: only the fields the expectation
 * gives; lists must have the same length and match item by item.
 *
 * @example
 * checkExpectation(result, { totalRecordedSeconds: 60 }); // [] when it matches
 * // [{ path: '$.totalRecordedSeconds', expected: 60, actual: 55 }] when not
 */
export function checkExpectation(result: CallResult, expectation: Expectation): Mismatch[] {
  const out: Mismatch[] = [];
  compare(expectation, result, '$', out);
  return out;
}

/** Text for one mismatch: `$.segments[0].end: expected 40, got 35`. */
export function formatMismatch(m: Mismatch): string {
  return `${m.path}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`;
}

