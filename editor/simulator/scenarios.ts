/**
 * Saved simulations in the runtime's scenario format (runtime/call/scenario.ts,
 * the one `recflow test` reads): the call start, its timed actions and the
 * result they gave when saved, as the expectation. Running one replays it
 * with the runtime's `simulate` on the current documents and compares with
 * the runtime's `checkExpectation`; this module only words the differences.
 */
import { checkExpectation, type Expectation, type Mismatch, SCENARIO_FORMAT, SCENARIO_VERSION, type Scenario, simulate } from '../../runtime/call/scenario.ts';
import type { CallResult, CallStart, HistoryEntry } from '../../runtime/call/types.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { ACTION_WORD, END_REASON_TEXT, REJECTION_TEXT, secs, span } from './format.ts';
import { type FlowChoice, flowFor } from './simStore.ts';

export interface SavedScenario {
  id: string;
  /** The flow the scenario is listed under; null for calls that run no flow. */
  flowId: string | null;
  /** Whether the call ran the number's flow or a chosen one (then `flowId`). */
  flowChoice: FlowChoice;
  savedAt: string;
  scenario: Scenario;
}

/** The whole R21 result as an expectation (every field the format compares). */
export function expectationOf(r: CallResult): Expectation {
  return {
    recorded: r.recorded,
    channels: r.channels,
    segments: r.segments.map((s) => ({
      start: s.start,
      end: s.end,
      channelA: [...s.channelA],
      channelB: [...s.channelB],
      endReason: s.endReason,
      sides: s.sides,
    })),
    totalRecordedSeconds: r.totalRecordedSeconds,
    recordingSeconds: r.recordingSeconds,
    silences: r.silences.map((x) => ({ start: x.start, end: x.end })),
    transcribable: r.transcribable,
    voicemails: r.voicemails.map((v) => ({ nodeId: v.nodeId, start: v.start, end: v.end, endReason: v.endReason })),
    deletionDate: r.deletionDate,
    rejections: r.rejections.map((x) => ({ at: x.at, code: x.code, message: x.message })),
    handledBy: { agentIds: [...r.handledBy.agentIds], ringGroupIds: [...r.handledBy.ringGroupIds] },
    ended: r.ended,
    duration: r.duration,
    path: [...r.path],
    externalPortionAt: r.externalPortionAt,
  };
}

/** A scenario document for a call: its start, the steps in effect, and its result as the expectation. */
export function scenarioOf(name: string, start: CallStart, steps: readonly HistoryEntry[], result: CallResult): Scenario {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    name,
    call: start,
    actions: steps.map((h) => ({ at: h.at, ...h.action }) as Scenario['actions'][number]),
    expect: expectationOf(result),
  };
}

/** The history entries a scenario replays. */
export function stepsOf(scenario: Scenario): HistoryEntry[] {
  return scenario.actions.map(({ at, ...action }) => ({ at, action: action as HistoryEntry['action'] }));
}

const reasonText = (reason: string) => (reason in END_REASON_TEXT ? END_REASON_TEXT[reason as keyof typeof END_REASON_TEXT] : reason.replace(/-/g, ' '));
const segText = (xs: ReadonlyArray<{ start?: number | undefined; end?: number | undefined; endReason?: string | undefined }> | undefined) =>
  !xs || xs.length === 0 ? 'none' : xs.map((s) => `${span(s.start ?? 0, s.end ?? 0)}${s.endReason ? ` (ended: ${reasonText(s.endReason)})` : ''}`).join(', ');

type Refusal = NonNullable<Expectation['rejections']>[number];
const refusalWhy = (code: Refusal['code']) => (code ? (REJECTION_TEXT[code] ?? code.replace(/-/g, ' ')) : '');

/**
 * Refused actions as sentences: "pause at 20 s was expected to be refused as not allowed by settings, but it was
 * not refused". The action is named from the scenario's own steps at that time.
 */
