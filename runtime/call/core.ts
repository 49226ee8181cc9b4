/**
 * The state of one call and the recording rules applied to it (R5–R20).
 *
 * The xstate machine in `machine.ts` decides which events each lifecycle
 * state accepts and owns the timers (on a SimulatedClock); this class holds
 * the call's data and carries out each accepted event. It is mutated in
 * place and writes a compact append-only log; `result.ts` derives segments,
 * voicemails and the timeline from that log, so nothing big is copied per
 * event (history and step-back replay from the actions instead).
 */
import { isExternalTarget, type TransferTarget } from '../../nodes/kind.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import type { ConnectTarget, NodeStep, RingTarget } from './behavior.ts';
import { type FlowIndex, indexFlow, indexWorkspace, startNodeFor, type WorkspaceIndex } from './lookup.ts';
import { CALL_LIMITS, type CallLimitName, limitReached } from './limits.ts';
import { agentIdOf, agentParty, CONTACT, outsideParty, partyKind, partyLabel } from './parties.ts';
import { callNumberId, type RecordingNodeRun, resolveSettings } from './settings.ts';
import type {
  AvailableAction,
  CallAction,
  CallStart,
  ChannelLayout,
  Choice,
  EffectiveSettings,
  LimitReached,
  Marker,
  MarkerKind,
  PartyId,
  PartyInfo,
  PhaseKind,
  Rejection,
  RejectionCode,
  SegmentEndReason,
  TargetChoice,
  VoicemailRecording,
} from './types.ts';

/** The lifecycle state the machine should be in; the names of `machine.ts`'s states. */
export type StateKey =
  | 'playing'
  | 'menu'
  | 'menuNoTimeout'
  | 'voicemail'
  | 'ringing'
  | 'ringingNoTimeout'
  | 'dialling'
  | 'talking'
  | 'ended';

/** An action with the time it happens: the events the machine receives. */
export type TimedAction = CallAction & { at: number };

/** One entry of the compact call log. */
export type LogEntry =
  | { at: number; t: 'phase'; phase: PhaseKind; nodeId: string | null; parties: PartyId[] }
  | { at: number; t: 'join'; party: PartyId }
  | { at: number; t: 'leave'; party: PartyId }
  | { at: number; t: 'recOn'; channels: ChannelLayout }
  | { at: number; t: 'recOff'; reason: SegmentEndReason }
  | { at: number; t: 'end' };

interface Connected {
  id: PartyId;
  joinedAt: number;
}

interface Ring {
  candidates: string[];
  ringGroupId: string | null;
}

interface FlowWait {
  kind: 'play' | 'menu' | 'voicemail' | 'ring';
  nodeId: string;
  port: string | null;
}

const MAX_PARTIES = 8;

export class CallCore {
  readonly ws: WorkspaceDoc;
  readonly wsIx: WorkspaceIndex;
  readonly flowIx: FlowIndex | null;
  readonly start: CallStart;
  readonly contactNumber: string;

  now = 0;
  key: StateKey = 'ended';
  /** When the running timer falls due (seconds), or null. */
  timerAt: number | null = null;
  nodeId: string | null = null;
  readonly path: string[] = [];
  readonly log: LogEntry[] = [];
  /** Timeline markers, in time order (kept apart from the log: the result hands them out as they are). */
  readonly markers: Marker[] = [];
  readonly rejections: Rejection[] = [];
  /** Set when an action changed the lifecycle state or its timer; the machine re-routes and clears it. */
  rerouteNeeded = false;
  /** The outcome of the last handled event: null when accepted. */
  lastRejection: Rejection | null = null;

  private wait: FlowWait | null = null;
  private menuDigits: Choice[] = [];
  private ring: (Ring & { fromFlow: boolean }) | null = null;
  /** A flow Transfer node ringing an extension or outside number. */
  private outsideRing: ConnectTarget | null = null;
  private readonly onCall: Connected[] = [];
  private consult: { agentId: string; target: TransferTarget; party: PartyId | null; ring: Ring | null } | null = null;
  private invite: { agentId: string; ring: Ring } | null = null;
  private controller: string | null = null;
  private held = false;
  private dialling = false;

  private readonly recordingRuns: RecordingNodeRun[] = [];
  settings: EffectiveSettings;
  /** R5/R7/R8 turned recording on; R6 off. */
  private recOn = false;
  private defaultSettled = false;
  private paused = false;
  /** R14: continue-on-external is off and the external portion began. */
  private externalStopped = false;
  externalAt: number | null = null;
  private segOpen = false;
  private vm: { nodeId: string; start: number; max: number } | null = null;
  readonly voicemails: VoicemailRecording[] = [];
  readonly handledAgents = new Set<string>();
  readonly handledGroups = new Set<string>();
  ended = false;
  endedAt: number | null = null;
  /** Set when a per-call limit ended the call. */
  limitReached: LimitReached | null = null;
  private phaseKind: PhaseKind | null = null;
  private phaseNode: string | null = null;

