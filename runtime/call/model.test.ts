/**
 * Model-based tests: xstate/graph walks a model of "what may happen next"
 * (every action the call offers, from a small alphabet) to depth 8 or more,
 * and every path it finds is replayed through the runtime and checked
 * against the recording invariants.
 */
import { assign, setup } from 'xstate';
import { getAdjacencyMap } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import { startCall } from './session.ts';
import { buildFlow, inbound, testWorkspace } from './testkit.ts';
import type { AvailableAction, CallAction, CallResult, CallSession, CallStart } from './types.ts';

interface ModelEvent {
  type: 'act';
  key: string;
  action: CallAction;
}

/** The model: its only memory is the actions taken so far, so each state is one path. */
const pathModel = setup({
  types: { context: {} as { keys: string[]; actions: CallAction[] }, events: {} as ModelEvent },
}).createMachine({
  context: { keys: [], actions: [] },
  on: {
    act: {
      actions: assign(({ context, event }) => ({ keys: [...context.keys, event.key], actions: [...context.actions, event.action] })),
    },
  },
});

const STEP = 10;
const timeOf = (i: number) => (i + 1) * STEP;

/** Whether `action` is among the actions the call offers now. */
function offered(available: AvailableAction[], action: CallAction): boolean {
  for (const a of available) {
    if (a.type !== action.type) continue;
    switch (a.type) {
      case 'press':
        return action.type === 'press' && a.digits.some((d) => d.value === action.digit);
      case 'hangUp':
        return action.type === 'hangUp' && a.parties.some((p) => p.value === action.party);
      case 'wait':
        return a.nextTimerAt !== null;
      case 'contactAnswer':
      case 'outsideAnswer':
        return true;
      case 'transfer':
      case 'conference':
        return (
          'agentId' in action &&
          a.agents.some((c) => c.value === action.agentId) &&
          'target' in action &&
          a.targets.some((t) => JSON.stringify(t.target) === JSON.stringify(action.target))
        );
      case 'choose':
        return action.type === 'choose' && a.options.some((o) => o.value === action.option);
      default:
        return 'agentId' in action && a.agents.some((c) => c.value === action.agentId);
    }
  }
  return false;
}

interface Replay {
  session: CallSession;
  result: CallResult;
  /** After each step: whether the recording was paused. */
  pausedAfter: boolean[];
  /** When an agent was first on the call (R31), or null. */
  firstAgentAt: number | null;
  lastRejected: boolean;
}

function replay(ws: WorkspaceDoc, flow: FlowDoc | undefined, start: CallStart, actions: CallAction[]): Replay {
  const session = startCall(ws, flow, start);
  const pausedAfter: boolean[] = [];
  let lastRejected = false;
  let firstAgentAt: number | null = null;
  actions.forEach((action, i) => {
    const out = session.apply(action, timeOf(i));
    if (!out.ok) throw new Error(out.error);
    lastRejected = !out.accepted;
    pausedAfter.push(session.paused);
    if (firstAgentAt === null && session.parties.some((p) => p.id.startsWith('agent:'))) firstAgentAt = timeOf(i);
  });
  return { session, result: session.result(), pausedAfter, lastRejected, firstAgentAt };
}

/** What a refusal must leave as it was: the closed segments, and the count of rejections (one more). */
const closedSegments = (x: CallResult) => JSON.stringify(x.segments.filter((s) => s.endReason !== 'in-progress'));

