/**
 * The call as an xstate 5 statechart with two parallel regions:
 *
 * ```
 * call (parallel)
 * ├─ where      boot ─call.begin─▶ <flow node> | ringing | dialling
 * │             <flow node>: one state per node the call can wait at (play, menu, voicemail, ring,
 * │                          connect), compiled from the flow, with the node's own timer
 * │             ringing:     a call with no flow, or a blind transfer to an agent or ring group
 * │             dialling:    an outbound call before the contact answers (R8)
 * │             agent | conference | consultation | outside: the contact talking with one agent,
 * │                          several parties, during a warm transfer, with outside parties only
 * │             ended:       every action refused
 * └─ recording  pending ─▶ recording ⇄ paused | off | stopped (past the external portion) ─▶ ended
 * ```
 *
 * The rules are the transitions: which events each state accepts, the guards
 * that refuse one with its reason (R10), the actions that carry it out. Both
 * regions see every action: an answer moves `where` to a conversation and, in
 * the same step, starts the default recording (R7); a pause is judged by
 * `recording` alone. Where a change of place changes the recording in a way
 * only the place knows (a Recording node ran in the flow, the external portion
 * began), `where` raises an internal `rec.*` event for `recording` to judge.
 * A segment opens on entering `recording.recording` and closes on leaving it,
 * with the reason read from the event that left it.
 *
 * A flow node's timer is a transition of the node's state on `call.timer`;
 * when it falls due is call data (`timerAt`, set as the state is entered).
 * The session moves the call's clock to each due timer and sends
 * `call.timer` before it delivers the next action, so a run is deterministic.
 * (Not xstate delayed transitions: its scheduler keys every timer by a new
 * string per actor and timer, which cost about as much as a whole event.)
 * The session runs this machine through `runner.ts` (the machine's own
 * transition function, no xstate actor).
 *
 * The hierarchy is kept flat and the transitions targeted (no routing states):
 * every level and every extra step costs xstate work on each event, and a
 * batch run simulates millions of calls (`npm run bench`).
 */
import { and, enqueueActions, setup } from 'xstate';
import type { CallAction, TimedAction } from './actions.ts';
import { isActionType, MAX_PARTIES } from './actions.ts';
import { isEntry } from '../../nodes/index.ts';
import type { NodeStep } from '../../nodes/kit/contract.ts';
import type { CallData, RecordingState, WhereView } from './callData.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import { type FlowIndex, indexFlow, startNodeFor } from './lookup.ts';
import { CALL_LIMITS, limitReached } from './limits.ts';
import { agentIdOf, agentParty, CONTACT, outsideParty, partyKind } from './parties.ts';
import { handOverProblem, pauseRefusal } from './rules.ts';
import type { RecordingNodeRun } from './settings.ts';
import type { ChannelLayout, FlowStopped, PartyId, PhaseKind, RejectionCode, SegmentEndReason, TransferTarget } from './types.ts';

/**
 * R5/R6: a Recording node ran in the flow; `channels` is the layout that applies right after it
 * (R3, R17). Raised by the `where` region for the `recording` region: only the flow knows which
 * nodes a call runs through on its way to the next wait.
 */
export type RecordingEvent = {
  type: 'rec.node';
  on: boolean;
  channels: ChannelLayout;
  /** R31: whether the part before an agent joins is recorded (else recording starts when one joins). */
  ivr: boolean;
};

/** Sent once by the session after the machine's first snapshot: the call begins (the machine's start runs no action; runner.ts). */
export type BeginEvent = { type: 'call.begin' };

/** Sent by the session when the call's clock reaches the per-call time limit (limits.ts): the call ends there. */
export type LimitEvent = { type: 'call.limit' };

/** Sent by the session when the call's clock reaches `timerAt`: the timer of the flow node the call waits at fires. */
export type TimerEvent = { type: 'call.timer' };

export type CallEvent = CallAction | RecordingEvent | BeginEvent | LimitEvent | TimerEvent;

type Waiting = Extract<NodeStep, { kind: 'prompt' | 'gather' | 'takeMessage' | 'ring' | 'dial' | 'enqueue' | 'choose' }>;
type WaitKind = Waiting['kind'];
type RingTarget = Extract<TransferTarget, { type: 'agent' } | { type: 'ringGroup' }>;
type ConnectTarget = Extract<TransferTarget, { type: 'extension' } | { type: 'external' }>;
type Context = { d: CallData };

/** What the reviewer reads for each place: "… is not possible while the call is <where>". */
const WHERE_TEXT = {
  prompt: 'playing a message',
  gather: 'in a menu',
  takeMessage: 'recording a voicemail',
  ring: 'ringing',
  dial: 'ringing',
  enqueue: 'waiting in a queue',
  choose: 'waiting for an outcome to be chosen',
  ringing: 'ringing',
  dialling: 'being dialled',
  talking: 'connected',
} as const;

const PHASE_OF_STEP: Record<WaitKind, PhaseKind> = {
  prompt: 'ivr',
  gather: 'ivr',
  takeMessage: 'voicemail',
  ring: 'ringing',
  dial: 'ringing',
  enqueue: 'ringing',
  choose: 'ivr',
};
/** The timeline's word for a wait's timer ("menu timer"). */
const TIMER_WORD: Record<WaitKind, string> = { prompt: 'play', gather: 'menu', takeMessage: 'voicemail', ring: 'ring', dial: 'ring', enqueue: 'queue', choose: 'step' };

/** The `where` states in which the contact talks with other parties. */
export const TALKING_STATES = ['agent', 'conference', 'consultation', 'outside'] as const;

// ---------------------------------------------------------------------------
// Helpers the actions share
// ---------------------------------------------------------------------------

/** Only actions are refused: every refusing transition is declared for an action (the catch-all ones guarded by `isCallAction`). */
function reject(d: CallData, ev: CallEvent, code: RejectionCode, message: string): void {
  if (!isActionType(ev.type)) return;
  // The action happens now (the session moved the clock to its time); a scenario's action may still carry its `at`.
  const at = d.now;
  const { at: _at, ...action } = ev as TimedAction;
  const rejection = { at, action: action as CallAction, code, message };
  d.rejections.push(rejection);
  d.lastRejection = rejection;
  d.markers.push({ at, kind: 'refusal', label: message });
}

/**
 * R9: the call ends now (an open segment closes as the `recording` region leaves `recording`). `before` is the
 * machine's snapshot as the ending event found it: an ended call still says what its recording was doing then.
 */
function endCall(d: CallData, why: string | null, before: { value: unknown }): void {
  d.recordingAtEnd = (before.value as { recording: RecordingState }).recording;
  if (why !== null) d.mark('hang-up', why, d.nodeId ?? undefined);
  d.closeVoicemail('hang-up');
  d.timerAt = null;
  d.ring = null;
  d.outsideRing = null;
  d.consult = null;
  d.invite = null;
  d.nodeId = null;
  d.endedAt = d.now;
}

/** R14/R15/R16: the external portion begins now; the `recording` region, asking the same question, stops or goes on. */
function beginExternal(d: CallData): void {
  d.externalAt = d.now;
  const cont = d.settings.continueOnExternalTransfer.value;
  d.mark('external-portion', cont ? 'external portion begins; recording continues (R14)' : 'external portion begins; recording stops (R14)');
}