  constructor(ws: WorkspaceDoc, flow: FlowDoc | undefined, start: CallStart) {
    this.ws = ws;
    this.wsIx = indexWorkspace(ws);
    this.start = start;
    this.contactNumber = start.direction === 'inbound' ? start.callerNumber : start.contactNumber;
    this.settings = resolveSettings(ws, start, this.recordingRuns);
    let chosen = flow;
    if (!chosen && start.direction === 'inbound') {
      const flowId = ws.numbers.find((n) => n.id === start.numberId)?.flowId;
      if (flowId) chosen = ws.flows.find((f) => f.id === flowId);
    }
    // R8: flows do not run on outbound calls.
    this.flowIx = chosen && start.direction === 'inbound' ? indexFlow(chosen) : null;
  }

  /** Runs the call from t = 0 up to its first wait. */
  begin(): void {
    const start = this.start;
    if (start.direction === 'outbound') {
      this.dialling = true;
      this.join(agentParty(start.agentId));
      this.controller = start.agentId;
      this.handledAgents.add(start.agentId);
    } else {
      const startNode = this.flowIx ? startNodeFor(this.flowIx, start.numberId) : null;
      if (startNode) this.runFrom(startNode);
      else {
        // R7: a call with no flow goes straight to the agents.
        this.ring = { candidates: [...this.wsIx.agents.keys()], ringGroupId: null, fromFlow: false };
        this.mark('node', 'no flow: ringing every agent');
      }
    }
    this.settle();
  }

  // -------------------------------------------------------------------------
  // Event handling (called by the machine)
  // -------------------------------------------------------------------------

  /** Carries out an event the current state accepts; returns whether the state or its timer changed. */
  handle(ev: TimedAction): boolean {
    const beforeKey = this.key;
    const beforeTimer = this.timerAt;
    this.now = ev.at;
    this.lastRejection = null;
    switch (ev.type) {
      case 'press':
        this.press(ev, ev.digit);
        break;
      case 'answer':
        this.answer(ev, ev.agentId);
        break;
      case 'contactAnswer':
        this.contactAnswer();
        break;
      case 'outsideAnswer':
        this.outsideAnswer(ev);
        break;
      case 'hold':
      case 'unhold':
        this.hold(ev, ev.agentId, ev.type === 'hold');
        break;
      case 'pause':
      case 'resume':
        this.pauseResume(ev, ev.agentId, ev.type === 'pause');
        break;
      case 'transfer':
        this.transfer(ev, ev.agentId, ev.mode, ev.target);
        break;
      case 'completeTransfer':
      case 'cancelTransfer':
        this.endConsult(ev, ev.agentId, ev.type === 'completeTransfer');
        break;
      case 'conference':
        this.conference(ev, ev.agentId, ev.target);
        break;
      case 'hangUp':
        this.hangUp(ev, ev.party);
        break;
      case 'wait':
        break;
    }
    this.settle();
    const changed = this.key !== beforeKey || this.timerAt !== beforeTimer;
    if (changed) this.rerouteNeeded = true;
    return changed;
  }

  /** The running timer fell due (the machine calls this from its delayed transition). */
  fireTimer(): void {
    const at = this.timerAt;
    const wait = this.wait;
    if (at === null || !wait) return;
    this.now = at;
    this.timerAt = null;
    this.rerouteNeeded = true;
    this.mark('timer', `${wait.kind} timer`, wait.nodeId);
    if (wait.kind === 'voicemail') this.closeVoicemail('max-length');
    if (wait.kind === 'ring') {
      this.ring = null;
      this.outsideRing = null;
    }
    const port = this.behaviorTimeout(wait.nodeId);
    this.wait = null;
    if (port === null) this.endCall('the flow ended the call');
    else this.follow(wait.nodeId, port);
    this.settle();
  }

  /**
   * Ends the call because it reached a per-call limit (limits.ts). Called from here for the step limit and by
   * the session for the time limit; kept apart from the rules so the lifecycle code need not know the limits.
   */
  stopAtLimit(limit: CallLimitName): void {
    if (this.ended) return;
    this.limitReached = limitReached(limit, this.now);
    this.endCall(this.limitReached.message);
    this.rerouteNeeded = true;
    this.settle();
  }

  /** Records a refusal of an event the current state does not accept. */
  refuse(ev: TimedAction, code: RejectionCode, message?: string): void {
    this.now = ev.at;
    this.reject(ev, code, message ?? defaultMessage(code, ev, this.key));
  }

