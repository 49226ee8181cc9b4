/**
 * The R21 result of a call, derived from the call data's compact log in one
 * pass: segments with their parties and end reasons, channel layout,
 * totals, voicemails, deletion date, rejections, handledBy and the timeline.
 */
import type { CallData } from './callData.ts';
import { CONTACT, partyKind } from './parties.ts';
import { deletionDate } from './retention.ts';
import type { CallResult, ChannelLayout, Interval, PartyId, Phase, RecordedSides, Segment, SegmentEndReason } from './types.ts';

/** Rounds away binary noise from sums of decimal seconds. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/** The open segment, with each party heard in it besides the contact, in the order they came in. */
interface OpenSegment {
  start: number;
  channels: ChannelLayout;
  sides: RecordedSides;
  b: Set<PartyId>;
}

/**
 * What one pass over the log builds. Its steps are module-level functions rather than closures made per call
 * (a batch derives millions of results; under tsx every closure is also wrapped to keep its name).
 */
interface Pass {
  segments: Segment[];
  phases: Phase[];
  open: OpenSegment | null;
  /** R17/R30: where outside and conferenced parties sit: on the agent side (B) or with the contact (A). */
  outsideWithContact: boolean;
  layout: ChannelLayout | null;
  phase: Phase | null;
}

function closeSegment(pass: Pass, end: number, reason: SegmentEndReason): void {
  const open = pass.open;
  if (open === null) return;
  // A segment opened and closed at the same moment recorded nothing.
  if (end > open.start) {
    // R17: the layout is fixed when recording first starts.
    pass.layout ??= open.channels;
    // R17/R21: a party who joins at the moment the segment ends is not heard in it: the machine logs the
    // segment's end before that join, so `open.b` holds only parties heard in it.
    const channelA: PartyId[] = [CONTACT];
    const channelB: PartyId[] = [];
    for (const party of open.b) {
      if (pass.outsideWithContact && partyKind(party) !== 'agent') channelA.push(party);
      else channelB.push(party);
    }
    pass.segments.push({ start: open.start, end, channelA, channelB, endReason: reason, sides: open.sides });
  }
  pass.open = null;
}

function closePhase(pass: Pass, end: number): void {
  const phase = pass.phase;
  if (phase && end > phase.start) {
    phase.end = end;
    pass.phases.push(phase);
  }
  pass.phase = null;
}

/**
 * Builds the result of a call as it stands (an open segment or voicemail is
 * reported as `in-progress` up to the current time).
 */
export function deriveResult(core: CallData, ended: boolean): CallResult {
  const pass: Pass = {
    segments: [],
    phases: [],
    open: null,
    outsideWithContact: core.settings.outsidePartiesChannel.value === 'contact-side',
    layout: null,
    phase: null,
  };
  const present = new Set<PartyId>();
  /** R30: paused stretches, filled with silence where the platform does that. */
  const silences: Interval[] = [];
  let pausedAt: number | null = null;
  const now = core.endedAt ?? core.now;

  for (const e of core.log) {
    switch (e.t) {
      case 'join':
        present.add(e.party);
        pass.open?.b.add(e.party);
        break;
      case 'leave':
        present.delete(e.party);
        break;
      case 'recOn':
        pass.open = { start: e.at, channels: e.channels, sides: e.sides, b: new Set(present) };
        break;
      case 'pauseOn':
        pausedAt = e.at;
        break;
      case 'pauseOff': {
        // The machine logs a pause's end only after its start; a pause that ends where it began leaves nothing.
        const from = pausedAt ?? e.at;
        if (e.at > from) silences.push({ start: from, end: e.at });
        pausedAt = null;
        break;
      }
      case 'recOff':
        closeSegment(pass, e.at, e.reason);
        break;
      case 'phase':
        closePhase(pass, e.at);
        pass.phase = { kind: e.phase, start: e.at, end: e.at, nodeId: e.nodeId, parties: e.parties };
        break;
    }
  }
  closeSegment(pass, now, 'in-progress');
  closePhase(pass, now);
  if (pausedAt !== null && now > pausedAt) silences.push({ start: pausedAt, end: now });
  const { segments, phases, layout } = pass;

  let total = 0;
  for (const s of segments) total += s.end - s.start;
  // R30: where a pause leaves silence, the paused stretches stay in the recording, silent; where it leaves a gap, they are cut.
  const silent = core.settings.pauseLeaves.value === 'silence' ? silences : [];
  let silentSeconds = 0;
  for (const x of silent) silentSeconds += x.end - x.start;
  const voicemails = [...core.voicemails];
  const openVm = core.openVoicemail();
  if (openVm && openVm.end > openVm.start) voicemails.push(openVm);
  const recorded = segments.length > 0;
  const retention = core.settings.retention.value;
  return {
    direction: core.start.direction,
    recorded,
    channels: layout,
    segments,
    totalRecordedSeconds: tidy(total),
    recordingSeconds: tidy(total + silentSeconds),
    silences: silent,
    // R18: transcription needs dual channel; R29: and both sides on tape.
    transcribable: recorded && layout === 'dual' && segments.every((x) => x.sides === 'both'),
    voicemails,
    // R20: counted from the end of the call; only when something was recorded.
    deletionDate: recorded || voicemails.length > 0 ? deletionDate(core.start.startedAt, now, retention) : null,
    rejections: [...core.rejections],
    handledBy: { agentIds: [...core.handledAgents], ringGroupIds: [...core.handledGroups] },
    ended,
    duration: now,
    path: [...core.path],
    externalPortionAt: core.externalAt,
    limitReached: core.limitReached,
    flowStopped: core.flowStopped,
    timeline: { phases, markers: core.markers.slice() },
  };
}
