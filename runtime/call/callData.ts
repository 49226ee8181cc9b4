/**
 * The call machine's context: the data of one call (who is on it, who is
 * ringing, what has been recorded so far), as opposed to where the call is
 * and what its recording is doing, which are the machine's states.
 *
 * It is mutated in place by the machine's actions and keeps a compact
 * append-only log; `result.ts` derives segments, voicemails and the timeline
 * from that log, so nothing big is copied per event (history and step-back
 * replay from the actions instead).
 */
import type { QueueTarget } from '../../nodes/kit/fields.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import { type FlowIndex, indexFlow, indexWorkspace, type WorkspaceIndex } from './lookup.ts';
import { agentParty, CONTACT, partyKind, partyLabel } from './parties.ts';
import { type RecordingNodeRun, resolveSettings } from './settings.ts';
import type {
  CallStart,
  ChannelLayout,
  Choice,
  EffectiveSettings,
  FlowStopped,
  LimitReached,
  Marker,
  MarkerKind,
  PartyId,
  PartyInfo,
  PhaseKind,
  PortRef,
  RecordedSides,
  Rejection,
  SegmentEndReason,
  TransferTarget,
  VoicemailRecording,
} from './types.ts';

/** One entry of the compact call log. */
export type LogEntry =
  | { at: number; t: 'phase'; phase: PhaseKind; nodeId: string | null; parties: PartyId[] }
  | { at: number; t: 'join'; party: PartyId }
  | { at: number; t: 'leave'; party: PartyId }
  | { at: number; t: 'recOn'; channels: ChannelLayout; sides: RecordedSides }
  | { at: number; t: 'recOff'; reason: SegmentEndReason }
  /** R11/R30: the recording is paused (and, where a pause leaves silence, the recording keeps running silent). */
  | { at: number; t: 'pauseOn' }
  | { at: number; t: 'pauseOff' };

/** A party on the call besides the contact, and when they joined. */
export interface Connected {
  id: PartyId;
  joinedAt: number;
}

/** Agents being rung, and the ring group they are rung through. */
export interface Ring {
  candidates: string[];
  ringGroupId: string | null;
}

/** A warm transfer's consultation: who consults, whom, and the consulted party once they answered. */
export interface Consultation {
  agentId: string;
  target: TransferTarget;
  party: PartyId | null;
  ring: Ring | null;
}

/**
 * The simulated clock of a call: the call time in seconds, which the session
 * moves forward to each action's time and to each timer as it falls due
 * (timers fire as `call.timer` events, see machine.ts).
 */
export class CallClock {
  /** The call time in seconds; moves forward with every action. */
  seconds = 0;
}

/** Where the call is, read from the machine's `where` region. */
export interface WhereView {
  area: 'boot' | 'flow' | 'ringing' | 'dialling' | 'talking' | 'ended';
  /** In the flow: what the node the call waits at is doing. */
  step: 'prompt' | 'gather' | 'takeMessage' | 'ring' | 'dial' | 'enqueue' | 'choose' | null;
}

/** What the recording is doing, read from the machine's `recording` region. */
export type RecordingState = 'pending' | 'armed' | 'recording' | 'paused' | 'off' | 'stopped';

/** What the offers and the session read: the data plus the two regions' states. */
export interface CallView {
  d: CallData;
  where: WhereView;
  recording: RecordingState;
}

/** The flow a number sends its inbound calls to (R4), if any. */
function numberFlow(ws: WorkspaceDoc, numberId: string): FlowDoc | undefined {
  const flowId = ws.numbers.find((n) => n.id === numberId)?.flowId;
  return ws.flows.find((f) => f.id === flowId);
}

export class CallData {
  readonly ws: WorkspaceDoc;
  readonly wsIx: WorkspaceIndex;
  readonly flowIx: FlowIndex | null;
  readonly start: CallStart;
  readonly contactNumber: string;
  readonly clock: CallClock;