  private reject(ev: TimedAction, code: RejectionCode, message: string): void {
    const { at, ...rest } = ev;
    const rejection: Rejection = { at, action: rest as CallAction, code, message };
    this.rejections.push(rejection);
    this.lastRejection = rejection;
    this.markers.push({ at, kind: 'refusal', label: message });
  }

  // -------------------------------------------------------------------------
  // Flow
  // -------------------------------------------------------------------------

  private runFrom(nodeId: string): void {
    const ix = this.flowIx!;
    let id: string | null = nodeId;
    while (id !== null) {
      // Per-call limit (limits.ts): a flow that loops, with or without waiting, ends at the step limit.
      if (this.path.length >= CALL_LIMITS.steps) {
        this.stopAtLimit('steps');
        return;
      }
      const entry = ix.nodes.get(id);
      if (!entry?.behavior) {
        this.endCall(`the flow has no usable node "${id}"`);
        return;
      }
      this.nodeId = id;
      this.path.push(id);
      this.markers.push({ at: this.now, kind: 'node', label: `${entry.node.kind} ${id}`, nodeId: id });
      const step: NodeStep = entry.behavior.enter(entry.node.data);
      id = this.takeStep(id, step);
    }
  }

  /** Carries out a behaviour's step; returns the next node to run at once, or null when the call waits or ended. */
  private takeStep(nodeId: string, step: NodeStep): string | null {
    switch (step.kind) {
      case 'next':
        if (step.recording) this.recordingNode(nodeId, step.recording);
        return this.nextNode(nodeId, step.port);
      case 'play':
        this.startWait({ kind: 'play', nodeId, port: step.port }, step.seconds);
        return null;
      case 'menu':
        this.menuDigits = step.digits;
        this.startWait({ kind: 'menu', nodeId, port: null }, step.timeoutSeconds);
        return null;
      case 'voicemail':
        // R19: a separate recording of the caller, whatever the call recording settings say.
        this.vm = { nodeId, start: this.now, max: step.maxLengthSeconds };
        this.mark('recording-on', 'voicemail recording starts', nodeId);
        this.startWait({ kind: 'voicemail', nodeId, port: null }, step.maxLengthSeconds);
        return null;
      case 'ring':
        this.ring = { ...this.ringFor(step.target), fromFlow: true };
        this.startWait({ kind: 'ring', nodeId, port: step.noAnswerPort }, step.timeoutSeconds);
        return null;
      case 'connect':
        this.outsideRing = step.target;
        this.startWait({ kind: 'ring', nodeId, port: step.noAnswerPort }, step.timeoutSeconds);
        return null;
      case 'end':
        this.endCall('hang-up node');
        return null;
    }
  }

  private nextNode(nodeId: string, port: string): string | null {
    const target = this.flowIx!.next.get(`${nodeId}\u0000${port}`);
    if (target === undefined) {
      // C1: an unconnected port (or one marked endsCall) ends the call.
      this.endCall(`port "${port}" of ${nodeId} leads nowhere: the call ends`);
      return null;
    }
    return target;
  }

  private follow(nodeId: string, port: string): void {
    const next = this.nextNode(nodeId, port);
    if (next !== null) this.runFrom(next);
  }

  private startWait(wait: FlowWait, seconds: number | null): void {
    this.wait = wait;
    this.timerAt = seconds === null ? null : this.now + seconds;
  }

  private leaveFlow(): void {
    this.wait = null;
    this.timerAt = null;
    this.nodeId = null;
  }

  private behaviorTimeout(nodeId: string): string | null {
    const entry = this.flowIx?.nodes.get(nodeId);
    return entry?.behavior?.timeout ? entry.behavior.timeout(entry.node.data) : null;
  }

  /** R5/R6/R3: a Recording node ran. */
  private recordingNode(nodeId: string, data: RecordingNodeRun['data']): void {
    this.recordingRuns.push({ nodeId, data });
    this.settings = resolveSettings(this.ws, this.start, this.recordingRuns);
    // R6: once any Recording node ran, the R7 default no longer applies.
    this.defaultSettled = true;
    const on = data.record === 'on';
    this.recOn = on;
    this.mark(on ? 'recording-on' : 'recording-off', on ? 'Recording node: record on' : 'Recording node: record off', nodeId);
    this.sync('recording-off');
  }

  // -------------------------------------------------------------------------
  // Actions
  // -------------------------------------------------------------------------

  private press(ev: TimedAction, digit: string): void {
    const wait = this.wait;
    const entry = wait ? this.flowIx?.nodes.get(wait.nodeId) : undefined;
    const port = entry?.behavior?.press ? entry.behavior.press(entry.node.data, digit) : null;
    if (!wait || port === null) {
      this.reject(ev, 'not-available', `Key ${digit} means nothing here.`);
      return;
    }
    this.mark('node', `caller pressed ${digit}`, wait.nodeId);
    if (wait.kind === 'voicemail') this.closeVoicemail('finished');
    this.wait = null;
    this.timerAt = null;
    this.follow(wait.nodeId, port);
  }

