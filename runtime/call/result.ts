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

/**
 * Builds the result of a call as it stands (an open segment or voicemail is
 * reported as `in-progress` up to the current time).
 */
export function deriveResult(core: CallData, ended: boolean): CallResult {
  const segments: Segment[] = [];
  const phases: Phase[] = [];
  const present = new Set<PartyId>();
  /** The open segment, with each party heard in it besides the contact, in the order they came in. */
  let open: { start: number; channels: ChannelLayout; sides: RecordedSides; b: Set<PartyId> } | null = null;
  /** R17/R30: where outside and conferenced parties sit: on the agent side (B) or with the contact (A). */
  const outsideWithContact = core.settings.outsidePartiesChannel.value === 'contact-side';
  /** R30: paused stretches, filled with silence where the platform does that. */
  const silences: Interval[] = [];
  let pausedAt: number | null = null;
  let layout: ChannelLayout | null = null;
  let phase: Phase | null = null;
  const now = core.endedAt ?? core.now;

  const close = (end: number, reason: SegmentEndReason) => {
    if (open === null) return;
    // A segment opened and closed at the same moment recorded nothing.
    if (end > open.start) {
      // R17: the layout is fixed when recording first starts.
      layout ??= open.channels;
      // R17/R21: a party who joins at the moment the segment ends is not heard in it: the machine logs the
      // segment's end before that join, so `open.b` holds only parties heard in it.
      const channelA: PartyId[] = [CONTACT];
      const channelB: PartyId[] = [];
      for (const party of open.b) {
        if (outsideWithContact && partyKind(party) !== 'agent') channelA.push(party);
        else channelB.push(party);
      }
      segments.push({ start: open.start, end, channelA, channelB, endReason: reason, sides: open.sides });
    }
    open = null;
  };
  const closePhase = (end: number) => {
    if (phase && end > phase.start) {
      phase.end = end;
      phases.push(phase);
    }
    phase = null;
  };

  for (const e of core.log) {
    switch (e.t) {
      case 'join':
        present.add(e.party);
        open?.b.add(e.party);
        break;
      case 'leave':
        present.delete(e.party);
        break;
      case 'recOn':
        open = { start: e.at, channels: e.channels, sides: e.sides, b: new Set(present) };
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
        close(e.at, e.reason);
        break;
      case 'phase':
        closePhase(e.at);
        phase = { kind: e.phase, start: e.at, end: e.at, nodeId: e.nodeId, parties: e.parties };
        break;
    }
  }
  close(now, 'in-progress');
  closePhase(now);
  if (pausedAt !== null && now > pausedAt) silences.push({ start: pausedAt, end: now });

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
    timeline: { phases, markers: core.markers.slice() },
  };
}