  /** When the running timer of the flow node the call waits at falls due (seconds), or null. */
  timerAt: number | null = null;
  /** The flow node the call is at, or null outside the flow. */
  nodeId: string | null = null;
  readonly path: string[] = [];
  /** The ports the call left flow nodes by, in order (what `recflow cover` counts). */
  readonly traversed: PortRef[] = [];
  readonly log: LogEntry[] = [];
  /** Timeline markers, in time order (kept apart from the log: the result hands them out as they are). */
  readonly markers: Marker[] = [];
  readonly rejections: Rejection[] = [];
  /** The refusal of the event being handled, if any (the session reports it). */
  lastRejection: Rejection | null = null;

  /** The keys a Menu node offers while the call waits there (set as it arrives; read only there). */
  menuDigits!: Choice[];
  /** R25–R27: what the reviewer may choose while the call waits at a node (an outcome, an error). */
  choices: Choice[] = [];
  /** Agents being rung for the call (Assign node, a call with no flow, a blind transfer). */
  ring: Ring | null = null;
  /** The extension or outside number a flow Transfer node rings. */
  outsideRing: Extract<TransferTarget, { type: 'extension' } | { type: 'external' }> | null = null;
  readonly onCall: Connected[] = [];
  consult: Consultation | null = null;
  /** A conference invitation ringing agents. */
  invite: { agentId: string; ring: Ring } | null = null;
  /** R12: the agent who controls recording. */
  controller: string | null = null;
  held = false;
  /** Where the call is, in the words a refusal uses ("… while the call is in a menu"); set as the call begins. */
  whereText!: string;

  readonly recordingRuns: RecordingNodeRun[] = [];
  settings: EffectiveSettings;
  /** R15: when the external portion began. */
  externalAt: number | null = null;
  /** The voicemail message being recorded (R19). */
  vm: { nodeId: string; start: number; max: number } | null = null;
  readonly voicemails: VoicemailRecording[] = [];
  readonly handledAgents = new Set<string>();
  readonly handledGroups = new Set<string>();
  endedAt: number | null = null;
  /** Set when a per-call limit (limits.ts) ended the call. */
  limitReached: LimitReached | null = null;
  /** Set when the call could not follow its flow (R28) and ended there. */
  flowStopped: FlowStopped | null = null;
  /** What the recording was doing when the call ended (the `recording` region is gone by then); set as it ends. */
  recordingAtEnd!: RecordingState;
  private phaseKind: PhaseKind | null = null;
  private phaseNode: string | null = null;

  /** What the call is doing now as the machine last said (its `where` state's phase); null before it begins. */
  get currentPhase(): PhaseKind | null {
    return this.phaseKind;
  }

  constructor(ws: WorkspaceDoc, flow: FlowDoc | undefined, start: CallStart, clock: CallClock) {
    this.ws = ws;
    this.wsIx = indexWorkspace(ws);
    this.start = start;
    this.clock = clock;
    this.contactNumber = start.direction === 'inbound' ? start.callerNumber : start.contactNumber;
    this.settings = resolveSettings(ws, start, this.recordingRuns);
    // R8: flows do not run on outbound calls. An inbound call runs the flow given, else its number's (R4).
    const chosen = start.direction === 'inbound' ? (flow ?? numberFlow(ws, start.numberId)) : undefined;
    this.flowIx = chosen ? indexFlow(chosen) : null;
  }

  /** The call time in seconds. */
  get now(): number {
    return this.clock.seconds;
  }

  join(party: PartyId): void {
    this.onCall.push({ id: party, joinedAt: this.now });
    this.log.push({ at: this.now, t: 'join', party });
  }

  leave(party: PartyId): void {
    const i = this.onCall.findIndex((c) => c.id === party);
    if (i >= 0) this.onCall.splice(i, 1);
    this.log.push({ at: this.now, t: 'leave', party });
  }

  isOn(party: PartyId): boolean {
    for (const c of this.onCall) if (c.id === party) return true;
    return false;
  }