  private answer(ev: TimedAction, agentId: string): void {
    const party = agentParty(agentId);
    // A warm transfer's consultation or a conference invitation ringing an agent.
    if (this.consult?.ring?.candidates.includes(agentId)) {
      this.consult.party = party;
      this.consult.ring = null;
      this.join(party);
      this.mark('answer', `${this.label(party)} answers the consultation`, undefined, party);
      return;
    }
    if (this.invite?.ring.candidates.includes(agentId)) {
      this.handled(agentId, this.invite.ring.ringGroupId);
      this.invite = null;
      this.join(party);
      this.mark('join', `${this.label(party)} joins the conference`, undefined, party);
      return;
    }
    const ring = this.ring;
    if (!ring?.candidates.includes(agentId) || this.isOn(party)) {
      this.reject(ev, 'unknown-party', `${this.wsIx.agents.get(agentId)?.name ?? agentId} is not being rung by this call.`);
      return;
    }
    this.ring = null;
    if (ring.fromFlow) this.leaveFlow();
    this.held = false;
    this.join(party);
    this.handled(agentId, ring.ringGroupId);
    this.mark('answer', `${this.label(party)} answers`, undefined, party);
    // R12: the first agent to answer controls; after a blind transfer the receiving agent does.
    if (this.controller === null) this.setController(agentId);
    if (!this.defaultSettled) {
      this.defaultSettled = true;
      // R7: no Recording node ran, so recording starts when the first agent answers, if the inbound setting is on.
      if (this.settings.record.value) {
        this.recOn = true;
        this.mark('recording-on', 'recording starts as the first agent answers (R7)', undefined, party);
      }
    }
    this.sync('hang-up');
  }

  private contactAnswer(): void {
    this.dialling = false;
    // R8 is the outbound default; R7 (first agent answers) never applies to an outbound call.
    this.defaultSettled = true;
    this.mark('answer', 'the contact answers', undefined, CONTACT);
    // R8: outbound recording starts when the contact answers, if the effective outbound setting (R4) is on.
    if (this.settings.record.value) {
      this.recOn = true;
      this.mark('recording-on', 'recording starts as the contact answers (R8)');
    }
    this.sync('hang-up');
  }

  private outsideAnswer(ev: TimedAction): void {
    const target = this.outsideRing;
    if (!target) {
      this.reject(ev, 'not-available', 'No extension or outside number is being rung.');
      return;
    }
    this.outsideRing = null;
    // R16: the flow's transfer completes when the outside party answers.
    this.connectOutside(target, this.nodeId);
    this.sync('hang-up');
  }

  private hold(ev: TimedAction, agentId: string, hold: boolean): void {
    if (!this.isOn(agentParty(agentId))) {
      this.reject(ev, 'unknown-party', `${this.agentName(agentId)} is not on the call.`);
      return;
    }
    if (this.held === hold) {
      this.reject(ev, 'not-available', hold ? 'The contact is already on hold.' : 'The contact is not on hold.');
      return;
    }
    this.held = hold;
    // Hold does not change recording: no rule stops it.
    this.mark(hold ? 'hold' : 'unhold', hold ? 'contact on hold' : 'contact off hold', undefined, agentParty(agentId));
  }

  /** R10 check order: settings, controlling agent, recording running, pause state. */
  pauseRefusal(agentId: string, pause: boolean): { code: RejectionCode; message: string } | null {
    if (this.key === 'ended') return { code: 'call-ended', message: 'The call has ended.' };
    if (!this.settings.agentPause.value) {
      return { code: 'not-allowed-by-settings', message: 'Agent-initiated pause is not enabled for this call.' };
    }
    if (this.controller !== agentId) {
      return { code: 'not-controlling-agent', message: `${this.agentName(agentId)} does not control the recording of this call.` };
    }
    if (!this.recOn || this.externalStopped) return { code: 'not-recording', message: 'The call is not being recorded.' };
    if (pause && this.paused) return { code: 'already-paused', message: 'The recording is already paused.' };
    if (!pause && !this.paused) return { code: 'not-paused', message: 'The recording is not paused.' };
    return null;
  }

  private pauseResume(ev: TimedAction, agentId: string, pause: boolean): void {
    const refusal = this.pauseRefusal(agentId, pause);
    if (refusal) {
      this.reject(ev, refusal.code, refusal.message);
      return;
    }
    // R11: pause closes the open segment; resume opens a new one at call-time positions.
    this.paused = pause;
    this.mark(pause ? 'pause' : 'resume', pause ? 'recording paused' : 'recording resumed', undefined, agentParty(agentId));
    this.sync('paused');
  }

