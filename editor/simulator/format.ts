/**
 * Words and numbers the simulator shows: seconds, party names, actions,
 * end reasons, setting sources. Display only: every fact comes from the
 * runtime's result; nothing here decides what is recorded.
 */
import { presetOf } from '../../runtime/platforms/presets.ts';
import { getModel } from '../../nodes/index.ts';
import { describeTarget } from '../../nodes/kit/fields.ts';
import { indexWorkspace } from '../../runtime/call/lookup.ts';
import { partyLabel } from '../../runtime/call/parties.ts';
import { type CallAction, type CallStart, DEFAULT_STARTED_AT, type PartyId, type PhaseKind, type RejectionCode, type SegmentEndReason, type SettingSource } from '../../runtime/call/types.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';

/** Seconds without binary noise: 12, 12.5, 0.25. */
export function secs(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Number.isInteger(r) ? String(r) : r.toFixed(2).replace(/0+$/, '');
}

/** "12–40 s": a recorded stretch as a reviewer reads it. */
export function span(start: number, end: number): string {
  return `${secs(start)}–${secs(end)} s`;
}

/** "2026-12-02 05:10 UTC" (seconds only when there are any): a wall-clock moment as the simulator shows it. */
export function utcText(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const text = new Date(ms).toISOString();
  const seconds = text.slice(16, 19) === ':00' ? '' : text.slice(16, 19);
  return `${text.slice(0, 10)} ${text.slice(11, 16)}${seconds} UTC`;
}

/** When the call starts (t = 0), and whether the start named none so the runtime's default applies. */
export function callStartedAt(start: CallStart): { text: string; isDefault: boolean } {
  return { text: utcText(start.startedAt ?? DEFAULT_STARTED_AT), isDefault: start.startedAt === undefined };
}

export function contactNumberOf(start: CallStart): string {
  return start.direction === 'inbound' ? start.callerNumber : start.contactNumber;
}

/** A party's display name ("Ana", "contact +1555…", "outside +1555…"). */
export function partyName(ws: WorkspaceDoc, start: CallStart, party: PartyId): string {
  return partyLabel(party, indexWorkspace(ws), contactNumberOf(start));
}

export function partyNames(ws: WorkspaceDoc, start: CallStart, parties: readonly PartyId[]): string {
  return parties.length === 0 ? '—' : parties.map((p) => partyName(ws, start, p)).join(', ');
}

export function agentName(ws: WorkspaceDoc, agentId: string): string {
  return ws.agents.find((a) => a.id === agentId)?.name ?? agentId;
}

/** A flow node as people call it: its label, else its kind's title, with the id. */
export function nodeName(flow: FlowDoc | undefined, nodeId: string): string {
  const node = flow?.nodes.find((n) => n.id === nodeId);
  if (!node) return nodeId;
  const label = (node.data as { label?: unknown }).label;
  const title = getModel(node.kind)?.title ?? node.kind;
  return typeof label === 'string' && label.trim() !== '' ? `${label} (${title})` : `${title} ${node.id}`;
}

/** One history entry as a sentence: "Ana pauses recording". */
export function describeAction(ws: WorkspaceDoc, start: CallStart, action: CallAction): string {
  switch (action.type) {
    case 'press':
      return `Caller presses ${action.digit}`;
    case 'choose':
      return `Chosen: ${action.option}`;
    case 'answer':
      return `${agentName(ws, action.agentId)} answers`;
    case 'contactAnswer':
      return 'Contact answers';
    case 'outsideAnswer':
      return 'The outside party answers';
    case 'hold':
      return `${agentName(ws, action.agentId)} holds the contact`;
    case 'unhold':
      return `${agentName(ws, action.agentId)} takes the contact off hold`;
    case 'pause':
      return `${agentName(ws, action.agentId)} pauses recording`;
    case 'resume':
      return `${agentName(ws, action.agentId)} resumes recording`;
    case 'transfer':
      return `${agentName(ws, action.agentId)} ${action.mode} transfers to ${describeTarget(action.target, ws)}`;
    case 'completeTransfer':
      return `${agentName(ws, action.agentId)} completes the transfer`;
    case 'cancelTransfer':
      return `${agentName(ws, action.agentId)} cancels the transfer`;
    case 'conference':
      return `${agentName(ws, action.agentId)} conferences in ${describeTarget(action.target, ws)}`;
    case 'hangUp':
      return `${partyName(ws, start, action.party)} hangs up`;
    case 'wait':
      return 'Clock moves on';
  }
}

