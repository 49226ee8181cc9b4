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
import type { DocError } from '../document/errors.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import type { Expectation, Scenario } from './scenarioFormat.ts';
import { startCall } from './session.ts';
import type { CallResult, CallStart } from './types.ts';

export {
  callStartSchema,
  type Expectation,
  expectationSchema,
  MAX_SCENARIO_ACTIONS,
  parseScenario,
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type Scenario,
  scenarioJsonSchemaSource,
  scenarioSchema,
  type TimedScenarioAction,
  timedActionSchema,
} from './scenarioFormat.ts';

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

