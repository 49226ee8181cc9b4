/**
 * "What would this call record on Amazon Connect?": a saved scenario run on
 * the workspace as it is on another platform (R30), and what differs from
 * the platform it models, in words: segments only one has, seconds per side,
 * the sides a segment holds (R29), the recording's length and its silence
 * (R30), refused actions, transcription. Headless: both results are the
 * runtime's; this module only words the difference.
 */
import { simulate } from '../../runtime/call/scenario.ts';
import type { CallResult, CallStart, Interval, Segment } from '../../runtime/call/types.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { type PlatformId, presetOf } from '../../runtime/platforms/presets.ts';
import { onPlatform } from '../settings/platform.ts';
import { ACTION_WORD, REJECTION_TEXT, secs, span } from './format.ts';
import type { SavedScenario } from './scenarios.ts';
import { flowFor } from './simStore.ts';
import { SIDES_WORDS } from './timelineLayout.ts';

/** One run of a scenario on one platform. */
export interface PlatformRun {
  platform: PlatformId;
  /** Null when the call could not be replayed there (`error` says why). */
  result: CallResult | null;
  error?: string;
}

export interface PresetComparison {
  base: PlatformRun;
  other: PlatformRun;
  /** One sentence per difference; empty when both record the call the same way. */
  differences: string[];
}