/** An extension (R13: internal) or outside number takes the call (a flow Transfer node, or a blind transfer). */
function connectOutside(d: CallData, target: ConnectTarget, nodeId: string | null): void {
  const party = outsideParty(target);
  d.nodeId = null;
  d.join(party);
  d.mark('join', `${d.label(party)} takes the call`, nodeId ?? undefined, party);
}

const isInternal = (target: TransferTarget): target is RingTarget => target.type === 'agent' || target.type === 'ringGroup';

/** Who would be left on the call if `party` hung up now (a consulting agent takes the consulted party along). */
function leftAfterHangUp(d: CallData, party: PartyId): { parties: number; agents: number; external: number } {
  const agentId = agentIdOf(party);
  const alsoLeaving = d.consult?.agentId === agentId ? d.consult.party : null;
  let parties = 0;
  let agents = 0;
  let external = 0;
  for (const c of d.onCall) {
    if (c.id === party || c.id === alsoLeaving) continue;
    parties++;
    const kind = partyKind(c.id);
    if (kind === 'agent') agents++;
    else if (kind === 'external') external++;
  }
  return { parties, agents, external };
}

function transferProblem(d: CallData, e: Extract<CallAction, { type: 'transfer' }>): string | null {
  return (
    handOverProblem(d, e.agentId, e.target) ??
    (d.onCall.length !== 1 || d.invite ? 'A transfer needs a call between the contact and one agent only.' : null)
  );
}

function conferenceProblem(d: CallData, e: Extract<CallAction, { type: 'conference' }>): string | null {
  return (
    handOverProblem(d, e.agentId, e.target) ??
    (d.invite ? 'Another party is already being invited.' : d.onCall.length >= MAX_PARTIES ? 'The conference is full.' : null)
  );
}

function consultProblem(
  d: CallData,
  e: Extract<CallAction, { type: 'completeTransfer' | 'cancelTransfer' }>,
  complete: boolean,
): { code: RejectionCode; message: string } | null {
  const consult = d.consult;
  if (!consult) return { code: 'not-available', message: 'No warm transfer is in progress.' };
  if (consult.agentId !== e.agentId) return { code: 'unknown-party', message: `${d.agentName(e.agentId)} is not consulting.` };
  if (complete && !consult.party) return { code: 'not-available', message: 'The transfer target has not answered yet.' };
  return null;
}

/**
 * R14/R15/R16: whether `event`, about to be carried out, begins the external portion: a blind transfer to an
 * outside number, a warm one completing, an outside number a flow Transfer node rings answering, or (R15,
 * decision) the last agent leaving a conference where an outside party stays with the contact. Read before
 * the event changes anything, so both regions ask it in the same step; the external portion begins once.
 */
function externalPortionBegins(d: CallData, event: CallEvent): boolean {
  if (d.externalAt !== null) return false;
  switch (event.type) {
    case 'transfer':
      return event.mode === 'blind' && event.target.type === 'external' && transferProblem(d, event) === null;
    case 'completeTransfer':
      return d.consult?.target.type === 'external' && consultProblem(d, event, true) === null;
    case 'outsideAnswer':
      return d.outsideRing?.type === 'external';
    case 'hangUp': {
      // Whoever hangs up (the contact, a consulted party, someone not on the call), an outside party left alone
      // with the contact began the external portion already: outside parties join only through an agent or a
      // Transfer node, and the portion begins the moment none is with them.
      const left = leftAfterHangUp(d, event.party);
      return left.agents === 0 && left.external > 0;
    }
    default:
      return false;
  }
}

/** Why the open segment closes, from the event that closes it (read before the event changes anything). */
function closeReason(d: CallData, event: CallEvent): SegmentEndReason {
  if (event.type === 'pause') return 'paused';
  if (event.type === 'rec.node') return 'recording-off';
  return externalPortionBegins(d, event) ? 'external-transfer' : 'hang-up';
}

/** An event of the given type(s): what a transition declared for that type receives (a cast for the types only). */
type Ev<T extends CallEvent['type']> = Extract<CallEvent, { type: T }>;

// ---------------------------------------------------------------------------
// The machine's guards and actions
// ---------------------------------------------------------------------------

/**
 * One node the call passes on its way from a wait: its id and kind, the port it leaves by, and a Recording node's
 * settings; or (R28) not a node passed but the return from an entered flow, by the flow node's return port.
 */
type ChainStep =
  | { nodeId: string; kind: string; port?: string; recording?: RecordingNodeRun['data'] }
  | { nodeId: string; port: string; returning: true; recording?: undefined };

/**
 * Where in the flows the call is (R28): the flow it runs and how it got there. The call's own flow is the root
 * frame; a flow node enters another flow in a frame of its own, remembering where to come back (its return port)
 * when the entered flow is a module that returns.
 */
interface Frame {
  ix: FlowIndex;
  /** Names the frame's nodes for people: `''` in the call's own flow, `<flowId>/` in an entered one. */
  prefix: string;
  /** Tells frames apart for the machine's states (the same flow entered from two places returns to two places). */
  id: string;
  /** Where the call comes back to when this flow ends without hanging up; null: it does not come back. */
  returnTo: { frame: Frame; nodeId: string; port: string } | null;
  /** The flows entered on the way here, the call's own first (a loop of flows is refused). */
  flows: string[];
}

/** The instant nodes a call runs through, and the node it then waits at, or why the call ends. */
interface Chain {
  steps: ChainStep[];
  waitAt: { frame: Frame; nodeId: string } | null;
  why: string | null;
  /** R28: the flow could not be followed as written (the call ends, and its result says why). */
  stop?: Omit<FlowStopped, 'at'>;
}

/** Where the call leaves a wait from: the node and port, whether its timer ran out (else a key or a choice), and what the call was doing there. */
interface Leaving {
  nodeId: string;
  port: string;
  timer: boolean;
  kind: WaitKind;
}

/** What a flow node does when the call arrives to wait there. */
interface NodeEntry {
  nodeId: string;
  step: Waiting;
  seconds: number | null;
}

/** The call leaves a wait (or starts): the key press or timer, each node passed, and the end if the flow ends here. */
function follow(d: CallData, from: Leaving | null, chain: Chain, event: CallEvent, before: { value: unknown }, announce?: (on: boolean) => void): void {
  d.choices = [];
  if (event.type === 'choose') d.mark('node', `chosen: ${event.option}`, from!.nodeId);
  if (event.type === 'press') {
    d.mark('node', `caller pressed ${event.digit}`, from!.nodeId);
    // R19: `#` ends a voicemail message (the only key that leaves one; elsewhere no message is being recorded).
    d.closeVoicemail('finished');
  }
  if (from?.timer) {
    d.mark('timer', `${TIMER_WORD[from.kind]} timer`, from.nodeId);
    // R19: a message reaching its maximum length (no message is being recorded at any other timer).
    d.closeVoicemail('max-length');
    d.ring = null;
    d.outsideRing = null;
  }
  if (from) d.traversed.push({ nodeId: from.nodeId, port: from.port });
  for (const step of chain.steps) {
    if ('returning' in step) {
      // R28: back from an entered flow, the call leaves the flow node by its return port.
      d.traversed.push({ nodeId: step.nodeId, port: step.port });
      continue;
    }
    d.nodeId = step.nodeId;
    d.path.push(step.nodeId);
    if (step.port !== undefined) d.traversed.push({ nodeId: step.nodeId, port: step.port });
    d.markers.push({ at: d.now, kind: 'node', label: `${step.kind} ${step.nodeId}`, nodeId: step.nodeId });
    if (step.recording) {
      // R5/R6/R3: a Recording node ran.
      d.recordingNodeRan({ nodeId: step.nodeId, data: step.recording });
      const on = step.recording.record === 'on';
      if (on && !d.settings.recordIvr.value) {
        // R31: nothing is on tape yet; the recording starts as an agent joins (marked then).
        d.mark('node', 'Recording node: record on from when an agent joins (R31)', step.nodeId);
      } else d.mark(on ? 'recording-on' : 'recording-off', on ? 'Recording node: record on' : 'Recording node: record off', step.nodeId);
      announce?.(on);
    }
  }
  if (chain.stop) d.flowStopped = { ...chain.stop, at: d.now };
  if (chain.why !== null) endCall(d, chain.why, before);
}

