/**
 * Saved simulations: the call start and its timed steps, with the result
 * they produced when saved as the expectation. Re-running replays the steps
 * with the runtime's step API on the current documents and compares the
 * new result with the expectation, field by field, in words.
 */
import { startCall } from '../../runtime/call/session.ts';
import type { CallResult, CallStart, HistoryEntry } from '../../runtime/call/types.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { secs, span } from './format.ts';
import { type FlowChoice, flowFor } from './simStore.ts';

/** What a scenario expects: the R21 result without the display-only timeline. */
export type Expectation = Omit<CallResult, 'timeline'>;

export interface SavedScenario {
  id: string;
  name: string;
  /** The flow the scenario belongs to (listed under it); null for calls that run no flow. */
  flowId: string | null;
  start: CallStart;
  flowChoice: FlowChoice;
  steps: HistoryEntry[];
  expect: Expectation;
  savedAt: string;
}

export function expectationOf(result: CallResult): Expectation {
  const { timeline: _timeline, ...rest } = result;
  return structuredClone(rest);
}

export interface ScenarioRun {
  result: CallResult;
  /** Steps the runtime refused as malformed (time going backwards and the like). */
  errors: string[];
}

/** Replays a scenario's steps on `ws` with the runtime's step API. */
export function runScenario(ws: WorkspaceDoc, scenario: Pick<SavedScenario, 'start' | 'flowChoice' | 'steps'>): ScenarioRun {
  const session = startCall(ws, flowFor(ws, scenario.start, scenario.flowChoice), scenario.start);
  const errors: string[] = [];
  for (const step of scenario.steps) {
    const out = session.apply(step.action, step.at);
    if (!out.ok) errors.push(out.error);
  }
  return { result: session.result(), errors };
}

const segText = (e: Expectation) =>
  e.segments.length === 0 ? 'none' : e.segments.map((s) => `${span(s.start, s.end)} (${s.endReason})`).join(', ');
const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'none');

/** Differences between what a scenario expects and what it got, one sentence each; empty when it passes. */
export function differences(expected: Expectation, got: Expectation): string[] {
  const out: string[] = [];
  const check = (same: boolean, text: string) => {
    if (!same) out.push(text);
  };
  check(expected.recorded === got.recorded, `Recorded: expected ${expected.recorded ? 'yes' : 'no'}, got ${got.recorded ? 'yes' : 'no'}.`);
  check(expected.channels === got.channels, `Channel layout: expected ${expected.channels ?? 'none'}, got ${got.channels ?? 'none'}.`);
  check(JSON.stringify(expected.segments) === JSON.stringify(got.segments), `Segments: expected ${segText(expected)}; got ${segText(got)}.`);
  check(
    expected.totalRecordedSeconds === got.totalRecordedSeconds,
    `Total recorded: expected ${secs(expected.totalRecordedSeconds)} s, got ${secs(got.totalRecordedSeconds)} s.`,
  );
  check(expected.transcribable === got.transcribable, `Transcribable: expected ${expected.transcribable ? 'yes' : 'no'}, got ${got.transcribable ? 'yes' : 'no'}.`);
  check(expected.deletionDate === got.deletionDate, `Deletion date: expected ${expected.deletionDate ?? 'none'}, got ${got.deletionDate ?? 'none'}.`);
  check(
    JSON.stringify(expected.voicemails) === JSON.stringify(got.voicemails),
    `Voicemails: expected ${expected.voicemails.map((v) => span(v.start, v.end)).join(', ') || 'none'}; got ${got.voicemails.map((v) => span(v.start, v.end)).join(', ') || 'none'}.`,
  );
  check(
    JSON.stringify(expected.rejections.map((r) => [r.at, r.code])) === JSON.stringify(got.rejections.map((r) => [r.at, r.code])),
    `Refused actions: expected ${list(expected.rejections.map((r) => `${secs(r.at)} s ${r.code}`))}; got ${list(got.rejections.map((r) => `${secs(r.at)} s ${r.code}`))}.`,
  );
  check(
    JSON.stringify(expected.handledBy) === JSON.stringify(got.handledBy),
    `Handled by: expected ${list(expected.handledBy.agentIds)}, got ${list(got.handledBy.agentIds)}.`,
  );
  check(expected.ended === got.ended && expected.duration === got.duration, `Call: expected ${expected.ended ? 'ended' : 'running'} at ${secs(expected.duration)} s, got ${got.ended ? 'ended' : 'running'} at ${secs(got.duration)} s.`);
  check(JSON.stringify(expected.path) === JSON.stringify(got.path), `Path: expected ${list(expected.path)}; got ${list(got.path)}.`);
  check(
    expected.externalPortionAt === got.externalPortionAt,
    `External portion: expected ${expected.externalPortionAt === null ? 'none' : `from ${secs(expected.externalPortionAt)} s`}, got ${got.externalPortionAt === null ? 'none' : `from ${secs(got.externalPortionAt)} s`}.`,
  );
  return out;
}

export interface ScenarioOutcome {
  scenario: SavedScenario;
  pass: boolean;
  differences: string[];
  result: CallResult;
}

export function checkScenario(ws: WorkspaceDoc, scenario: SavedScenario): ScenarioOutcome {
  const run = runScenario(ws, scenario);
  const diffs = [...run.errors.map((e) => `Step refused: ${e}`), ...differences(scenario.expect, expectationOf(run.result))];
  return { scenario, pass: diffs.length === 0, differences: diffs, result: run.result };
}