export const END_REASON_TEXT: Record<SegmentEndReason, string> = {
  paused: 'paused by the agent (R11)',
  'recording-off': 'Recording node turned it off (R6)',
  'external-transfer': 'external portion began (R14)',
  'hang-up': 'call ended (R9)',
  'in-progress': 'still recording',
};

export const PHASE_TEXT: Record<PhaseKind, string> = {
  ivr: 'IVR',
  ringing: 'Ringing',
  dialling: 'Dialling',
  agent: 'Agent',
  consultation: 'Consultation',
  conference: 'Conference',
  outside: 'Outside party',
  voicemail: 'Voicemail',
};

/** The simulator's status line off a flow node: what the call is doing, in the machine's terms (its `where` phase). */
const STATUS_TEXT: Record<PhaseKind, string> = {
  ivr: 'In the IVR',
  ringing: 'Ringing',
  dialling: 'Dialling the contact',
  agent: 'Talking',
  consultation: 'Consultation (warm transfer)',
  conference: 'Conference',
  outside: 'Talking with an outside party',
  voicemail: 'Taking a voicemail',
};

/** The status line of a call: ended, at a flow node (by its name), or what the call machine says it is doing. */
export function callStatus(
  call: { ended: boolean; currentNodeId: string | null; phase: PhaseKind | null },
  flow: FlowDoc | undefined,
): string {
  if (call.ended) return 'Call ended';
  if (call.currentNodeId) return `At ${nodeName(flow, call.currentNodeId)}`;
  return call.phase ? STATUS_TEXT[call.phase] : 'Starting';
}

/** Where an effective setting comes from (R3), in words. */
export function sourceText(ws: WorkspaceDoc, flow: FlowDoc | undefined, source: SettingSource): string {
  switch (source.kind) {
    case 'node':
      return `Recording node ${nodeName(flow, source.nodeId)}`;
    case 'number': {
      const n = ws.numbers.find((x) => x.id === source.numberId);
      return `override of number ${n ? `${n.label || n.id} ${n.number}` : source.numberId}`;
    }
    case 'account':
      return 'account setting';
    case 'platform':
      return `fixed by ${presetOf(source.platform).name}`;
  }
}

/** A call action in a word or two: "pause", "hang-up" (timeline labels, refusals, scenario differences). */
export const ACTION_WORD: Record<CallAction['type'], string> = {
  press: 'key press',
  choose: 'choice',
  answer: 'answer',
  contactAnswer: 'contact answers',
  outsideAnswer: 'outside answers',
  hold: 'hold',
  unhold: 'unhold',
  pause: 'pause',
  resume: 'resume',
  transfer: 'transfer',
  completeTransfer: 'complete transfer',
  cancelTransfer: 'cancel transfer',
  conference: 'conference',
  hangUp: 'hang-up',
  wait: 'wait',
};

/** Why an action was refused, in words: "pause at 20 s was refused as not allowed by settings". */
export const REJECTION_TEXT: Record<RejectionCode, string> = {
  'not-allowed-by-settings': 'not allowed by settings',
  'not-controlling-agent': 'not from the controlling agent',
  'already-paused': 'already paused',
  'not-paused': 'not paused',
  'not-recording': 'not recording',
  'not-available': 'not available then',
  'unknown-party': 'naming someone not on the call',
  'call-ended': 'too late, the call had ended',
};