function enterNode(d: CallData, { nodeId, step, seconds }: NodeEntry): void {
  d.whereText = WHERE_TEXT[step.kind];
  switch (step.kind) {
    case 'gather':
      d.menuDigits = step.digits;
      break;
    case 'takeMessage':
      // R19: a separate recording of the caller, whatever the call recording settings say.
      d.vm = { nodeId, start: d.now, max: step.maxLengthSeconds };
      d.mark('voicemail-on', 'voicemail recording starts', nodeId);
      break;
    case 'ring':
      d.ring = d.ringFor(step.target);
      break;
    case 'dial':
      d.outsideRing = step.target;
      break;
    case 'enqueue':
      // R25: the queue's agents are offered the call while it waits; the reviewer may say the queue is full or closed.
      d.ring = d.ringForQueue(step.target);
      d.choices = step.options;
      break;
    case 'choose':
      // R26/R27: the reviewer chooses what the platform would decide (an outcome, a step's error).
      d.choices = step.options;
      break;
  }
  d.timerAt = seconds === null ? null : d.now + seconds;
  d.phase(PHASE_OF_STEP[step.kind]);
}

const callSetup = setup({
  types: {
    context: {} as Context,
    events: {} as CallEvent,
    input: {} as { data: CallData },
  },
  guards: {
    isCallAction: ({ event }) => isActionType(event.type),
    refusedHere: ({ event }) => event.type !== 'pause' && event.type !== 'resume' && isActionType(event.type),
    outbound: ({ context }) => context.d.start.direction === 'outbound',
    /** R4: the entry the call's number leads to (a compiled flow runs on inbound calls only; `outbound` is asked first). */
    startsAt: ({ context }, params: { nodeId: string }) => {
      const { flowIx, start } = context.d;
      return startNodeFor(flowIx!, (start as Extract<CallData['start'], { direction: 'inbound' }>).numberId) === params.nodeId;
    },
    digitIs: ({ event }, params: { digits: readonly string[] }) => params.digits.includes((event as Ev<'press'>).digit),
    optionIs: ({ event }, params: { option: string }) => (event as Ev<'choose'>).option === params.option,
    isContact: ({ event }) => (event as Ev<'hangUp'>).party === CONTACT,
    isOnCall: ({ context, event }) => context.d.isOn((event as Ev<'hangUp'>).party),
    notOnCall: ({ context, event }) => !context.d.isOn((event as Ev<'hangUp'>).party),
    ringCandidate: ({ context, event }) => ringCandidate(context.d, (event as Ev<'answer'>).agentId),
    consultCandidate: ({ context, event }) => context.d.consult?.ring?.candidates.includes((event as Ev<'answer'>).agentId) === true,
    inviteCandidate: ({ context, event }) => context.d.invite?.ring.candidates.includes((event as Ev<'answer'>).agentId) === true,
    consultedParty: ({ context, event }) => context.d.consult?.party === (event as Ev<'hangUp'>).party,
    leavesNobody: ({ context, event }) => leftAfterHangUp(context.d, (event as Ev<'hangUp'>).party).parties === 0,
    leavesNoAgent: ({ context, event }) => leftAfterHangUp(context.d, (event as Ev<'hangUp'>).party).agents === 0,
    leavesSeveral: ({ context, event }) => leftAfterHangUp(context.d, (event as Ev<'hangUp'>).party).parties > 1,
    holdRefused: ({ context, event }) => {
      const e = event as Ev<'hold' | 'unhold'>;
      return !context.d.isOn(agentParty(e.agentId)) || context.d.held === (e.type === 'hold');
    },
    pauseRefused: ({ context, event }, params: { recording: RecordingState }) => {
      const e = event as Ev<'pause' | 'resume'>;
      return pauseRefusal(context.d, params.recording, e.agentId, e.type === 'pause') !== null;
    },
    transferRefused: ({ context, event }) => transferProblem(context.d, event as Ev<'transfer'>) !== null,
    warm: ({ event }) => (event as Ev<'transfer'>).mode === 'warm',
    internalTarget: ({ event }) => isInternal((event as Ev<'transfer' | 'conference'>).target),
    conferenceRefused: ({ context, event }) => conferenceProblem(context.d, event as Ev<'conference'>) !== null,
    consultRefused: ({ context, event }, params: { complete: boolean }) =>
      consultProblem(context.d, event as Ev<'completeTransfer' | 'cancelTransfer'>, params.complete) !== null,
    /** Asked after `consultRefused`: a consultation is in progress and its party answered. */
    toAgent: ({ context }) => agentIdOf(context.d.consult!.party!) !== null,
    /** Per-call limit (limits.ts): following `steps` more nodes would take the call past the step limit. */
    overStepLimit: ({ context }, params: { steps: number }) => context.d.path.length + params.steps > CALL_LIMITS.steps,
    // The recording region's guards read the settings in effect now (R3).
    nodeOn: ({ event }) => (event as Ev<'rec.node'>).on,
    nodeOff: ({ event }) => !(event as Ev<'rec.node'>).on,
    /**
     * R31: a Recording node turns recording on and the IVR part is not recorded. A flow runs only before any agent
     * is on the call (an answer, or a Transfer node's party, takes the call out of the flow for good).
     */
    nodeWaitsForAgent: ({ event }) => {
      const e = event as Ev<'rec.node'>;
      return e.on && !e.ivr;
    },
    /** R7: the first agent answers a ringing call and the effective inbound setting is on. */
    answerRecords: ({ context, event }) => ringCandidate(context.d, (event as Ev<'answer'>).agentId) && context.d.settings.record.value,
    /** R8: the contact of an outbound call answers and the effective outbound setting (R4) is on. */
    contactAnswerRecords: ({ context }) => context.d.start.direction === 'outbound' && context.d.settings.record.value,
    /** R14: the external portion begins with this event and continue-on-external-transfer is off. */
    externalStops: ({ context, event }) => !context.d.settings.continueOnExternalTransfer.value && externalPortionBegins(context.d, event),
    /** R12 (decision): the controlling agent hands the call over now, blind or by completing a warm transfer. */
    handsOver: ({ context, event }) =>
      event.type === 'transfer'
        ? event.mode === 'blind' && transferProblem(context.d, event) === null
        : consultProblem(context.d, event as Ev<'completeTransfer'>, true) === null,
  },
  actions: {
    refuseHere: ({ context, event }) =>
      reject(context.d, event, 'not-available', `"${event.type}" is not possible while the call is ${context.d.whereText}.`),
    refuseEnded: ({ context, event }) => reject(context.d, event, 'call-ended', 'The call has ended.'),
    refuseKey: ({ context, event }) => reject(context.d, event, 'not-available', `Key ${(event as Ev<'press'>).digit} means nothing here.`),
    refuseChoice: ({ context, event }) =>
      reject(context.d, event, 'not-available', `"${(event as Ev<'choose'>).option}" is not one of the outcomes here (${context.d.choices.map((c) => c.value).join(', ')}).`),
    refuseNotOnCall: ({ context, event }) => reject(context.d, event, 'unknown-party', `${(event as Ev<'hangUp'>).party} is not on the call.`),
    refuseNotRung: ({ context, event }) =>
      reject(context.d, event, 'unknown-party', `${context.d.agentName((event as Ev<'answer'>).agentId)} is not being rung by this call.`),
    refuseNoOutsideRing: ({ context, event }) => reject(context.d, event, 'not-available', 'No extension or outside number is being rung.'),
    refuseHold: ({ context, event }) => {
      const e = event as Ev<'hold' | 'unhold'>;
      if (!context.d.isOn(agentParty(e.agentId))) reject(context.d, event, 'unknown-party', `${context.d.agentName(e.agentId)} is not on the call.`);
      else reject(context.d, event, 'not-available', e.type === 'hold' ? 'The contact is already on hold.' : 'The contact is not on hold.');
    },
    refusePause: ({ context, event }, params: { recording: RecordingState }) => {
      const e = event as Ev<'pause' | 'resume'>;
      // Asked where `pauseRefused` holds, or where the recording is neither running nor paused: always a refusal.
      const r = pauseRefusal(context.d, params.recording, e.agentId, e.type === 'pause')!;
      reject(context.d, event, r.code, r.message);
    },
    refuseTransfer: ({ context, event }) => {
      const e = event as Ev<'transfer'>;
      reject(context.d, event, context.d.isOn(agentParty(e.agentId)) ? 'not-available' : 'unknown-party', transferProblem(context.d, e)!);
    },
    refuseConference: ({ context, event }) => {
      const e = event as Ev<'conference'>;
      reject(context.d, event, context.d.isOn(agentParty(e.agentId)) ? 'not-available' : 'unknown-party', conferenceProblem(context.d, e)!);
    },
    refuseConsult: ({ context, event }, params: { complete: boolean }) => {
      const p = consultProblem(context.d, event as Ev<'completeTransfer' | 'cancelTransfer'>, params.complete)!;
      reject(context.d, event, p.code, p.message);
    },

    // --- where the call is --------------------------------------------------
    where: ({ context }, params: { text: string; phase: PhaseKind }) => {
      context.d.whereText = params.text;
      context.d.phase(params.phase);
    },
    /** The call passes through the flow to its next wait, or to its end. */
    follow: ({ context, event, self }, params: { from: Leaving | null; chain: Chain }) =>
      follow(context.d, params.from, params.chain, event, self.getSnapshot()),
    /** The same, through a Recording node: the `recording` region hears of each one it passes (R5/R6). */
    followRecording: enqueueActions(({ context, event, enqueue, self }, params: { from: Leaving | null; chain: Chain }) => {
      follow(context.d, params.from, params.chain, event, self.getSnapshot(), (on) =>
        enqueue.raise({ type: 'rec.node', on, channels: context.d.settings.channels.value, ivr: context.d.settings.recordIvr.value }),
      );
    }),
    /** Per-call limit (limits.ts): the call enters the nodes the step limit leaves room for, and ends there. */
    followToLimit: ({ context, event, self }, params: { from: Leaving | null; chain: Chain }) => {
      const d = context.d;
      d.limitReached = limitReached('steps', d.now);
      const steps = params.chain.steps.slice(0, Math.max(0, CALL_LIMITS.steps - d.path.length));
      follow(d, params.from, { steps, waitAt: null, why: d.limitReached.message }, event, self.getSnapshot());
    },
    /** Per-call limit (limits.ts): the call's clock reached the time limit. */
    stopAtTimeLimit: ({ context, self }) => {
      const d = context.d;
      d.limitReached = limitReached('seconds', d.now);
      endCall(d, d.limitReached.message, self.getSnapshot());
    },
    enterNode: ({ context }, params: NodeEntry) => enterNode(context.d, params),
    /** R16: the flow's transfer completes when the outside party answers. */
    outsideAnswers: ({ context, event }) => {
      const d = context.d;
      const begins = externalPortionBegins(d, event);
      const target = d.outsideRing!;
      d.outsideRing = null;
      d.timerAt = null;
      connectOutside(d, target, d.nodeId);
      if (begins) beginExternal(d);
    },
    /** Runs on the `outbound` guard's transition only. */
    bootOutbound: ({ context }) => {
      const d = context.d;
      const { agentId } = d.start as Extract<CallData['start'], { direction: 'outbound' }>;
      d.join(agentParty(agentId));
      d.controller = agentId;
      d.handledAgents.add(agentId);
    },
    /** R7: a call with no flow goes straight to the agents. */
    bootNoFlow: ({ context }) => {
      context.d.ring = { candidates: [...context.d.wsIx.agents.keys()], ringGroupId: null };
      context.d.mark('node', 'no flow: ringing every agent');
    },
    answerRing: ({ context, event }) => {
      const d = context.d;
      const agentId = (event as Ev<'answer'>).agentId;
      const party = agentParty(agentId);
      const ring = d.ring!;
      d.ring = null;
      d.nodeId = null;
      d.timerAt = null;
      d.held = false;
      d.join(party);
      d.handled(agentId, ring.ringGroupId);
      d.mark('answer', `${d.label(party)} answers`, undefined, party);
      // R12: the first agent to answer controls; after a blind transfer the receiving agent does (nobody controls
      // while the call rings: no agent is on it).
      d.setController(agentId);
    },
    consultAnswered: ({ context, event }) => {
      const d = context.d;
      const party = agentParty((event as Ev<'answer'>).agentId);
      d.consult!.party = party;
      d.consult!.ring = null;
      d.join(party);
      d.mark('answer', `${d.label(party)} answers the consultation`, undefined, party);
    },
    inviteAnswered: ({ context, event }) => {
      const d = context.d;
      const agentId = (event as Ev<'answer'>).agentId;
      const party = agentParty(agentId);
      d.handled(agentId, d.invite!.ring.ringGroupId);
      d.invite = null;
      d.join(party);
      d.mark('join', `${d.label(party)} joins the conference`, undefined, party);
    },
    contactAnswers: ({ context }) => context.d.mark('answer', 'the contact answers', undefined, CONTACT),
    hold: ({ context, event }) => {
      const e = event as Ev<'hold' | 'unhold'>;
      const hold = e.type === 'hold';
      context.d.held = hold;
      // Hold does not change recording: no rule stops it.
      context.d.mark(hold ? 'hold' : 'unhold', hold ? 'contact on hold' : 'contact off hold', undefined, agentParty(e.agentId));
    },
    warmTransfer: ({ context, event }) => {
      const d = context.d;
      const { agentId, target } = event as Ev<'transfer'>;
      const party = agentParty(agentId);
      // R15: the consultation is not the external portion.
      d.mark('transfer', `${d.label(party)} consults ${d.describe(target)} (warm transfer)`, undefined, party);
      if (isInternal(target)) {
        d.consult = { agentId, target, party: null, ring: d.ringFor(target) };
      } else {
        const outside = outsideParty(target);
        d.consult = { agentId, target, party: outside, ring: null };
        d.join(outside);
      }
    },
    /** A blind transfer: the agent drops at once and the target rings (agent, ring group) or takes the call. */
    blindTransfer: ({ context, event }) => {
      const d = context.d;
      const begins = externalPortionBegins(d, event);
      const { agentId, target } = event as Ev<'transfer'>;
      const party = agentParty(agentId);
      d.mark('transfer', `${d.label(party)} transfers to ${d.describe(target)} (blind)`, undefined, party);
      d.held = false;
      d.leave(party);
      d.controller = null;
      if (isInternal(target)) d.ring = d.ringFor(target);
      else connectOutside(d, target, null);
      // R14/R16: an outside number starts the external portion at once.
      if (begins) beginExternal(d);
    },
    completeTransfer: ({ context, event }) => {
      const d = context.d;
      const begins = externalPortionBegins(d, event);
      const agentId = (event as Ev<'completeTransfer'>).agentId;
      const consult = d.consult!;
      const receiving = consult.party!;
      d.consult = null;
      d.mark('transfer-complete', `warm transfer to ${d.label(receiving)} completed`, undefined, receiving);
      d.held = false;
      d.leave(agentParty(agentId));
      const receivingAgent = agentIdOf(receiving);
      d.controller = null;
      if (receivingAgent) {
        d.handled(receivingAgent, consult.target.type === 'ringGroup' ? consult.target.ringGroupId : null);
        // R12: after a transfer to another agent completes, the receiving agent controls.
        d.setController(receivingAgent);
      }
      // R15: for a warm transfer the external portion begins when it completes.
      if (begins) beginExternal(d);
    },
    cancelTransfer: ({ context, event }) => {
      const d = context.d;
      const consult = d.consult!;
      // R15: a cancelled warm transfer changes nothing.
      d.consult = null;
      if (consult.party) d.leave(consult.party);
      d.mark('transfer-cancel', 'warm transfer cancelled', undefined, agentParty((event as Ev<'cancelTransfer'>).agentId));
    },
    conference: ({ context, event }) => {
      const d = context.d;
      const { agentId, target } = event as Ev<'conference'>;
      d.mark('conference', `${d.agentName(agentId)} adds ${d.describe(target)}`, undefined, agentParty(agentId));
      if (isInternal(target)) d.invite = { agentId, ring: d.ringFor(target) };
      else d.join(outsideParty(target));
    },
    contactHangsUp: ({ context, self }) => {
      context.d.mark('hang-up', 'the contact hangs up', undefined, CONTACT);
      endCall(context.d, null, self.getSnapshot());
    },
    /** The consulted party hangs up: the consultation is over, as if cancelled. */
    consultedHangsUp: ({ context, event }) => {
      const d = context.d;
      const party = (event as Ev<'hangUp'>).party;
      d.consult = null;
      d.leave(party);
      d.mark('leave', `${d.label(party)} hangs up`, undefined, party);
    },
    /** The dialling agent gives up: the outbound call never connected. */
    diallerHangsUp: ({ context, event, self }) => {
      const party = (event as Ev<'hangUp'>).party;
      context.d.leave(party);
      context.d.mark('hang-up', `${context.d.label(party)} hangs up`, undefined, party);
      endCall(context.d, null, self.getSnapshot());
    },
    partyHangsUp: ({ context, event, self }) => {
      const d = context.d;
      const begins = externalPortionBegins(d, event);
      const party = (event as Ev<'hangUp'>).party;
      const agentId = agentIdOf(party);
      if (d.consult?.agentId === agentId) {
        const consulted = d.consult.party;
        d.consult = null;
        if (consulted) d.leave(consulted);
      }
      if (d.invite?.agentId === agentId) d.invite = null;
      d.leave(party);
      d.mark('hang-up', `${d.label(party)} hangs up`, undefined, party);
      if (agentId !== null && d.controller === agentId) {
        // R12: control passes to the agent who joined earliest among those still on the call.
        const next = d.onCall.find((c) => partyKind(c.id) === 'agent');
        d.controller = null;
        if (next) d.setController(agentIdOf(next.id)!);
      }
      // R9: the last party besides the contact hung up.
      if (d.onCall.length === 0) endCall(d, null, self.getSnapshot());
      // R15 (decision): every agent left a conference while an outside party stays with the contact.
      else if (begins) beginExternal(d);
    },

    // --- what the recording is doing ------------------------------------------
    /** A segment opens with the layout that applies now (R17: a Recording node's own, else the settings). */
    segmentOpens: ({ context, event }) => {
      context.d.segmentOpens(event.type === 'rec.node' ? event.channels : context.d.settings.channels.value);
    },
    segmentCloses: ({ context, event }) => context.d.segmentCloses(closeReason(context.d, event)),
    markR7: ({ context, event }) =>
      context.d.mark('recording-on', 'recording starts as the first agent answers (R7)', undefined, agentParty((event as Ev<'answer'>).agentId)),
    markR8: ({ context }) => context.d.mark('recording-on', 'recording starts as the contact answers (R8)'),
    markR31: ({ context, event }) =>
      context.d.mark('recording-on', 'recording starts as the agent joins (R31)', undefined, agentParty((event as Ev<'answer'>).agentId)),
    /** R11/R30: the stretch a pause leaves out of the recording, or fills with silence. */
    pauseBegins: ({ context }) => context.d.log.push({ at: context.d.now, t: 'pauseOn' }),
    pauseEnds: ({ context }) => context.d.log.push({ at: context.d.now, t: 'pauseOff' }),
    markPause: ({ context, event }) => {
      const e = event as Ev<'pause' | 'resume'>;
      const pause = e.type === 'pause';
      // R11: pause closes the open segment; resume opens a new one at call-time positions.
      context.d.mark(pause ? 'pause' : 'resume', pause ? 'recording paused' : 'recording resumed', undefined, agentParty(e.agentId));
    },
    /** R12 (decision): a pause ends when its controlling agent hands the call over by transfer. */
    markHandover: ({ context }) => context.d.mark('resume', 'pause ended by the transfer (R12)'),
  },
});