  private transfer(ev: TimedAction, agentId: string, mode: 'blind' | 'warm', target: TransferTarget): void {
    const party = agentParty(agentId);
    const problem =
      this.handOverProblem(agentId, target) ??
      (this.onCall.length !== 1 || this.invite ? 'A transfer needs a call between the contact and one agent only.' : null);
    if (problem) {
      this.reject(ev, this.isOn(party) ? 'not-available' : 'unknown-party', problem);
      return;
    }
    const label = this.describe(target);
    if (mode === 'warm') {
      // R15: the consultation is not the external portion.
      this.mark('transfer', `${this.label(party)} consults ${label} (warm transfer)`, undefined, party);
      if (target.type === 'agent' || target.type === 'ringGroup') {
        this.consult = { agentId, target, party: null, ring: this.ringFor(target) };
      } else {
        const outside = outsideParty(target);
        this.consult = { agentId, target, party: outside, ring: null };
        this.join(outside);
      }
      return;
    }
    this.mark('transfer', `${this.label(party)} transfers to ${label} (blind)`, undefined, party);
    this.endPauseByTransfer();
    this.held = false;
    this.leave(party);
    this.controller = null;
    if (target.type === 'agent' || target.type === 'ringGroup') {
      this.ring = { ...this.ringFor(target), fromFlow: false };
    } else {
      this.connectOutside(target, null);
    }
    this.sync('hang-up');
  }

  private endConsult(ev: TimedAction, agentId: string, complete: boolean): void {
    const consult = this.consult;
    if (!consult || consult.agentId !== agentId) {
      this.reject(ev, consult ? 'unknown-party' : 'not-available', consult ? `${this.agentName(agentId)} is not consulting.` : 'No warm transfer is in progress.');
      return;
    }
    if (!complete) {
      // R15: a cancelled warm transfer changes nothing.
      this.consult = null;
      if (consult.party) this.leave(consult.party);
      this.mark('transfer-cancel', 'warm transfer cancelled', undefined, agentParty(agentId));
      return;
    }
    if (!consult.party) {
      this.reject(ev, 'not-available', 'The transfer target has not answered yet.');
      return;
    }
    const receiving = consult.party;
    this.consult = null;
    this.mark('transfer-complete', `warm transfer to ${this.label(receiving)} completed`, undefined, receiving);
    this.endPauseByTransfer();
    this.held = false;
    this.leave(agentParty(agentId));
    const receivingAgent = agentIdOf(receiving);
    this.controller = null;
    if (receivingAgent) {
      this.handled(receivingAgent, consult.target.type === 'ringGroup' ? consult.target.ringGroupId : null);
      // R12: after a transfer to another agent completes, the receiving agent controls.
      this.setController(receivingAgent);
    }
    // R15: for a warm transfer the external portion begins when it completes.
    if (isExternalTarget(consult.target)) this.beginExternal();
    this.sync('hang-up');
  }

  private conference(ev: TimedAction, agentId: string, target: TransferTarget): void {
    const problem =
      this.handOverProblem(agentId, target) ??
      (this.invite ? 'Another party is already being invited.' : this.onCall.length >= MAX_PARTIES ? 'The conference is full.' : null);
    if (problem) {
      this.reject(ev, this.isOn(agentParty(agentId)) ? 'not-available' : 'unknown-party', problem);
      return;
    }
    this.mark('conference', `${this.agentName(agentId)} adds ${this.describe(target)}`, undefined, agentParty(agentId));
    if (target.type === 'agent' || target.type === 'ringGroup') {
      this.invite = { agentId, ring: this.ringFor(target) };
    } else {
      this.join(outsideParty(target));
    }
  }

  /** Why an agent cannot hand the call to / bring in `target` now, or null. */
  private handOverProblem(agentId: string, target: TransferTarget): string | null {
    if (!this.isOn(agentParty(agentId))) return `${this.agentName(agentId)} is not on the call.`;
    if (this.consult) return 'A warm transfer is in progress.';
    if (target.type === 'agent') {
      if (!this.wsIx.agents.has(target.agentId)) return `No agent "${target.agentId}" in the workspace.`;
      if (this.isOn(agentParty(target.agentId))) return `${this.agentName(target.agentId)} is already on the call.`;
    }
    if (target.type === 'ringGroup' && !this.wsIx.ringGroups.has(target.ringGroupId)) {
      return `No ring group "${target.ringGroupId}" in the workspace.`;
    }
    if (target.type !== 'agent' && target.type !== 'ringGroup' && this.isOn(outsideParty(target))) {
      return `${this.describe(target)} is already on the call.`;
    }
    return null;
  }