/** The invariants every path must keep; returns what broke (empty when all hold). */
function invariantProblems(r: Replay): string[] {
  const problems: string[] = [];
  const result = r.result;
  const settings = r.session.effectiveSettings();
  // R14/R30: the effective setting, which a platform may fix.
  const continueOnExternal = settings.continueOnExternalTransfer.value;
  const segs = result.segments;
  let sum = 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    // Ordered, non-empty, non-overlapping, inside the call.
    if (!(s.start < s.end)) problems.push(`empty segment ${s.start}-${s.end}`);
    if (s.start < 0 || s.end > result.duration) problems.push(`segment ${s.start}-${s.end} outside the call 0-${result.duration}`);
    if (i > 0 && segs[i - 1]!.end > s.start) problems.push(`segments overlap or are out of order at ${s.start}`);
    sum += s.end - s.start;
  }
  if (Math.abs(result.totalRecordedSeconds - sum) > 1e-9) problems.push(`total ${result.totalRecordedSeconds} is not the sum ${sum}`);
  if (result.recorded !== segs.length > 0) problems.push('recorded flag disagrees with segments');
  if ((result.channels === null) !== (segs.length === 0)) problems.push('channel layout without recording, or recording without layout');
  // R11: nothing is recorded while paused.
  r.pausedAfter.forEach((paused, i) => {
    if (!paused) return;
    const from = timeOf(i);
    const to = i + 1 < r.pausedAfter.length ? timeOf(i + 1) : result.duration;
    for (const s of segs) if (s.end > from && s.start < to) problems.push(`segment ${s.start}-${s.end} during the pause ${from}-${to}`);
  });
  // R14: with continue-on-external off, nothing after the external portion begins.
  if (!continueOnExternal && result.externalPortionAt !== null) {
    for (const s of segs) if (s.end > result.externalPortionAt) problems.push(`segment ${s.start}-${s.end} after the external portion at ${result.externalPortionAt}`);
  }
  // R30: silences are paused stretches between audio: inside the call, outside every segment, counted in the length.
  let silent = 0;
  for (const x of result.silences) {
    if (!(x.start < x.end) || x.start < 0 || x.end > result.duration) problems.push(`silence ${x.start}-${x.end} outside the call`);
    for (const seg of segs) if (seg.end > x.start && seg.start < x.end) problems.push(`silence ${x.start}-${x.end} over segment ${seg.start}-${seg.end}`);
    silent += x.end - x.start;
  }
  if (settings.pauseLeaves.value === 'gap' && result.silences.length > 0) problems.push('silence where a pause leaves a gap');
  if (Math.abs(result.recordingSeconds - sum - silent) > 1e-9) problems.push(`length ${result.recordingSeconds} is not audio ${sum} + silence ${silent}`);
  // R29/R18: only a recording with both sides on tape (and dual channel) is transcribable.
  if (result.transcribable && segs.some((x) => x.sides !== 'both')) problems.push('transcribable with a side missing');
  // R31: where the IVR part is not recorded (and no node says otherwise), nothing is on tape before an agent joins.
  if (!settings.recordIvr.value && settings.recordIvr.source.kind !== 'node') {
    for (const seg of segs) if (r.firstAgentAt === null || seg.start < r.firstAgentAt) problems.push(`segment ${seg.start}-${seg.end} before an agent joined`);
  }
  return problems;
}

interface ModelConfig {
  ws: WorkspaceDoc;
  flow?: FlowDoc;
  start: CallStart;
  alphabet: Record<string, CallAction>;
  depth: number;
}

/**
 * Generates every path with xstate/graph and checks each; returns the number of paths.
 * Each state is replayed once, when the traversal asks which events it offers.
 */
function explore(cfg: ModelConfig): number {
  const entries = Object.entries(cfg.alphabet);
  const seen = new Map<string, { closed: string; rejections: number; problems: string[]; lastRejected: boolean }>();
  const visit = (keys: string[], actions: CallAction[]): Replay => {
    const r = replay(cfg.ws, cfg.flow, cfg.start, actions);
    seen.set(keys.join('|'), {
      closed: closedSegments(r.result),
      rejections: r.result.rejections.length,
      problems: invariantProblems(r),
      lastRejected: r.lastRejected,
    });
    return r;
  };
  const adjacency = getAdjacencyMap(pathModel, {
    serializeState: (s) => s.context.keys.join('|'),
    serializeEvent: (e) => (e as ModelEvent).key ?? e.type,
    events: (snapshot) => {
      const { keys, actions } = snapshot.context;
      const { session } = visit(keys, actions);
      if (actions.length >= cfg.depth || session.ended) return [];
      const available = session.available();
      return entries.filter(([, action]) => offered(available, action)).map(([key, action]) => ({ type: 'act' as const, key, action }));
    },
  });
  let deepest = 0;
  const failures: string[] = [];
  for (const [serial, node] of Object.entries(adjacency)) {
    const { keys, actions } = node.state.context;
    deepest = Math.max(deepest, actions.length);
    if (!seen.has(serial)) visit(keys, actions);
    const mine = seen.get(serial)!;
    const problems = [...mine.problems];
    // R10: a refused action changes nothing: the closed segments are those of the call just before it, moved on
    // to the same moment (timers due by then fire either way), and there is one more rejection.
    if (mine.lastRejected) {
      const parent = seen.get(keys.slice(0, -1).join('|'));
      if (!parent) problems.push('no parent path');
      else {
        const before = startCall(cfg.ws, cfg.flow, cfg.start);
        actions.slice(0, -1).forEach((action: CallAction, i: number) => {
          before.apply(action, timeOf(i));
        });
        if (before.time < timeOf(actions.length - 1) && !before.ended) before.apply({ type: 'wait' }, timeOf(actions.length - 1));
        if (closedSegments(before.result()) !== mine.closed) problems.push('the refusal changed the segments');
        if (parent.rejections + 1 !== mine.rejections) problems.push('the refusal was not recorded once');
      }
    }
    if (problems.length > 0 && failures.length < 10) failures.push(`${serial || '(start)'}: ${problems.join('; ')}`);
  }
  expect(failures).toEqual([]);
  expect(deepest).toBe(cfg.depth);
  return seen.size;
}