function ringCandidate(d: CallData, agentId: string): boolean {
  return d.ring?.candidates.includes(agentId) === true && !d.isOn(agentParty(agentId));
}

// ---------------------------------------------------------------------------
// The flow, compiled: one state per node the call can wait at
// ---------------------------------------------------------------------------

/**
 * Compiled and shared pieces of the machine's config. xstate types a config against the whole machine's
 * implementations; pieces built apart are checked when `createMachine` reads them (a wrong action or guard
 * name fails every test), so they are kept as plain objects here.
 */
type Config = Record<string, unknown>;
type Transition = Record<string, unknown>;

/** Both regions leave for `ended`: the segment closes as `recording` is left (R9). */
const END = ['#call.where.ended', '#call.recording.ended'];

/** The flows a call can enter, compiled into the states it can wait in (each node once per frame it is reached in). */
interface CompiledFlow {
  states: Record<string, Config>;
  /** What the call does in each waiting state, and the node it waits at (as people name it). */
  stepOf: Map<string, WaitKind>;
  nodeOf: Map<string, string>;
  /** True when the flow enters other flows (its machine then depends on the workspace's flows). */
  entersFlows: boolean;
  /** How a call begins in the flow: from the entry its number leads to (R4). */
  boot: Transition[];
}

/**
 * Compiles the call's flow, and the flows its flow nodes enter (R28), into states. A state is made for each node
 * the call can wait at, per frame it is reached in, as chains from states already made lead to it.
 */