function refusalSentences(expected: readonly Refusal[], got: readonly Refusal[], actions: readonly { at: number; type: string }[]): string[] {
  const what = (at: number | undefined) => {
    const action = actions.find((a) => a.at === at && a.type !== 'wait');
    return `${action ? (ACTION_WORD[action.type as keyof typeof ACTION_WORD] ?? action.type) : 'an action'} at ${secs(at ?? 0)} s`;
  };
  const out: string[] = [];
  const matched = new Set<number>();
  for (const e of expected) {
    const i = got.findIndex((g, j) => !matched.has(j) && (e.at === undefined || g.at === e.at));
    const g = i >= 0 ? got[i] : undefined;
    if (g) matched.add(i);
    const expectedWhy = e.code ? ` as ${refusalWhy(e.code)}` : '';
    if (!g) out.push(`${what(e.at)} was expected to be refused${expectedWhy}, but it was not refused.`);
    else if (e.code !== undefined && g.code !== e.code) out.push(`${what(e.at)} was expected to be refused${expectedWhy}, but it was refused as ${refusalWhy(g.code)}.`);
  }
  got.forEach((g, j) => {
    if (!matched.has(j)) out.push(`${what(g.at)} was refused as ${refusalWhy(g.code)}, which was not expected.`);
  });
  return out;
}
const yesNo = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : String(v));
const val = (v: unknown) => (v === null || v === undefined ? 'none' : typeof v === 'number' ? `${secs(v)} s` : Array.isArray(v) ? v.join(', ') || 'none' : String(v));

/** One sentence per top-level field that differs, e.g. "Segments: expected 8–60 s (external-transfer); got 8–95 s (hang-up)". */
export function describeMismatches(
  expect: Expectation,
  result: CallResult,
  mismatches: readonly Mismatch[],
  actions: readonly { at: number; type: string }[] = [],
): string[] {
  const got = expectationOf(result);
  const keys = [...new Set(mismatches.map((m) => m.path.replace(/^\$\.?/, '').split(/[.[]/)[0] ?? ''))];
  return keys.flatMap((key) => {
    switch (key) {
      case 'segments':
        return `Segments: expected ${segText(expect.segments)}; got ${segText(got.segments)}.`;
      case 'voicemails':
        return `Voicemails: expected ${segText(expect.voicemails)}; got ${segText(got.voicemails)}.`;
      case 'rejections': {
        const sentences = refusalSentences(expect.rejections ?? [], got.rejections ?? [], actions);
        // Only a message differs (same actions, same reasons): say so in words too.
        return sentences.length > 0 ? sentences : ['Refused actions: the same actions were refused for the same reasons, but their messages differ.'];
      }
      case 'handledBy':
        return `Handled by: expected ${val(expect.handledBy?.agentIds)}; got ${val(got.handledBy?.agentIds)}.`;
      case 'recorded':
      case 'transcribable':
      case 'ended':
        return `${key[0]!.toUpperCase()}${key.slice(1)}: expected ${yesNo(expect[key])}, got ${yesNo(got[key])}.`;
      case 'totalRecordedSeconds':
        return `Total recorded: expected ${val(expect.totalRecordedSeconds)}, got ${val(got.totalRecordedSeconds)}.`;
      case 'duration':
        return `Call length: expected ${val(expect.duration)}, got ${val(got.duration)}.`;
      case 'externalPortionAt':
        return `External portion from: expected ${val(expect.externalPortionAt)}, got ${val(got.externalPortionAt)}.`;
      case 'channels':
        return `Channel layout: expected ${val(expect.channels)}, got ${val(got.channels)}.`;
      case 'deletionDate':
        return `Deletion date: expected ${val(expect.deletionDate)}, got ${val(got.deletionDate)}.`;
      case 'path':
        return `Path through the flow: expected ${val(expect.path)}; got ${val(got.path)}.`;
      default:
        return mismatches
          .filter((m) => m.path.startsWith(`$.${key}`))
          .map((m) => `${m.path}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`)
          .join('; ');
    }
  });
}

export interface ScenarioOutcome {
  saved: SavedScenario;
  pass: boolean;
  differences: string[];
  result: CallResult | null;
}

/** Replays a saved scenario on `ws` with the runtime and compares it with its expectation. */
export function checkScenario(ws: WorkspaceDoc, saved: SavedScenario): ScenarioOutcome {
  const sc = saved.scenario;
  let result: CallResult;
  try {
    result = simulate(ws, flowFor(ws, sc.call as CallStart, saved.flowChoice), sc);
  } catch (e) {
    return { saved, pass: false, differences: [`The call could not be replayed: ${e instanceof Error ? e.message : String(e)}`], result: null };
  }
  if (!sc.expect) return { saved, pass: true, differences: [], result };
  const mismatches = checkExpectation(result, sc.expect);
  return { saved, pass: mismatches.length === 0, differences: describeMismatches(sc.expect, result, mismatches, sc.actions), result };
}