  mark(kind: MarkerKind, label: string, nodeId?: string, party?: PartyId): void {
    const marker: Marker = { at: this.now, kind, label };
    if (nodeId !== undefined) marker.nodeId = nodeId;
    if (party !== undefined) marker.party = party;
    this.markers.push(marker);
  }

  /** A segment opens (R5, R7, R8, R11 resume) with the layout (R17) and the sides (R29) that apply now. */
  segmentOpens(channels: ChannelLayout): void {
    this.log.push({ at: this.now, t: 'recOn', channels, sides: this.settings.recordedParties.value });
  }

  segmentCloses(reason: SegmentEndReason): void {
    this.log.push({ at: this.now, t: 'recOff', reason });
  }

  /** A timeline phase begins, unless the call is still in the same phase at the same node. */
  phase(kind: PhaseKind): void {
    if (kind === this.phaseKind && this.nodeId === this.phaseNode) return;
    this.phaseKind = kind;
    this.phaseNode = this.nodeId;
    this.log.push({ at: this.now, t: 'phase', phase: kind, nodeId: this.nodeId, parties: this.onCall.map((c) => c.id) });
  }

  /** R3: a Recording node ran; its settings win from now on. */
  recordingNodeRan(run: RecordingNodeRun): void {
    this.recordingRuns.push(run);
    this.settings = resolveSettings(this.ws, this.start, this.recordingRuns);
  }

  /** R23: the agent handled the call; so did the ring group it was reached through. */
  handled(agentId: string, ringGroupId: string | null): void {
    this.handledAgents.add(agentId);
    if (ringGroupId !== null) this.handledGroups.add(ringGroupId);
  }

  setController(agentId: string): void {
    this.controller = agentId;
    this.mark('control', `${this.agentName(agentId)} controls the recording (R12)`, undefined, agentParty(agentId));
  }

  /** R25: who is offered a queued call: its ring group's members or its agents (those in the workspace). */
  ringForQueue(target: QueueTarget): Ring {
    if (target.type === 'ringGroup') return this.ringFor(target);
    // A queue waits in the flow, before any agent is on the call.
    return { candidates: target.agentIds.filter((a) => this.wsIx.agents.has(a)), ringGroupId: null };
  }

  /** Who may answer when `target` rings: the agent, or the ring group's members; never someone already on the call. */
  ringFor(target: Extract<TransferTarget, { type: 'agent' } | { type: 'ringGroup' }>): Ring {
    // An agent on the call is never the target: a flow rings before any agent is on the call, and a transfer or an
    // invitation to an agent on it is refused (handOverProblem).
    if (target.type === 'agent') return { candidates: [target.agentId], ringGroupId: null };
    const members = this.wsIx.ringGroups.get(target.ringGroupId)?.memberIds ?? [];
    return { candidates: members.filter((m) => this.wsIx.agents.has(m) && !this.isOn(agentParty(m))), ringGroupId: target.ringGroupId };
  }

  closeVoicemail(reason: VoicemailRecording['endReason']): void {
    const vm = this.vm;
    if (!vm) return;
    this.vm = null;
    this.voicemails.push({ nodeId: vm.nodeId, start: vm.start, end: this.now, maxLengthSeconds: vm.max, channel: 'mono', parties: [CONTACT], endReason: reason });
    this.mark('voicemail-off', 'voicemail recording ends', vm.nodeId);
  }

  /** The voicemail being recorded, as a recording so far. */
  openVoicemail(): VoicemailRecording | null {
    const vm = this.vm;
    if (!vm) return null;
    return { nodeId: vm.nodeId, start: vm.start, end: this.now, maxLengthSeconds: vm.max, channel: 'mono', parties: [CONTACT], endReason: 'in-progress' };
  }

  agentName(agentId: string): string {
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
        // Described once the target was checked (handOverProblem): the group is in the workspace.
        return `ring group ${this.wsIx.ringGroups.get(target.ringGroupId)!.name}`;
      case 'extension':
        return `extension ${target.extension}`;
      case 'external':
        return `outside number ${target.number}`;
    }
  }

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
}