class FlowCompiler {
  readonly compiled: CompiledFlow = { states: {}, stepOf: new Map(), nodeOf: new Map(), entersFlows: false, boot: [] };
  private readonly keys = new Map<string, string>();
  private readonly pending: Array<{ key: string; frame: Frame; nodeId: string }> = [];
  private readonly flows: Map<string, FlowDoc>;

  constructor(ws: Pick<WorkspaceDoc, 'flows'>) {
    this.flows = new Map(ws.flows.map((f) => [f.id, f]));
  }

  root(ix: FlowIndex): Frame {
    // Stryker disable next-line StringLiteral: the root frame's id only has to differ from entered frames' ids, which all hold a '>'
    const id = '';
    return { ix, prefix: '', id, returnTo: null, flows: [ix.flow.id] };
  }

  /** The state the call waits in at `nodeId` of `frame`, made (later) on first use. */
  stateFor(frame: Frame, nodeId: string): string {
    const id = `${frame.id}\u0000${nodeId}`;
    let key = this.keys.get(id);
    if (key === undefined) {
      // Node ids may hold '.', which xstate reads as a path: states are numbered instead.
      key = `node${this.keys.size}`;
      this.keys.set(id, key);
      this.pending.push({ key, frame, nodeId });
    }
    return key;
  }

