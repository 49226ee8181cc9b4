/**
 * Public types of the headless call runtime: how a simulated call starts,
 * what may happen to it (actions), what the simulator can offer at each
 * moment (available actions), and what came out of it (the R21 result).
 *
 * Times are seconds from the moment the call starts (`t = 0`) and never go
 * backwards. A segment is a half-open interval `[start, end)`.
 *
 * This file holds types only, so the simulator UI can build against it
 * without pulling in the machine.
 */
import type { TransferTarget } from '../../nodes/kit/fields.ts';
import type { CallAction } from './actions.ts';

export type { TransferTarget };

// ---------------------------------------------------------------------------
// Call start
// ---------------------------------------------------------------------------

/**
 * An inbound call: a caller dials one of the workspace's numbers; the
 * number's flow runs (or, with no flow, the call rings the agents, R7).
 *
 * @example
 * const start: InboundStart = { direction: 'inbound', numberId: 'main', callerNumber: '+15550111' };
 */
export interface InboundStart {
  direction: 'inbound';
  /** R4: the number dialled; its overrides apply. */
  numberId: string;
  callerNumber: string;
  /** Wall-clock moment of `t = 0` (ISO 8601), used for the deletion date (R20). Defaults to {@link DEFAULT_STARTED_AT}. */
  startedAt?: string;
}

/**
 * An outbound call: an agent dials a contact from one of the workspace's
 * numbers (the caller ID). No flow runs (R8).
 *
 * @example
 * const start: OutboundStart = { direction: 'outbound', agentId: 'ana', fromNumberId: 'main', contactNumber: '+15550199' };
 */
export interface OutboundStart {
  direction: 'outbound';
  agentId: string;
  /** R4: the number the agent dials from; its overrides apply. */
  fromNumberId: string;
  contactNumber: string;
  startedAt?: string;
}

export type CallStart = InboundStart | OutboundStart;

/** The wall-clock start used when a call start names none. */
export const DEFAULT_STARTED_AT = '2026-01-01T09:00:00.000Z';

// ---------------------------------------------------------------------------
// Parties
// ---------------------------------------------------------------------------

/**
 * A party on a call, as a stable string id:
 * - `contact`: the caller (inbound) or the person dialled (outbound);
 * - `agent:<agentId>`;
 * - `external:<number>`: an outside party after an external transfer or conference;
 * - `extension:<system>:<extension>`: a private extension (PBX, desk phone, Teams).
 */
export type PartyId = string;

export type PartyKind = 'contact' | 'agent' | 'external' | 'extension';

/** A party currently on the call (or, for a consultation, on the consulting leg). */
export interface PartyInfo {
  id: PartyId;
  kind: PartyKind;
  /** Display name: the agent's name, the number, the extension. */
  label: string;
  /** When they joined the call. */
  joinedAt: number;
  /** The agent who controls recording (R12). */
  controlling: boolean;
  /** True for the party reached in a warm transfer's consultation, not yet connected to the contact. */
  consulting: boolean;
}

// ---------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------

// The actions themselves are defined once, with their schemas, in `actions.ts`.
export type { CallAction, CallActionType, TimedAction } from './actions.ts';

export type TransferMode = 'blind' | 'warm';

/** A choice offered for one parameter of an action. */
export interface Choice<V = string> {
  value: V;
  label: string;
}

/** A transfer or conference target the call may use now, with whether it is an external one (R14). */
export interface TargetChoice {
  target: TransferTarget;
  label: string;
  external: boolean;
}

/**
 * An action the call allows now, with the choices for its parameters.
 * `refusals` predicts, per agent, the R10 rejection that applying it would
 * record, so a UI can show the reason before the user tries.
 */
export type AvailableAction =
  | { type: 'press'; digits: Choice[] }
  | { type: 'choose'; options: Choice[] }
  | { type: 'answer'; agents: Choice[]; ringGroupId: string | null }
  | { type: 'contactAnswer' }
  | { type: 'outsideAnswer'; party: Choice<PartyId> }
  | { type: 'hold'; agents: Choice[] }
  | { type: 'unhold'; agents: Choice[] }
  | { type: 'pause'; agents: Choice[]; refusals: Record<string, RejectionInfo> }
  | { type: 'resume'; agents: Choice[]; refusals: Record<string, RejectionInfo> }
  | { type: 'transfer'; agents: Choice[]; modes: TransferMode[]; targets: TargetChoice[] }
  | { type: 'completeTransfer'; agents: Choice[] }
  | { type: 'cancelTransfer'; agents: Choice[] }
  | { type: 'conference'; agents: Choice[]; targets: TargetChoice[] }
  | { type: 'hangUp'; parties: Choice<PartyId>[] }
  | { type: 'wait'; nextTimerAt: number | null };