/** Runs a saved scenario on `ws` as it would be on `platform` (the preset's fixed and starting values applied). */
export function runOnPlatform(ws: WorkspaceDoc, saved: SavedScenario, platform: PlatformId): PlatformRun {
  const on = onPlatform(ws, platform);
  const sc = saved.scenario;
  try {
    return { platform, result: simulate(on, flowFor(on, sc.call as CallStart, saved.flowChoice), sc) };
  } catch (e) {
    return { platform, result: null, error: `The call could not be replayed on ${presetOf(platform).name}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The scenario on the workspace's own platform and on `platform`, and their differences in words. */
export function comparePresets(ws: WorkspaceDoc, saved: SavedScenario, platform: PlatformId): PresetComparison {
  const base = runOnPlatform(ws, saved, ws.platform);
  const other = runOnPlatform(ws, saved, platform);
  if (!base.result || !other.result) return { base, other, differences: [base.error ?? other.error ?? 'The call could not be replayed.'] };
  return { base, other, differences: describePlatformDifferences(base.result, other.result, presetOf(ws.platform).name, presetOf(platform).name) };
}

// ---------------------------------------------------------------------------
// Intervals
// ---------------------------------------------------------------------------

const EPS = 1e-9;

/** Sorted, merged stretches. */
function merge(xs: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of [...xs].sort((a, b) => a.start - b.start)) {
    if (x.end - x.start <= EPS) continue;
    const last = out.at(-1);
    if (last && x.start <= last.end + EPS) last.end = Math.max(last.end, x.end);
    else out.push({ start: x.start, end: x.end });
  }
  return out;
}

/** The stretches of `a` not in `b` (both merged). */
function minus(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    let pieces: Interval[] = [{ ...x }];
    for (const y of b) {
      pieces = pieces.flatMap((p) => {
        if (y.end <= p.start + EPS || y.start >= p.end - EPS) return [p];
        const keep: Interval[] = [];
        if (y.start > p.start + EPS) keep.push({ start: p.start, end: y.start });
        if (y.end < p.end - EPS) keep.push({ start: y.end, end: p.end });
        return keep;
      });
    }
    out.push(...pieces);
  }
  return out;
}

const total = (xs: readonly Interval[]) => xs.reduce((n, x) => n + (x.end - x.start), 0);
const spans = (xs: readonly Interval[]) => xs.map((x) => span(x.start, x.end)).join(', ');

type Side = 'contact' | 'agent';

/** R29: the stretches a side of the call is on tape. */
function sideOnTape(r: CallResult, side: Side): Interval[] {
  return merge(r.segments.filter((s) => s.sides === 'both' || s.sides === side));
}

const SIDE_NAME: Record<Side, string> = { contact: 'The contact (channel A)', agent: 'The agent side (channel B)' };

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

/** Segments are the same segment on both platforms when they span the same seconds. */
const segKey = (s: Pick<Segment, 'start' | 'end'>) => `${s.start}\u0000${s.end}`;

/** What the recording's length says: "80 s" or "80 s, 10 s of it silence". */
function lengthText(r: CallResult): string {
  const silence = r.recordingSeconds - r.totalRecordedSeconds;
  return silence > EPS ? `${secs(r.recordingSeconds)} s, ${secs(silence)} s of it silence` : `${secs(r.recordingSeconds)} s`;
}

/**
 * The differences between the results of one call on two platforms, one sentence each, named by the platforms'
 * names: whether it is recorded, the layout, the seconds each side is on tape and the stretches only one records,
 * the segments only one has, the sides of a segment both have, the recording's length, transcription, refused
 * actions and voicemails. Empty when the two record the call the same way.
 */
export function describePlatformDifferences(a: CallResult, b: CallResult, aName: string, bName: string): string[] {
  const out: string[] = [];
  if (a.recorded !== b.recorded) {
    out.push(a.recorded ? `${aName} records this call; ${bName} records nothing of it.` : `${aName} records nothing of this call; ${bName} records it.`);
  }
  if (a.channels !== b.channels && a.channels !== null && b.channels !== null) {
    out.push(`Channel layout: ${a.channels} on ${aName}, ${b.channels} on ${bName}.`);
  }

  // Seconds on tape per side, and the stretches only one platform records (R29: a side may be off tape).
  const sides: Array<{ side: Side; onlyA: Interval[]; onlyB: Interval[]; secA: number; secB: number }> = (['contact', 'agent'] as const).map((side) => {
    const ia = sideOnTape(a, side);
    const ib = sideOnTape(b, side);
    return { side, onlyA: minus(ia, ib), onlyB: minus(ib, ia), secA: total(ia), secB: total(ib) };
  });
  const [contact, agent] = sides as [(typeof sides)[0], (typeof sides)[0]];
  const same = spans(contact.onlyA) === spans(agent.onlyA) && spans(contact.onlyB) === spans(agent.onlyB) && contact.secA === agent.secA && contact.secB === agent.secB;
  const sideSentence = (name: string, x: (typeof sides)[0]) => {
    if (x.onlyA.length === 0 && x.onlyB.length === 0) return null;
    const parts = [`${name}: ${secs(x.secA)} s on tape on ${aName}, ${secs(x.secB)} s on ${bName}`];
    if (x.onlyA.length) parts.push(`${spans(x.onlyA)} only on ${aName}`);
    if (x.onlyB.length) parts.push(`${spans(x.onlyB)} only on ${bName}`);
    return `${parts.join('; ')}.`;
  };
  if (same) {
    const s = sideSentence('Both sides', contact);
    if (s) out.push(s);
  } else {
    for (const x of sides) {
      const s = sideSentence(SIDE_NAME[x.side], x);
      if (s) out.push(s);
    }
  }

  // Segments: those only one platform has (segments gained or lost), and the sides of those both have.
  const keysB = new Map(b.segments.map((s) => [segKey(s), s]));
  const keysA = new Set(a.segments.map(segKey));
  const lost = a.segments.filter((s) => !keysB.has(segKey(s)));
  const gained = b.segments.filter((s) => !keysA.has(segKey(s)));
  if (lost.length || gained.length) {
    const count = (n: number) => `${n} segment${n === 1 ? '' : 's'}`;
    const parts = [`Segments: ${count(a.segments.length)} on ${aName}, ${count(b.segments.length)} on ${bName}`];
    if (lost.length) parts.push(`only on ${aName}: ${spans(lost)}`);
    if (gained.length) parts.push(`only on ${bName}: ${spans(gained)}`);
    out.push(`${parts.join('; ')}.`);
  }
  for (const s of a.segments) {
    const t = keysB.get(segKey(s));
    if (t && t.sides !== s.sides) out.push(`Segment ${span(s.start, s.end)}: ${SIDES_WORDS[s.sides]} on ${aName}, ${SIDES_WORDS[t.sides]} on ${bName} (R29).`);
  }

  // R30: the recording's length (a pause that leaves silence keeps the paused stretch in it).
  if (Math.abs(a.recordingSeconds - b.recordingSeconds) > EPS || Math.abs(total(a.silences) - total(b.silences)) > EPS) {
    out.push(`Recording length: ${lengthText(a)} on ${aName}; ${lengthText(b)} on ${bName}.`);
  }
  if (a.transcribable !== b.transcribable) {
    out.push(`Transcribable: ${a.transcribable ? 'yes' : 'no'} on ${aName}, ${b.transcribable ? 'yes' : 'no'} on ${bName}.`);
  }

  // Actions one platform refuses and the other takes (R10: pause allowed or not).
  const refusalKey = (r: CallResult['rejections'][number]) => `${r.at}\u0000${r.action.type}`;
  const refusedB = new Map(b.rejections.map((r) => [refusalKey(r), r]));
  const refusedA = new Map(a.rejections.map((r) => [refusalKey(r), r]));
  const what = (r: CallResult['rejections'][number]) => `${ACTION_WORD[r.action.type] ?? r.action.type} at ${secs(r.at)} s`;
  for (const r of a.rejections) {
    if (!refusedB.has(refusalKey(r))) out.push(`The ${what(r)} is refused on ${aName} (${REJECTION_TEXT[r.code]}) and taken on ${bName}.`);
  }
  for (const r of b.rejections) {
    if (!refusedA.has(refusalKey(r))) out.push(`The ${what(r)} is taken on ${aName} and refused on ${bName} (${REJECTION_TEXT[r.code]}).`);
  }
  if (a.voicemails.length !== b.voicemails.length) {
    out.push(`Voicemail recordings: ${a.voicemails.length} on ${aName}, ${b.voicemails.length} on ${bName}.`);
  }
  if (a.path.join() !== b.path.join()) out.push(`The call takes another path through the flow on ${bName}.`);
  return out;
}