  /** Makes every state the call can reach. */
  finish(): CompiledFlow {
    for (let item = this.pending.shift(); item; item = this.pending.shift()) this.makeState(item.key, item.frame, item.nodeId);
    return this.compiled;
  }

  /** Walks from `first` through instant nodes (Start, Recording, flows entered and returned from) to a wait, or to the end. */
  walk(frame: Frame, first: string): Chain {
    const chain: Chain = { steps: [], waitAt: null, why: null };
    let here = frame;
    let id: string | null = first;
    for (let count = 0; ; count++) {
      // A loop that never waits (C4 warns about these): longer than a call may go, so the step limit ends it on the way.
      if (count > CALL_LIMITS.steps) return chain;
      const entry = here.ix.nodes.get(id!);
      if (!entry?.behavior) return { ...chain, why: `the flow has no usable node "${here.prefix}${id}"` };
      const step = entry.behavior.enter(entry.node.data);
      const visit: Extract<ChainStep, { kind: string }> = { nodeId: here.prefix + id, kind: entry.node.kind };
      chain.steps.push(visit);
      if (step.kind === 'end') return { ...chain, why: 'hang-up node' };
      if (step.kind === 'enterFlow') {
        // R28: the call continues in the other flow, from its entry.
        const entered = this.enter(here, id!, step.flowId, step.returnPort);
        if ('code' in entered) return { ...chain, why: `${entered.message}: the call ends`, stop: entered };
        here = entered.frame;
        id = entered.nodeId;
        continue;
      }
      if (step.kind !== 'pass') return { ...chain, waitAt: { frame: here, nodeId: id! } };
      visit.recording = step.recording;
      visit.port = step.port;
      const next = this.leave(here, id!, step.port, chain);
      if (typeof next === 'string') return { ...chain, why: next };
      here = next.frame;
      id = next.nodeId;
    }
  }

  /** The node `port` of `nodeId` leads to; at a flow's end, back in the flow that entered it (R28), else why the call ends. */
  private leave(frame: Frame, nodeId: string, port: string, chain: Chain): { frame: Frame; nodeId: string } | string {
    let here = frame;
    let from = nodeId;
    let by = port;
    for (;;) {
      const next = here.ix.next.get(`${from}\u0000${by}`);
      if (next !== undefined) return { frame: here, nodeId: next };
      // C1: an unconnected port (or one marked endsCall) ends the call, unless an entered flow returns from here.
      if (!here.returnTo) return `port "${by}" of ${here.prefix}${from} leads nowhere: the call ends`;
      const back = here.returnTo;
      chain.steps.push({ nodeId: back.frame.prefix + back.nodeId, port: back.port, returning: true });
      here = back.frame;
      from = back.nodeId;
      by = back.port;
    }
  }

  private enter(frame: Frame, nodeId: string, flowId: string, returnPort: string | null): { frame: Frame; nodeId: string } | Omit<FlowStopped, 'at'> {
    this.compiled.entersFlows = true;
    const flow = this.flows.get(flowId);
    const stop = (code: FlowStopped['code'], message: string) => ({ code, nodeId: frame.prefix + nodeId, flowId, message });
    if (!flow) return stop('unknown-flow', `the flow "${flowId}" is not in the workspace`);
    if (frame.flows.includes(flowId)) return stop('C1-flow-loop', `the flows enter each other in a loop (${[...frame.flows, flowId].join(' → ')})`);
    const ix = indexFlow(flow);
    const start = flow.nodes.find((n) => isEntry(n));
    if (!start) return stop('C1-no-start', `the flow "${flowId}" has no Start`);
    const callers = returnPort === null ? frame.returnTo : { frame, nodeId, port: returnPort };
    const into: Frame = {
      ix,
      prefix: `${frame.prefix}${flowId}/`,
      // A node enters one flow with one return port: the node tells the frames a frame enters apart.
      id: `${frame.id}${nodeId}>${flowId}/`,
      returnTo: callers,
      flows: [...frame.flows, flowId],
    };
    return { frame: into, nodeId: start.id };
  }

  /** Leaving `from` by `port`. */
  leaving(frame: Frame, from: string, port: string): Chain {
    const chain: Chain = { steps: [], waitAt: null, why: null };
    const next = this.leave(frame, from, port, chain);
    if (typeof next === 'string') return { ...chain, why: next };
    const rest = this.walk(next.frame, next.nodeId);
    return { ...rest, steps: [...chain.steps, ...rest.steps] };
  }

  /**
   * The call follows `chain` (when `guard`, a key, a choice or a start, holds) to the node it waits at or to its
   * end; unless the chain would take it past the per-call step limit (limits.ts): then it ends there.
   */
  transitions(chain: Chain, from: Leaving | null, guard?: Transition['guard']): Transition[] {
    const flat = { ...chain, waitAt: null };
    const overLimit = { type: 'overStepLimit', params: { steps: chain.steps.length } };
    // R5/R6: the `recording` region hears of a Recording node on the way; a chain without one skips the raising.
    const recording = chain.steps.some((s) => s.recording);
    const actions = { type: recording ? 'followRecording' : 'follow', params: { from, chain: flat } };
    const go: Transition =
      chain.waitAt === null ? { target: END, actions } : { target: `#${this.stateFor(chain.waitAt.frame, chain.waitAt.nodeId)}`, reenter: true, actions };
    return [
      { guard: guard ? and([guard as never, overLimit]) : overLimit, target: END, actions: { type: 'followToLimit', params: { from, chain: flat } } },
      guard ? { guard, ...go } : go,
    ];
  }