const OUT = { type: 'external', number: '+15550100' } as const;

const transferAlphabet: Record<string, CallAction> = {
  answer: { type: 'answer', agentId: 'ana' },
  pause: { type: 'pause', agentId: 'ana' },
  resume: { type: 'resume', agentId: 'ana' },
  blindOut: { type: 'transfer', agentId: 'ana', mode: 'blind', target: OUT },
  warmOut: { type: 'transfer', agentId: 'ana', mode: 'warm', target: OUT },
  complete: { type: 'completeTransfer', agentId: 'ana' },
  cancel: { type: 'cancelTransfer', agentId: 'ana' },
  contactHangsUp: { type: 'hangUp', party: 'contact' },
};

const conferenceAlphabet: Record<string, CallAction> = {
  answerAna: { type: 'answer', agentId: 'ana' },
  addBen: { type: 'conference', agentId: 'ana', target: { type: 'agent', agentId: 'ben' } },
  answerBen: { type: 'answer', agentId: 'ben' },
  addOut: { type: 'conference', agentId: 'ana', target: OUT },
  pauseAna: { type: 'pause', agentId: 'ana' },
  pauseBen: { type: 'pause', agentId: 'ben' },
  resumeBen: { type: 'resume', agentId: 'ben' },
  anaLeaves: { type: 'hangUp', party: 'agent:ana' },
  benLeaves: { type: 'hangUp', party: 'agent:ben' },
};

/** Start → Menu(10 s): 1 → Recording on → Assign(ana, 20 s; noAnswer → Voicemail 30 s); 2 → Recording off → Transfer out; timeout → Assign. */
const ivrFlow = buildFlow(
  [
    ['s', 'start'],
    ['m', 'menu', { timeoutSeconds: 10 }],
    ['on', 'recording', { record: 'on', agentPause: 'enabled' }],
    ['off', 'recording', { record: 'off' }],
    ['a', 'assign', { target: { type: 'agent', agentId: 'ana' }, ringTimeoutSeconds: 20 }],
    ['vm', 'voicemail', { maxLengthSeconds: 30 }],
    ['t', 'transfer', { target: OUT }],
  ],
  [
    ['s', 'next', 'm'],
    ['m', '1', 'on'],
    ['m', '2', 'off'],
    ['m', 'timeout', 'a'],
    ['on', 'next', 'a'],
    ['off', 'next', 't'],
    ['a', 'noAnswer', 'vm'],
  ],
);

const ivrAlphabet: Record<string, CallAction> = {
  press1: { type: 'press', digit: '1' },
  press2: { type: 'press', digit: '2' },
  wait: { type: 'wait' },
  answer: { type: 'answer', agentId: 'ana' },
  outsideAnswers: { type: 'outsideAnswer' },
  pause: { type: 'pause', agentId: 'ana' },
  resume: { type: 'resume', agentId: 'ana' },
  warmOut: { type: 'transfer', agentId: 'ana', mode: 'warm', target: OUT },
  complete: { type: 'completeTransfer', agentId: 'ana' },
  contactHangsUp: { type: 'hangUp', party: 'contact' },
};

/**
 * R25–R28: Start → Recording on (IVR part per platform) → Step (next | error → Hang up) → Decision:
 * vip → Queue(support, 30 s; timeout → Voicemail, error → Hang up); noMatch → a module flow that pauses
 * recording for card capture and returns → Assign(ana).
 */