  private hangUp(ev: TimedAction, party: PartyId): void {
    if (party === CONTACT) {
      this.mark('hang-up', 'the contact hangs up', undefined, CONTACT);
      this.endCall(null);
      return;
    }
    if (this.consult?.party === party) {
      // The consulted party hangs up: the consultation is over, as if cancelled.
      this.consult = null;
      this.leave(party);
      this.mark('leave', `${this.label(party)} hangs up`, undefined, party);
      return;
    }
    if (!this.isOn(party)) {
      this.reject(ev, 'unknown-party', `${party} is not on the call.`);
      return;
    }
    const agentId = agentIdOf(party);
    if (agentId !== null && this.consult?.agentId === agentId) {
      const consulted = this.consult.party;
      this.consult = null;
      if (consulted) this.leave(consulted);
    }
    if (agentId !== null && this.invite?.agentId === agentId) this.invite = null;
    this.leave(party);
    this.mark('hang-up', `${this.label(party)} hangs up`, undefined, party);
    if (this.dialling) {
      this.endCall(null);
      return;
    }
    if (agentId !== null && this.controller === agentId) {
      // R12: control passes to the agent who joined earliest among those still on the call.
      const next = this.onCall.find((c) => partyKind(c.id) === 'agent');
      this.controller = null;
      if (next) this.setController(agentIdOf(next.id)!);
    }
    const agentsLeft = this.onCall.some((c) => partyKind(c.id) === 'agent');
    if (this.onCall.length === 0) {
      // R9: the last party besides the contact hung up.
      this.endCall(null);
      return;
    }
    if (!agentsLeft && this.onCall.some((c) => partyKind(c.id) === 'external')) {
      // R15 (decision): every agent left a conference while an outside party stays with the contact.
      this.beginExternal();
    }
    this.sync('hang-up');
  }

  // -------------------------------------------------------------------------
  // Helpers
  // -------------------------------------------------------------------------

  /** R12 (decision): a pause ends when its controlling agent hands the call over by transfer. */
  private endPauseByTransfer(): void {
    if (!this.paused) return;
    this.paused = false;
    this.mark('resume', 'pause ended by the transfer (R12)');
  }

  /** R14/R15/R16: the external portion begins now. */
  private beginExternal(): void {
    if (this.externalAt !== null) return;
    this.externalAt = this.now;
    const cont = this.settings.continueOnExternalTransfer.value;
    this.mark('external-portion', cont ? 'external portion begins; recording continues (R14)' : 'external portion begins; recording stops (R14)');
    if (!cont) this.externalStopped = true;
    this.sync('external-transfer');
  }

  private connectOutside(target: ConnectTarget, nodeId: string | null): void {
    const party = outsideParty(target);
    if (nodeId !== null) this.leaveFlow();
    this.held = false;
    this.join(party);
    this.mark('join', `${this.label(party)} takes the call`, nodeId ?? undefined, party);
    // R13: an extension is internal; R14/R16: an outside number starts the external portion at once.
    if (target.type === 'external') this.beginExternal();
  }

  private ringFor(target: RingTarget): Ring {
    if (target.type === 'agent') {
      return { candidates: this.isOn(agentParty(target.agentId)) ? [] : [target.agentId], ringGroupId: null };
    }
    const members = this.wsIx.ringGroups.get(target.ringGroupId)?.memberIds ?? [];
    return { candidates: members.filter((m) => this.wsIx.agents.has(m) && !this.isOn(agentParty(m))), ringGroupId: target.ringGroupId };
  }

  /** R23: the agent handled the call; so did the ring group it was reached through. */
  private handled(agentId: string, ringGroupId: string | null): void {
    this.handledAgents.add(agentId);
    if (ringGroupId !== null) this.handledGroups.add(ringGroupId);
  }

  private setController(agentId: string): void {
    this.controller = agentId;
    this.mark('control', `${this.agentName(agentId)} controls the recording (R12)`, undefined, agentParty(agentId));
  }

  private closeVoicemail(reason: VoicemailRecording['endReason']): void {
    const vm = this.vm;
    if (!vm) return;
    this.vm = null;
    this.voicemails.push({
      nodeId: vm.nodeId,
      start: vm.start,
      end: this.now,
      maxLengthSeconds: vm.max,
      channel: 'mono',
      parties: [CONTACT],
      endReason: reason,
    });
    this.mark('recording-off', 'voicemail recording ends', vm.nodeId);
  }

  /** Current open voicemail as a recording so far. */
  openVoicemail(): VoicemailRecording | null {
    const vm = this.vm;
    if (!vm) return null;
    return {
      nodeId: vm.nodeId,
      start: vm.start,
      end: this.now,
      maxLengthSeconds: vm.max,
      channel: 'mono',
      parties: [CONTACT],
      endReason: 'in-progress',
    };
  }