  private makeState(key: string, frame: Frame, nodeId: string): void {
    const { behavior, node } = frame.ix.nodes.get(nodeId)!;
    const step = behavior!.enter(node.data) as Waiting;
    const shown = frame.prefix + nodeId;
    this.compiled.stepOf.set(key, step.kind);
    this.compiled.nodeOf.set(key, shown);
    const seconds =
      step.kind === 'prompt' ? step.seconds : step.kind === 'takeMessage' ? step.maxLengthSeconds : step.kind === 'enqueue' ? step.maxWaitSeconds : step.timeoutSeconds;
    const on: Record<string, Transition | Transition[]> = {};
    const leavingBy = (port: string, timer: boolean): Leaving => ({ nodeId: shown, port, timer, kind: step.kind });
    if (behavior!.press) {
      // The keys that lead somewhere, grouped by the port they leave by; any other key is refused.
      const byPort = new Map<string, string[]>();
      for (const digit of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#']) {
        const port = behavior!.press(node.data, digit);
        if (port === null) continue;
        const digits = byPort.get(port);
        if (digits) digits.push(digit);
        else byPort.set(port, [digit]);
      }
      on.press = [
        ...[...byPort].flatMap(([port, digits]) =>
          this.transitions(this.leaving(frame, nodeId, port), leavingBy(port, false), { type: 'digitIs', params: { digits } }),
        ),
        { actions: 'refuseKey' },
      ];
    }
    if (behavior!.choose) {
      // R25–R27: each option the node offers (a behaviour that chooses waits with options) leaves by the port its
      // behaviour names for it; anything else is refused.
      const { options } = step as Extract<Waiting, { kind: 'enqueue' | 'choose' }>;
      on.choose = [
        ...options.flatMap((o) => {
          const port = behavior!.choose!(node.data, o.value)!;
          return this.transitions(this.leaving(frame, nodeId, port), leavingBy(port, false), { type: 'optionIs', params: { option: o.value } });
        }),
        { actions: 'refuseChoice' },
      ];
    }
    if (step.kind === 'ring' || step.kind === 'enqueue') {
      on.answer = [{ guard: 'ringCandidate', target: '#call.where.agent', actions: 'answerRing' }, { actions: 'refuseNotRung' }];
      on.outsideAnswer = { actions: 'refuseNoOutsideRing' };
    }
    if (step.kind === 'dial') {
      // An extension (R13) is talked to as an outside party too: no agent is on the call.
      on.outsideAnswer = { target: '#call.where.outside', actions: 'outsideAnswers' };
      on.answer = { actions: 'refuseNotRung' };
    }
    if (seconds !== null) {
      // A node that waits with a timer names the port its timer leaves by (every kind's behaviour does).
      const port = behavior!.timeout!(node.data)!;
      on['call.timer'] = this.transitions(this.leaving(frame, nodeId, port), leavingBy(port, true));
    }
    this.compiled.states[key] = { id: key, entry: { type: 'enterNode', params: { nodeId: shown, step, seconds } satisfies NodeEntry }, on };
  }
}

// ---------------------------------------------------------------------------
// The machine
// ---------------------------------------------------------------------------

/** R10 in a recording state: every refusal checked in order, else `then`. */
function pauseIn(recording: RecordingState, then?: Transition): never {
  const refuse = { type: 'refusePause', params: { recording } };
  return (then ? [{ guard: { type: 'pauseRefused', params: { recording } }, actions: refuse }, then] : [{ actions: refuse }]) as never;
}

/** R14: the events that can begin the external portion, in a recording state that then stops (`extra` first). */
function externalStops(extra: Partial<Record<'transfer' | 'completeTransfer', Transition>> = {}): Record<string, never> {
  const stop = { guard: 'externalStops', target: 'stopped' } as Transition;
  return {
    transfer: extra.transfer ? [stop, extra.transfer] : stop,
    completeTransfer: extra.completeTransfer ? [stop, extra.completeTransfer] : stop,
    outsideAnswer: stop,
    hangUp: stop,
  } as unknown as Record<string, never>;
}

/** The contact talking with agents or outside parties: one set of transitions for the four arrangements. */
const TALKING: Record<string, Transition | Transition[]> = {
  hold: [{ guard: 'holdRefused', actions: 'refuseHold' }, { actions: 'hold' }],
  unhold: [{ guard: 'holdRefused', actions: 'refuseHold' }, { actions: 'hold' }],
  answer: [
    { guard: 'consultCandidate', actions: 'consultAnswered' },
    { guard: 'inviteCandidate', target: 'conference', actions: 'inviteAnswered' },
    { actions: 'refuseNotRung' },
  ],
  transfer: [
    { guard: 'transferRefused', actions: 'refuseTransfer' },
    { guard: 'warm', target: 'consultation', actions: 'warmTransfer' },
    { guard: 'internalTarget', target: 'ringing', actions: 'blindTransfer' },
    { target: 'outside', actions: 'blindTransfer' },
  ],
  // A transfer starts from a call with one agent, so completing it leaves the receiving party alone with the contact.
  completeTransfer: [
    { guard: { type: 'consultRefused', params: { complete: true } }, actions: { type: 'refuseConsult', params: { complete: true } } },
    { guard: 'toAgent', target: 'agent', actions: 'completeTransfer' },
    { target: 'outside', actions: 'completeTransfer' },
  ],
  cancelTransfer: [
    { guard: { type: 'consultRefused', params: { complete: false } }, actions: { type: 'refuseConsult', params: { complete: false } } },
    { target: 'agent', actions: 'cancelTransfer' },
  ],
  conference: [
    { guard: 'conferenceRefused', actions: 'refuseConference' },
    // Agents and ring groups ring first and join on `answer`.
    { guard: 'internalTarget', actions: 'conference' },
    { target: 'conference', actions: 'conference' },
  ],
  hangUp: [
    { guard: 'isContact', target: END, actions: 'contactHangsUp' },
    { guard: 'consultedParty', target: 'agent', actions: 'consultedHangsUp' },
    { guard: 'notOnCall', actions: 'refuseNotOnCall' },
    { guard: 'leavesNobody', target: END, actions: 'partyHangsUp' },
    { guard: 'leavesNoAgent', target: 'outside', actions: 'partyHangsUp' },
    { guard: 'leavesSeveral', target: 'conference', actions: 'partyHangsUp' },
    { target: 'agent', actions: 'partyHangsUp' },
  ],
} as Record<string, Transition | Transition[]>;

const talking = (phase: PhaseKind): Config => ({ entry: { type: 'where', params: { text: WHERE_TEXT.talking, phase } }, on: TALKING }) as Config;

const compiledCache = new WeakMap<FlowIndex, { ws: unknown; compiled: CompiledFlow }>();

/** The flow compiled into states (once per flow, or per flow and workspace when it enters other flows). */
function compileFlow(ix: FlowIndex, ws: Pick<WorkspaceDoc, 'flows'>): CompiledFlow {
  const cached = compiledCache.get(ix);
  if (cached && (!cached.compiled.entersFlows || cached.ws === ws)) return cached.compiled;
  const compiler = new FlowCompiler(ws);
  const root = compiler.root(ix);
  for (const node of ix.flow.nodes) {
    if (isEntry(node)) compiler.compiled.boot.push(...compiler.transitions(compiler.walk(root, node.id), null, { type: 'startsAt', params: { nodeId: node.id } }));
  }
  const compiled = compiler.finish();
  compiledCache.set(ix, { ws, compiled });
  return compiled;
}

function bootTransitions(compiled: CompiledFlow | null): Transition[] {
  return [{ guard: 'outbound', target: 'dialling', actions: 'bootOutbound' }, ...(compiled?.boot ?? []), { target: 'ringing', actions: 'bootNoFlow' }];
}

