/**
 * Whether a call records differently through two versions of a flow, and
 * how: seconds gained or lost per channel layout, segments that appeared or
 * vanished, and which change of the flow the call passed through. Used by
 * `recflow diff --calls` over a call log and by the editor's Compare panel
 * over the flow's saved scenarios. Headless, from results only.
 */
import { type FlowDiff, formatFieldChange, nodeTitle } from '../document/diff.ts';
import type { FlowDoc } from '../document/flow.ts';
import type { CallResult, ChannelLayout, Segment, VoicemailRecording } from './types.ts';

/** How one call's recording changed. */
export interface RecordingChange {
  /** What changed, in words, e.g. "no longer recorded", "records less", "channels dual → mono". */
  effect: string;
  /** The changes of the flow the call passed through (in either version), as the diff words them. */
  causes: string[];
  /** Recorded seconds after minus before, per channel layout. */
  seconds: Record<ChannelLayout, number>;
  /** Segments only the newer version records, and only the older. */
  appeared: Segment[];
  vanished: Segment[];
  /** Voicemail messages that differ (only in one version or with other bounds). */
  voicemailsChanged: number;
}

const segmentKey = (s: Segment) => `${s.start}|${s.end}|${s.endReason}|${s.channelA.join(',')}|${s.channelB.join(',')}`;
const voicemailKey = (v: VoicemailRecording) => `${v.nodeId}|${v.start}|${v.end}|${v.endReason}`;

/** Items of `a` with no equal (by key) left in `b`, counting repeats. */
function without<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): T[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(key(x), (left.get(key(x)) ?? 0) + 1);
  const out: T[] = [];
  for (const x of a) {
    const k = key(x);
    const n = left.get(k) ?? 0;
    // Stryker disable next-line ArithmeticOperator: a call's segments never repeat (non-empty, non-overlapping) nor do its voicemails, so no key is looked up again after its match
    if (n > 0) left.set(k, n - 1);
    else out.push(x);
  }
  return out;
}

const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/** For each node id, what the flow diff says changed there (the node itself, or the connections leaving it). */
export type ChangeNotes = ReadonlyMap<string, string[]>;

/**
 * Words for each node the flow diff touches, keyed by node id: `Recording "Record" (rec): record: "on" → "off"`,
 * `Menu "Main" (menu): port "2" now leads to "sales" (was "billing")`. Nodes that only moved have none.
 */
export function changeNotes(diff: FlowDiff, before: FlowDoc, after: FlowDoc): ChangeNotes {
  const notes = new Map<string, string[]>();
  const add = (id: string, text: string) => {
    const list = notes.get(id);
    if (list) list.push(text);
    else notes.set(id, [text]);
  };
  // A connection's node is named as the newer version has it (the older, if it is gone).
  const titles = new Map<string, string>();
  for (const n of [...before.nodes, ...after.nodes]) titles.set(n.id, nodeTitle({ id: n.id, kind: n.kind, label: (n.data as { label?: string }).label || n.id }));
  for (const n of diff.nodes) {
    if (n.change === 'added') add(n.id, `${nodeTitle(n)} added`);
    else if (n.change === 'removed') add(n.id, `${nodeTitle(n)} removed`);
    else if (n.change === 'changed') add(n.id, `${nodeTitle(n)}: ${n.fields.map(formatFieldChange).join(', ')}`);
  }
  for (const c of diff.connections) {
    const from = `${titles.get(c.source) ?? `"${c.source}"`} port "${c.port}"`;
    if (c.change === 'added') add(c.source, `${from} now leads to "${c.after}"`);
    else if (c.change === 'removed') add(c.source, `${from} no longer leads to "${c.before}"`);
    else add(c.source, `${from} now leads to "${c.after}" (was "${c.before}")`);
  }
  return notes;
}