  private endCall(why: string | null): void {
    if (this.ended) return;
    if (why !== null) this.mark('hang-up', why, this.nodeId ?? undefined);
    this.closeVoicemail('hang-up');
    this.wait = null;
    this.timerAt = null;
    this.ring = null;
    this.outsideRing = null;
    this.consult = null;
    this.invite = null;
    this.nodeId = null;
    this.dialling = false;
    this.ended = true;
    this.endedAt = this.now;
    // R9: the call ends and an open segment closes now.
    this.sync('hang-up');
    this.log.push({ at: this.now, t: 'end' });
  }

  /** Opens or closes the segment so it matches the rules' state; `reason` says why a close happens. */
  private sync(reason: SegmentEndReason): void {
    const want = this.recOn && !this.paused && !this.externalStopped && !this.ended;
    if (want && !this.segOpen) {
      this.segOpen = true;
      this.log.push({ at: this.now, t: 'recOn', channels: this.settings.channels.value });
    } else if (!want && this.segOpen) {
      this.segOpen = false;
      this.log.push({ at: this.now, t: 'recOff', reason });
    }
  }

  private join(party: PartyId): void {
    this.onCall.push({ id: party, joinedAt: this.now });
    this.log.push({ at: this.now, t: 'join', party });
  }

  private leave(party: PartyId): void {
    const i = this.onCall.findIndex((c) => c.id === party);
    if (i >= 0) this.onCall.splice(i, 1);
    this.log.push({ at: this.now, t: 'leave', party });
  }

  private isOn(party: PartyId): boolean {
    for (const c of this.onCall) if (c.id === party) return true;
    return false;
  }

  private mark(kind: MarkerKind, label: string, nodeId?: string, party?: PartyId): void {
    const marker: Marker = { at: this.now, kind, label };
    if (nodeId !== undefined) marker.nodeId = nodeId;
    if (party !== undefined) marker.party = party;
    this.markers.push(marker);
  }

  private agentName(agentId: string): string {
    return this.wsIx.agents.get(agentId)?.name ?? agentId;
  }

  label(party: PartyId): string {
    return partyLabel(party, this.wsIx, this.contactNumber);
  }

  describe(target: TransferTarget): string {
    switch (target.type) {
      case 'agent':
        return `agent ${this.agentName(target.agentId)}`;
      case 'ringGroup':
        return `ring group ${this.wsIx.ringGroups.get(target.ringGroupId)?.name ?? target.ringGroupId}`;
      case 'extension':
        return `extension ${target.extension}`;
      case 'external':
        return `outside number ${target.number}`;
    }
  }

  /** Recomputes the state key and logs a timeline phase when it changes. */
  private settle(): void {
    this.key = this.computeKey();
    const phase = this.computePhase();
    if (phase !== this.phaseKind || this.nodeId !== this.phaseNode) {
      this.phaseKind = phase;
      this.phaseNode = this.nodeId;
      if (phase !== null) this.log.push({ at: this.now, t: 'phase', phase, nodeId: this.nodeId, parties: this.onCall.map((c) => c.id) });
    }
  }

  private computeKey(): StateKey {
    if (this.ended) return 'ended';
    if (this.dialling) return 'dialling';
    const wait = this.wait;
    if (wait) {
      if (wait.kind === 'play') return 'playing';
      if (wait.kind === 'menu') return this.timerAt === null ? 'menuNoTimeout' : 'menu';
      if (wait.kind === 'voicemail') return 'voicemail';
      return this.timerAt === null ? 'ringingNoTimeout' : 'ringing';
    }
    if (this.ring) return 'ringingNoTimeout';
    return 'talking';
  }

  private computePhase(): PhaseKind | null {
    switch (this.key) {
      case 'ended':
        return null;
      case 'playing':
      case 'menu':
      case 'menuNoTimeout':
        return 'ivr';
      case 'voicemail':
        return 'voicemail';
      case 'ringing':
      case 'ringingNoTimeout':
        return 'ringing';
      case 'dialling':
        return 'dialling';
      case 'talking': {
        // Who is on the call, not the lifecycle state, tells these apart on the timeline.
        if (this.consult) return 'consultation';
        let agents = 0;
        for (const c of this.onCall) if (partyKind(c.id) === 'agent') agents++;
        if (agents === 0) return 'outside';
        return this.onCall.length > 1 ? 'conference' : 'agent';
      }
    }
  }

  // -------------------------------------------------------------------------
  // Queries
  // -------------------------------------------------------------------------