// ---------------------------------------------------------------------------
// Rejections
// ---------------------------------------------------------------------------

/**
 * Why an action was refused. The first five are R10's; the others cover
 * actions the call cannot take at that moment.
 */
export const REJECTION_CODES = [
  'not-allowed-by-settings',
  'not-controlling-agent',
  'already-paused',
  'not-paused',
  'not-recording',
  /** The call is not in a state where this action means anything (e.g. pressing a key while talking). */
  'not-available',
  /** The agent, party or target named is not on the call / not in the workspace. */
  'unknown-party',
  'call-ended',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface RejectionInfo {
  code: RejectionCode;
  /** A sentence the UI shows as is. */
  message: string;
}

/** An action the call refused: nothing changed (R10). */
export interface Rejection extends RejectionInfo {
  at: number;
  action: CallAction;
}

// ---------------------------------------------------------------------------
// Settings (R1–R4)
// ---------------------------------------------------------------------------

/** Where an effective setting's value comes from (R3). */
/**
 * Where an effective setting's value comes from (R3): a Recording node, the number's override, the account, or
 * the platform whose preset fixes it (R30).
 */
export type SettingSource =
  | { kind: 'node'; nodeId: string }
  | { kind: 'number'; numberId: string }
  | { kind: 'account' }
  | { kind: 'platform'; platform: 'talkdesk' | 'amazon-connect' | 'twilio-studio' };

export interface Effective<T> {
  value: T;
  source: SettingSource;
}

/**
 * The settings that apply to one call at one moment, each with its source,
 * so the UI can say "on, from Recording node rec1" (R3).
 */
export interface EffectiveSettings {
  /** Record this call: inbound or outbound setting by the call's direction, or the latest Recording node. */
  record: Effective<boolean>;
  /** R17: dual (stereo) or mono; Recording node or account (not overridable per number, R2). */
  channels: Effective<ChannelLayout>;
  /** R10: whether agent-initiated pause is enabled. */
  agentPause: Effective<boolean>;
  /** R14: account-wide only. */
  continueOnExternalTransfer: Effective<boolean>;
  /** R20: account-wide only; months is the retention period. */
  retention: Effective<{ autoDelete: boolean; months: number }>;
  /** R29: which sides are on tape: the contact (channel A), the agent side (channel B), or both. */
  recordedParties: Effective<RecordedSides>;
  /** R30: a pause removes the paused audio (a gap in the recording) or leaves silence in its place. */
  pauseLeaves: Effective<'gap' | 'silence'>;
  /** R31: a Recording node turning recording on before an agent joins records the IVR part too, or starts at the agent. */
  recordIvr: Effective<boolean>;
  /** R17/R30: the channel outside and conferenced parties are on: the agent side (B) or the contact's (A). */
  outsidePartiesChannel: Effective<'agent-side' | 'contact-side'>;
}

/** R29: the sides of a call a recording holds. */
export type RecordedSides = 'both' | 'contact' | 'agent';

export type EffectiveSettingName = keyof EffectiveSettings;

// ---------------------------------------------------------------------------
// Result (R21)
// ---------------------------------------------------------------------------

export type ChannelLayout = 'dual' | 'mono';

/**
 * Why a segment ended:
 * - `paused`: an agent paused (R11);
 * - `recording-off`: a Recording node turned recording off (R6);
 * - `external-transfer`: the external portion began with continue-on-external off (R14, R15);
 * - `hang-up`: the call ended (R9);
 * - `in-progress`: the call is still going (a result taken mid-call).
 */
export type SegmentEndReason = 'paused' | 'recording-off' | 'external-transfer' | 'hang-up' | 'in-progress';

/**
 * A recorded stretch `[start, end)`. `channelA` is the contact, `channelB`
 * every other party heard during it (R17); with a mono layout both are mixed
 * on one channel but still listed apart for display.
 */
export interface Segment {
  start: number;
  end: number;
  channelA: PartyId[];
  channelB: PartyId[];
  endReason: SegmentEndReason;
  /** R29: which sides are on tape in this segment: the contact (channel A), the agent side (B), or both. */
  sides: RecordedSides;
}

/** A stretch of call time `[start, end)`. */
export interface Interval {
  start: number;
  end: number;
}

/** R19: a voicemail message, a separate mono recording of the contact only. */
export interface VoicemailRecording {
  nodeId: string;
  start: number;
  end: number;
  maxLengthSeconds: number;
  channel: 'mono';
  parties: PartyId[];
  endReason: 'max-length' | 'finished' | 'hang-up' | 'in-progress';
}

/** R23: who handled the call (answered, or received it by transfer or conference). */
export interface HandledBy {
  agentIds: string[];
  /** Ring groups through which one of their members answered the call. */
  ringGroupIds: string[];
}

/**
 * What a simulated call recorded (R21).
 *
 * @example
 * {
 *   recorded: true, channels: 'dual',
 *   segments: [{ start: 12, end: 40, channelA: ['contact'], channelB: ['agent:ana'], endReason: 'paused' }],
 *   totalRecordedSeconds: 28, transcribable: true, voicemails: [], deletionDate: '2026-07-01',
 *   rejections: [], handledBy: { agentIds: ['ana'], ringGroupIds: ['support'] }, ...
 * }
 */
export interface CallResult {
  direction: CallStart['direction'];
  /** True when at least one segment was recorded. */
  recorded: boolean;
  /** R17: fixed when recording first starts; null when nothing was recorded. */
  channels: ChannelLayout | null;
  /** Ordered, non-overlapping. */
  segments: Segment[];
  /** Sum of segment lengths: the seconds of audio on tape. */
  totalRecordedSeconds: number;
  /**
   * R30: the recording's length: the audio on tape plus, where a pause leaves silence instead of a gap, the
   * paused stretches (equal to `totalRecordedSeconds` where a pause leaves a gap).
   */
  recordingSeconds: number;
  /** R30: the paused stretches kept in the recording as silence (none where a pause leaves a gap). */
  silences: Interval[];
  /** R18: only a dual-channel recording can be transcribed. */
  transcribable: boolean;
  voicemails: VoicemailRecording[];
  /** R20: `YYYY-MM-DD` (UTC) when the recordings are deleted; null if auto-delete is off or nothing was recorded. */
  deletionDate: string | null;
  rejections: Rejection[];
  handledBy: HandledBy;
  /** Whether the call has ended, and when (the current time otherwise). */
  ended: boolean;
  duration: number;
  /** Flow node ids in the order the call visited them. */
  path: string[];
  /** The time at which the external portion began (R15), or null. */
  externalPortionAt: number | null;
  /** Set when the call was ended by one of the per-call limits (`limits.ts`): which, when, and a sentence saying so. */
  limitReached: LimitReached | null;
  /**
   * Set when the call could not follow its flow as written and ended there (R28): a Flow node naming a flow the
   * workspace lacks, flows entering each other in a loop, or a flow entered with no Start. Like `limitReached`, the
   * call was ended by the simulation rather than by a party; unlike a limit, the flow is wrong.
   */
  flowStopped: FlowStopped | null;
  timeline: Timeline;
}

/** Why and where a call stopped because its flow could not be followed (the flow check's code for the same problem). */
export interface FlowStopped {
  code: 'unknown-flow' | 'C1-flow-loop' | 'C1-no-start';
  at: number;
  /** The Flow node the call could not go on from (`<flowId>/<node>` inside an entered flow). */
  nodeId: string;
  /** The flow it names. */
  flowId: string;
  message: string;
}

/** A per-call limit ended the call (see `CALL_LIMITS` in `limits.ts`). */
export interface LimitReached {
  limit: 'steps' | 'seconds';
  at: number;
  message: string;
}

// ---------------------------------------------------------------------------
// Timeline (for the simulator's display)
// ---------------------------------------------------------------------------

/**
 * What the call was doing:
 * `ivr` (playing/menu in the flow), `ringing` (waiting for an agent),
 * `dialling` (outbound, before the contact answers), `agent` (contact with agents),
 * `consultation` (warm transfer in progress), `conference` (more than one
 * party besides the contact), `outside` (contact with outside/extension parties only),
 * `voicemail`.
 */
export type PhaseKind = 'ivr' | 'ringing' | 'dialling' | 'agent' | 'consultation' | 'conference' | 'outside' | 'voicemail';

export interface Phase {
  kind: PhaseKind;
  start: number;
  end: number;
  /** The flow node the call was at, if any. */
  nodeId: string | null;
  /** Non-contact parties on the call during the phase (at its start). */
  parties: PartyId[];
}

export type MarkerKind =
  | 'node'
  | 'answer'
  | 'recording-on'
  | 'recording-off'
  /** R19: a voicemail's own recording starts / ends (not the call recording). */
  | 'voicemail-on'
  | 'voicemail-off'
  | 'pause'
  | 'resume'
  | 'hold'
  | 'unhold'
  | 'transfer'
  | 'transfer-complete'
  | 'transfer-cancel'
  | 'conference'
  | 'join'
  | 'leave'
  | 'control'
  | 'external-portion'
  | 'timer'
  | 'refusal'
  | 'hang-up';

/** A moment worth showing on the timeline. */
export interface Marker {
  at: number;
  kind: MarkerKind;
  /** A short sentence for a tooltip. */
  label: string;
  nodeId?: string;
  party?: PartyId;
}

export interface Timeline {
  phases: Phase[];
  markers: Marker[];
}

// ---------------------------------------------------------------------------
// Step API
// ---------------------------------------------------------------------------

/** Outcome of `apply`: `ok: false` means nothing changed because the input was wrong (time travel, bad shape). */
export type ApplyOutcome = { ok: true; accepted: true } | { ok: true; accepted: false; rejection: Rejection } | { ok: false; error: string };

/** An output port of a flow node. */
export interface PortRef {
  nodeId: string;
  port: string;
}

/** One step of a session's history: the action and when it was applied. */
export interface HistoryEntry {
  at: number;
  action: CallAction;
}

/**
 * A call being simulated step by step. Created by `startCall` in `session.ts`.
 *
 * @example
 * const s = startCall(workspace, flow, { direction: 'inbound', numberId: 'main', callerNumber: '+15550111' });
 * s.available();                                  // [{ type: 'press', digits: [...] }, { type: 'hangUp', ... }, { type: 'wait', ... }]
 * s.apply({ type: 'press', digit: '2' }, 3);
 * s.runToNextTimer();                             // e.g. a ring timeout
 * s.result().segments;
 * s.goTo(1);                                      // back to just after the first action
 */
export interface CallSession {
  readonly start: CallStart;
  /** The current call time. */
  readonly time: number;
  readonly ended: boolean;
  /** The flow node the call is at, or null (outside the flow or ended). */
  readonly currentNodeId: string | null;
  /** Flow node ids visited, in order. */
  readonly path: readonly string[];
  /** The output ports the call left flow nodes by, in order. */
  readonly traversed: readonly PortRef[];
  /** The call machine's state: where the call is and what its recording is doing, e.g. `where: agent · recording: paused`. */
  readonly state: string;
  /**
   * What the call is doing now, as the machine's `where` state says and the timeline names it: `dialling` before an
   * outbound contact answers, `agent` while talking, `consultation` during a warm transfer, `conference`, and so on.
   * After the call ends, the phase it ended in.
   */
  readonly phase: PhaseKind | null;
  /** Parties besides the contact now on the call (and on a warm transfer's consulting leg). */
  readonly parties: readonly PartyInfo[];
  /** True while an agent has the contact on hold. */
  readonly onHold: boolean;
  /** The agent who controls recording now (R12), or null. */
  readonly controllingAgentId: string | null;
  /** True while the recording is paused by an agent (R11). */
  readonly paused: boolean;
  /** The applied actions; `historyIndex` of them are in effect (less after `goTo` back). */
  readonly history: readonly HistoryEntry[];
  readonly historyIndex: number;
  /** Actions possible now, with parameter choices. */
  available(): AvailableAction[];
  /**
   * Applies an action at time `at` (default: now). Timers due at or before
   * `at` fire first. `at` earlier than now returns `{ ok: false, error }` and
   * changes nothing. Applying while `historyIndex < history.length` drops the
   * later entries (a new branch).
   */
  apply(action: CallAction, at?: number): ApplyOutcome;
  /** When the next timer (play, menu, ring, voicemail) falls due, or null. */
  nextTimerAt(): number | null;
  /** Moves the clock to the next timer and fires it; `ok: false` when no timer is running. */
  runToNextTimer(): ApplyOutcome;
  /** The recording result so far (an open segment is reported as `in-progress`). */
  result(): CallResult;
  effectiveSettings(): EffectiveSettings;
  /** Rebuilds the call as it was after the first `index` history entries; later entries stay for stepping forward. */
  goTo(index: number): void;
}