// A result has a channel layout exactly when it recorded a segment (R17: fixed when the first segment is on tape).
function effectOf(before: CallResult, after: CallResult, seconds: Record<ChannelLayout, number>, segmentsChanged: boolean): string {
  if (before.recorded && !after.recorded) return 'no longer recorded';
  if (!before.recorded && after.recorded) return 'now recorded';
  // Both recorded (both layouts set) or neither (both null, so equal).
  if (before.channels !== after.channels) return `channels ${before.channels} → ${after.channels}`;
  const delta = seconds.dual + seconds.mono;
  if (delta < 0) return 'records less';
  if (delta > 0) return 'records more';
  if (segmentsChanged) return 'records other segments';
  // Same segments, same layout: only the voicemails can differ (recordingChange returns null otherwise).
  return 'voicemail differs';
}

/**
 * How `after` (the newer version's result) records differently from `before` for the same call, or null when
 * both record the same (same segments with the same parties and end reasons, same channel layout, same voicemails).
 *
 * @example
 * const change = recordingChange(resultThroughPublished, resultThroughEdited, changeNotes(diffFlows(published, edited), published, edited));
 * change?.effect;  // 'no longer recorded'
 * change?.causes;  // ['Recording "Record support call" (rec-support): record: "on" → "off"']
 * change?.seconds; // { dual: -132, mono: 0 }
 */
export function recordingChange(before: CallResult, after: CallResult, notes: ChangeNotes): RecordingChange | null {
  const appeared = without(after.segments, before.segments, segmentKey);
  const vanished = without(before.segments, after.segments, segmentKey);
  const voicemailsChanged =
    without(after.voicemails, before.voicemails, voicemailKey).length + without(before.voicemails, after.voicemails, voicemailKey).length;
  // Same segments mean the same recorded-or-not, so the layouts can differ here only where both recorded.
  if (appeared.length === 0 && vanished.length === 0 && voicemailsChanged === 0 && before.channels === after.channels) return null;

  const seconds: Record<ChannelLayout, number> = { dual: 0, mono: 0 };
  const total = (r: CallResult) => r.segments.reduce((sum, s) => sum + (s.end - s.start), 0);
  if (before.channels) seconds[before.channels] -= total(before);
  if (after.channels) seconds[after.channels] += total(after);
  seconds.dual = tidy(seconds.dual);
  seconds.mono = tidy(seconds.mono);

  const causes: string[] = [];
  const seen = new Set<string>();
  for (const id of [...before.path, ...after.path]) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const note of notes.get(id) ?? []) causes.push(note);
  }
  if (causes.length === 0) causes.push('a change the call did not pass through (the call start, or the flow the number runs)');
  return {
    effect: effectOf(before, after, seconds, appeared.length + vanished.length > 0),
    causes,
    seconds,
    appeared,
    vanished,
    voicemailsChanged,
  };
}

/** The measurable side of a change (one call's, or a group's summed), as `recordingFigures` words it. */
export interface ChangeFigures {
  seconds: Record<ChannelLayout, number>;
  appeared: number;
  vanished: number;
  voicemailsChanged?: number;
}

/**
 * `dual −44 s · 1 segment vanished`: seconds gained or lost per channel layout and segments that appeared or
 * vanished, leaving out what did not change; '' when nothing measurable did.
 */
export function recordingFigures(f: ChangeFigures): string {
  const n = (x: number) => Math.abs(x).toLocaleString('en-US');
  // Stryker disable next-line EqualityOperator: s is not 0 past the first test, so s > 0 and s >= 0 agree
  const secs = (layout: string, s: number) => (s === 0 ? '' : `${layout} ${s > 0 ? '+' : '−'}${n(s)} s`);
  const count = (k: number, what: string) => `${n(k)} ${what}${k === 1 ? '' : 's'}`;
  const vm = f.voicemailsChanged ?? 0;
  return [
    secs('dual', f.seconds.dual),
    secs('mono', f.seconds.mono),
    f.appeared > 0 ? `${count(f.appeared, 'segment')} appeared` : '',
    f.vanished > 0 ? `${count(f.vanished, 'segment')} vanished` : '',
    vm > 0 ? `${count(vm, 'voicemail')} ${vm === 1 ? 'differs' : 'differ'}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