const kindsWorkspace = (platform: WorkspaceDoc['platform']) => {
  const ws = testWorkspace({ account: { continueOnExternalTransfer: false } });
  ws.platform = platform;
  ws.flows = [
    buildFlow(
      [
        ['cs', 'start'],
        ['coff', 'recording', { record: 'off' }],
        ['card', 'play', { durationSeconds: 15 }],
        ['con', 'recording', { record: 'on' }],
      ],
      [
        ['cs', 'next', 'coff'],
        ['coff', 'next', 'card'],
        ['card', 'next', 'con'],
      ],
      'card',
    ),
  ];
  return ws;
};
const kindsFlow = buildFlow(
  [
    ['s', 'start'],
    ['r', 'recording', { record: 'on' }],
    ['st', 'step', { seconds: 5 }],
    ['d', 'decision', { outcomes: [{ name: 'vip', condition: '$.Attributes.tier = vip' }] }],
    ['q', 'queue', { target: { type: 'ringGroup', ringGroupId: 'support' }, maxWaitSeconds: 30 }],
    ['m', 'flow', { flowId: 'card', returns: true }],
    ['a', 'assign', { target: { type: 'agent', agentId: 'ana' }, ringTimeoutSeconds: 20 }],
    ['vm', 'voicemail', { maxLengthSeconds: 30 }],
    ['bye', 'hangup'],
  ],
  [
    ['s', 'next', 'r'],
    ['r', 'next', 'st'],
    ['st', 'next', 'd'],
    ['st', 'error', 'bye'],
    ['d', 'vip', 'q'],
    ['d', 'noMatch', 'm'],
    ['q', 'timeout', 'vm'],
    ['q', 'error', 'bye'],
    ['m', 'next', 'a'],
  ],
);
const kindsAlphabet: Record<string, CallAction> = {
  wait: { type: 'wait' },
  stepFails: { type: 'choose', option: 'error' },
  vip: { type: 'choose', option: 'vip' },
  noMatch: { type: 'choose', option: 'noMatch' },
  answerAna: { type: 'answer', agentId: 'ana' },
  answerBen: { type: 'answer', agentId: 'ben' },
  pause: { type: 'pause', agentId: 'ana' },
  resume: { type: 'resume', agentId: 'ana' },
  addOut: { type: 'conference', agentId: 'ana', target: OUT },
  outsideAnswers: { type: 'outsideAnswer' },
  contactHangsUp: { type: 'hangUp', party: 'contact' },
};

describe('model-based: invariants on every generated path', () => {
  for (const platform of ['talkdesk', 'amazon-connect', 'twilio-studio'] as const) {
    it(`R25–R31: queue, decision, step and a module flow on ${platform}, depth 8`, () => {
      const ws = kindsWorkspace(platform);
      if (platform === 'amazon-connect') ws.account.agentPause = true;
      const paths = explore({ ws, flow: kindsFlow, start: inbound(), alphabet: kindsAlphabet, depth: 8 });
      expect(paths).toBeGreaterThan(300);
    }, 120_000);
  }

  for (const cont of [false, true]) {
    it(`R11/R14/R15: pause and external transfers, depth 8, continue-on-external ${cont ? 'on' : 'off'}`, () => {
      const ws = testWorkspace({ account: { agentPause: true, continueOnExternalTransfer: cont } });
      const paths = explore({ ws, start: inbound(), alphabet: transferAlphabet, depth: 8 });
      expect(paths).toBeGreaterThan(1000);
    }, 120_000);
  }

  it('R12/R15: conferences, control passing and leaving, depth 8, continue-on-external off', () => {
    const ws = testWorkspace({ account: { agentPause: true, continueOnExternalTransfer: false } });
    const paths = explore({ ws, start: inbound(), alphabet: conferenceAlphabet, depth: 8 });
    expect(paths).toBeGreaterThan(1000);
  }, 120_000);

  it('R5/R6/R7/R16/R19: a small IVR flow with timers, depth 8, continue-on-external off', () => {
    const ws = testWorkspace({ account: { continueOnExternalTransfer: false } });
    const paths = explore({ ws, flow: ivrFlow, start: inbound(), alphabet: ivrAlphabet, depth: 8 });
    expect(paths).toBeGreaterThan(100);
  }, 120_000);
});