  /** Parties besides the contact on the call, plus a consultation's party. */
  partyInfos(): PartyInfo[] {
    return this.onCall.map((c) => ({
      id: c.id,
      kind: partyKind(c.id),
      label: this.label(c.id),
      joinedAt: c.joinedAt,
      controlling: this.controller !== null && c.id === agentParty(this.controller),
      consulting: this.consult?.party === c.id,
    }));
  }

  get isHeld(): boolean {
    return this.held;
  }

  get controllingAgent(): string | null {
    return this.controller;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Actions possible now, with their parameter choices. */
  available(): AvailableAction[] {
    const out: AvailableAction[] = [];
    if (this.ended) return out;
    const key = this.key;
    const agentChoice = (id: string): Choice => ({ value: id, label: this.agentName(id) });
    const onCallAgents = this.onCall.filter((c) => partyKind(c.id) === 'agent').map((c) => agentIdOf(c.id)!);
    if (key === 'menu' || key === 'menuNoTimeout') out.push({ type: 'press', digits: this.menuDigits });
    if (key === 'voicemail') out.push({ type: 'press', digits: [{ value: '#', label: '# (end the message)' }] });
    const ringing = this.ring ?? this.consult?.ring ?? this.invite?.ring ?? null;
    if (ringing && ringing.candidates.length > 0) {
      out.push({ type: 'answer', agents: ringing.candidates.map(agentChoice), ringGroupId: ringing.ringGroupId });
    }
    if (key === 'dialling') out.push({ type: 'contactAnswer' });
    if (this.outsideRing) {
      const party = outsideParty(this.outsideRing);
      out.push({ type: 'outsideAnswer', party: { value: party, label: this.label(party) } });
    }
    if (key === 'talking' && onCallAgents.length > 0) {
      const agents = onCallAgents.map(agentChoice);
      out.push({ type: this.held ? 'unhold' : 'hold', agents });
      for (const type of ['pause', 'resume'] as const) {
        const refusals: Record<string, { code: RejectionCode; message: string }> = {};
        for (const a of onCallAgents) {
          const r = this.pauseRefusal(a, type === 'pause');
          if (r) refusals[a] = r;
        }
        out.push({ type, agents, refusals });
      }
      if (this.consult) {
        const by = [agentChoice(this.consult.agentId)];
        if (this.consult.party) out.push({ type: 'completeTransfer', agents: by });
        out.push({ type: 'cancelTransfer', agents: by });
      } else {
        const targets = this.targetChoices();
        if (this.onCall.length === 1) out.push({ type: 'transfer', agents, modes: ['blind', 'warm'], targets });
        if (!this.invite && this.onCall.length < MAX_PARTIES) out.push({ type: 'conference', agents, targets });
      }
    }
    const parties: Choice<PartyId>[] = [{ value: CONTACT, label: this.label(CONTACT) }];
    for (const c of this.onCall) parties.push({ value: c.id, label: this.label(c.id) });
    out.push({ type: 'hangUp', parties });
    out.push({ type: 'wait', nextTimerAt: this.timerAt });
    return out;
  }

  private targetChoices(): TargetChoice[] {
    const out: TargetChoice[] = [];
    for (const a of this.ws.agents) {
      if (!this.isOn(agentParty(a.id))) out.push({ target: { type: 'agent', agentId: a.id }, label: `agent ${a.name}`, external: false });
    }
    for (const g of this.ws.ringGroups) {
      out.push({ target: { type: 'ringGroup', ringGroupId: g.id }, label: `ring group ${g.name}`, external: false });
    }
    const outside = this.flowIx?.outsideTargets ?? [];
    const all: TransferTarget[] = [...outside];
    if (!all.some((t) => t.type === 'external')) all.push({ type: 'external', number: '+15550100' });
    if (!all.some((t) => t.type === 'extension')) all.push({ type: 'extension', extension: '200', system: 'pbx' });
    for (const t of all) {
      if (t.type === 'external' || t.type === 'extension') {
        if (!this.isOn(outsideParty(t))) out.push({ target: t, label: this.describe(t), external: t.type === 'external' });
      }
    }
    return out;
  }

  /** The number whose settings apply (R4). */
  get numberId(): string {
    return callNumberId(this.start);
  }
}

const WHERE: Record<StateKey, string> = {
  playing: 'playing a message',
  menu: 'in a menu',
  menuNoTimeout: 'in a menu',
  voicemail: 'recording a voicemail',
  ringing: 'ringing',
  ringingNoTimeout: 'ringing',
  dialling: 'being dialled',
  talking: 'connected',
  ended: 'over',
};

function defaultMessage(code: RejectionCode, ev: TimedAction, key: StateKey): string {
  if (code === 'call-ended') return 'The call has ended.';
  return `"${ev.type}" is not possible while the call is ${WHERE[key]}.`;
}