function buildMachine(compiled: CompiledFlow | null) {
  return callSetup.createMachine({
    id: 'call',
    context: ({ input }) => ({ d: input.data }),
    type: 'parallel',
    states: {
      where: {
        initial: 'boot',
        on: {
          // Per-call limit (limits.ts): the session sends this when the clock reaches the time limit.
          'call.limit': { target: END, actions: 'stopAtTimeLimit' },
          // R9: outside a conversation only the contact can hang up; nobody else is on the call.
          hangUp: [{ guard: 'isContact', target: END, actions: 'contactHangsUp' }, { actions: 'refuseNotOnCall' }],
          // R10: pause and resume are judged by the recording region wherever the call is (not refused here).
          '*': { guard: 'refusedHere', actions: 'refuseHere' },
        },
        states: {
          // Waits for `call.begin`: the machine's start runs no action, so its first snapshot is made once per
          // machine (runner.ts); the call's first steps run on `call.begin`, with the call's own data.
          boot: { on: { 'call.begin': bootTransitions(compiled) as never } },
          ...((compiled?.states ?? {}) as Record<string, never>),
          ringing: {
            entry: { type: 'where', params: { text: WHERE_TEXT.ringing, phase: 'ringing' } },
            on: { answer: [{ guard: 'ringCandidate', target: 'agent', actions: 'answerRing' }, { actions: 'refuseNotRung' }] },
          },
          dialling: {
            entry: { type: 'where', params: { text: WHERE_TEXT.dialling, phase: 'dialling' } },
            on: {
              contactAnswer: { target: 'agent', actions: 'contactAnswers' },
              hangUp: [
                { guard: 'isContact', target: END, actions: 'contactHangsUp' },
                { guard: 'isOnCall', target: END, actions: 'diallerHangsUp' },
                { actions: 'refuseNotOnCall' },
              ],
            },
          },
          ...(Object.fromEntries(TALKING_STATES.map((phase) => [phase, talking(phase)])) as Record<string, never>),
          // Not `final`: a done actor would drop later actions instead of refusing them.
          ended: {
            on: { pause: { actions: 'refuseEnded' }, resume: { actions: 'refuseEnded' }, '*': { guard: 'isCallAction', actions: 'refuseEnded' } },
          },
        },
      },
      recording: {
        initial: 'pending',
        states: {
          // No Recording node ran and no default decided yet (R7, R8).
          pending: {
            on: {
              'rec.node': [{ guard: 'nodeWaitsForAgent', target: 'armed' }, { guard: 'nodeOn', target: 'recording' }, { target: 'off' }],
              // R7: recording starts when the first agent answers, if the effective inbound setting is on.
              answer: [
                { guard: 'answerRecords', target: 'recording', actions: 'markR7' },
                { guard: 'ringCandidate', target: 'off' },
              ],
              // R8: outbound recording starts when the contact answers, if the effective outbound setting (R4) is on.
              contactAnswer: [
                { guard: 'contactAnswerRecords', target: 'recording', actions: 'markR8' },
                { guard: 'outbound', target: 'off' },
              ],
              ...externalStops(),
              pause: pauseIn('pending'),
              resume: pauseIn('pending'),
            },
          },
          // R31: a Recording node turned recording on, and the platform records from the moment an agent joins.
          armed: {
            on: {
              'rec.node': [{ guard: 'nodeOff', target: 'off' }, { guard: 'nodeWaitsForAgent' }, { target: 'recording' }],
              answer: { guard: 'ringCandidate', target: 'recording', actions: 'markR31' },
              ...externalStops(),
              pause: pauseIn('armed'),
              resume: pauseIn('armed'),
            },
          },
          recording: {
            entry: 'segmentOpens',
            exit: 'segmentCloses',
            on: {
              // R6: a Recording node (off) stops recording; one that is on changes nothing (the segment goes on).
              'rec.node': { guard: 'nodeOff', target: 'off' },
              // R14: with continue-on-external-transfer off, nothing after the external portion's start is recorded.
              ...externalStops(),
              pause: pauseIn('recording', { target: 'paused', actions: 'markPause' } as Transition),
              resume: pauseIn('recording'),
            },
          },
          // R11: paused audio is left out (or, R30, replaced by silence); the gap stays visible at its call-time position.
          paused: {
            entry: 'pauseBegins',
            exit: 'pauseEnds',
            on: {
              'rec.node': { guard: 'nodeOff', target: 'off' },
              // R12 (decision): the pause ends when the controlling agent hands the call over by transfer.
              ...externalStops({
                transfer: { guard: 'handsOver', target: 'recording', actions: 'markHandover' } as Transition,
                completeTransfer: { guard: 'handsOver', target: 'recording', actions: 'markHandover' } as Transition,
              }),
              resume: pauseIn('paused', { target: 'recording', actions: 'markPause' } as Transition),
              pause: pauseIn('paused'),
            },
          },
          // R6, or the default decided against recording: only a later Recording node turns it on.
          off: {
            on: {
              'rec.node': [{ guard: 'nodeWaitsForAgent', target: 'armed' }, { guard: 'nodeOn', target: 'recording' }],
              ...externalStops(),
              pause: pauseIn('off'),
              resume: pauseIn('off'),
            },
          },
          // R14: past the external portion with continue-on-external-transfer off: nothing more is recorded.
          stopped: { on: { pause: pauseIn('stopped'), resume: pauseIn('stopped') } },
          ended: {},
        },
      },
    },
  });
}

export type CallMachine = ReturnType<typeof buildMachine>;

const machineCache = new WeakMap<CompiledFlow, CallMachine>();
let noFlowMachine: CallMachine | null = null;

/** The call machine for calls through `ix` in `ws` (compiled once per flow), or for calls that run no flow. */
export function callMachineFor(ix: FlowIndex | null, ws: Pick<WorkspaceDoc, 'flows'>): CallMachine {
  if (!ix) {
    noFlowMachine ??= buildMachine(null);
    return noFlowMachine;
  }
  const compiled = compileFlow(ix, ws);
  let machine = machineCache.get(compiled);
  if (!machine) {
    machine = buildMachine(compiled);
    machineCache.set(compiled, machine);
  }
  return machine;
}

/**
 * The machine's state value as one line for people, e.g. `where: agent · recording: paused`; a flow
 * node's state is named by what the call does there and the node, e.g. `where: menu "main-menu"`.
 */
export function describeState(value: unknown, d: CallData): string {
  const { where, recording } = value as { where: string; recording: string };
  const compiled = d.flowIx ? compileFlow(d.flowIx, d.ws) : null;
  const node = compiled?.nodeOf.get(where);
  return `where: ${node === undefined ? where : `"${node}" (${WHERE_TEXT[compiled!.stepOf.get(where)!]})`} · recording: ${recording}`;
}

/** Reads the two regions' states from a snapshot value. */
export function readState(value: unknown, d: CallData): { where: WhereView; recording: RecordingState } {
  const { where, recording } = value as { where: string; recording: string };
  if (where === 'ended') return { where: { area: 'ended', step: null }, recording: d.recordingAtEnd };
  const step = d.flowIx ? (compileFlow(d.flowIx, d.ws).stepOf.get(where) ?? null) : null;
  const area: WhereView['area'] = step
    ? 'flow'
    : (TALKING_STATES as readonly string[]).includes(where)
      ? 'talking'
      : (where as WhereView['area']);
  return { where: { area, step }, recording: recording as RecordingState };
}
