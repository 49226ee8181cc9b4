/**
 * Geometry of the timeline, apart from React so it can be tested in Node:
 * tick spacing, label placement for segment bars, marker grouping. Reads a
 * runtime `CallResult`; decides nothing about what is recorded.
 */
import type { CallResult, Marker, MarkerKind, Segment } from '../../runtime/call/types.ts';

/** Tick steps in seconds, smallest first. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** The smallest step whose ticks sit at least `minGapPx` apart. */
export function tickStep(pxPerSecond: number, minGapPx = 56): number {
  for (const s of STEPS) if (s * pxPerSecond >= minGapPx) return s;
  return STEPS[STEPS.length - 1]!;
}

export function ticks(extent: number, step: number): number[] {
  const out: number[] = [];
  for (let t = 0; t <= extent + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

/** "45 s" under a minute, "2:05" beyond: tick labels stay short. */
export function tickLabel(t: number): string {
  if (t < 60) return `${t} s`;
  const m = Math.floor(t / 60);
  const s = Math.round(t - m * 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

let context: CanvasRenderingContext2D | null | undefined;
let family = '';

/**
 * The width in pixels of `text` in the app's font: measured with a canvas in a browser (so a label that is said
 * to fit does fit), estimated from its length elsewhere (Node tests).
 */
export function measureText(text: string, px = 11, weight = 400): number {
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context) family = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
  }
  if (!context) return text.length * px * 0.62;
  context.font = `${weight} ${px}px ${family}`;
  return context.measureText(text).width;
}

/** Width of a segment's 11px bold label with a little room either side, to decide inside / below. */
export const textWidth = (text: string, px = 11) => measureText(text, px, 600) + 8;

/** `text` if it fits in `width` pixels, else shortened with an ellipsis, else '' when not even a few letters fit. */
export function fitText(text: string, width: number, px = 11, weight = 400): string {
  if (measureText(text, px, weight) <= width) return text;
  for (let n = text.length - 1; n >= 3; n--) {
    const short = `${text.slice(0, n).trimEnd()}…`;
    if (measureText(short, px, weight) <= width) return short;
  }
  return '';
}

export interface PlacedLabel {
  x: number;
  /** 0: inside the bar; 1, 2: label rows under the bar; null: no room anywhere (the Segments table lists it). */
  row: 0 | 1 | 2 | null;
  anchor: 'middle' | 'start';
}

/**
 * Where each bar's label goes: inside when it fits, else under the bar on
 * the first row free of the labels before it, else nowhere: labels never
 * overlap, and a label left out is in the Segments table and the bar's tip.
 */
export function placeLabels(bars: ReadonlyArray<{ x: number; width: number; text: string }>, right = Number.POSITIVE_INFINITY): PlacedLabel[] {
  const rowEnd = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  return bars.map((b) => {
    const w = textWidth(b.text);
    if (w <= b.width) return { x: b.x + b.width / 2, row: 0, anchor: 'middle' };
    const left = b.x;
    const row = rowEnd.findIndex((end) => left >= end);
    if (row < 0 || left + w > right) return { x: left, row: null, anchor: 'start' };
    rowEnd[row] = left + w + 4;
    return { x: left, row: (row + 1) as 1 | 2, anchor: 'start' };
  });
}

/** The short word drawn beside each kind of event marker. */
const MARKER_WORD: Partial<Record<MarkerKind, string>> = {
  pause: 'pause',
  resume: 'resume',
  transfer: 'transfer',
  'transfer-complete': 'transferred',
  'transfer-cancel': 'cancelled',
  conference: 'conference',
  'hang-up': 'hang-up',
  refusal: 'refused',
  'recording-on': 'rec on',
  'recording-off': 'rec off',
  // R19: a voicemail is a recording of its own; its words must not read as the call recording's.
  'voicemail-on': 'vm on',
  'voicemail-off': 'vm off',
  answer: 'answer',
  join: 'joins',
  leave: 'leaves',
  'external-portion': 'external',
};

export function markerWord(kind: MarkerKind): string {
  return MARKER_WORD[kind] ?? kind;
}

/** Marker families the timeline draws, each with its own shape and colour (and a legend entry). */
export type MarkerFamily = 'pause' | 'resume' | 'transfer' | 'hang-up' | 'refusal' | 'recording' | 'vm-recording' | 'party' | 'external';

const FAMILY: Partial<Record<MarkerKind, MarkerFamily>> = {
  pause: 'pause',
  resume: 'resume',
  transfer: 'transfer',
  'transfer-complete': 'transfer',
  'transfer-cancel': 'transfer',
  conference: 'transfer',
  'hang-up': 'hang-up',
  refusal: 'refusal',
  'recording-on': 'recording',
  'recording-off': 'recording',
  'voicemail-on': 'vm-recording',
  'voicemail-off': 'vm-recording',
  answer: 'party',
  join: 'party',
  leave: 'party',
  'external-portion': 'external',
};

export const FAMILY_TEXT: Record<MarkerFamily, string> = {
  pause: 'Pause',
  resume: 'Resume',
  transfer: 'Transfer / conference',
  'hang-up': 'Hang-up',
  refusal: 'Refused action',
  recording: 'Recording on / off',
  'vm-recording': 'Voicemail recording on / off (R19)',
  party: 'Answer / join / leave',
  external: 'External portion begins',
};

export function markerFamily(kind: MarkerKind): MarkerFamily | null {
  return FAMILY[kind] ?? null;
}

export interface PlacedMarker {
  marker: Marker;
  family: MarkerFamily;
  x: number;
  /** Stacking row for markers that fall on nearly the same spot. */
  row: number;
}

/** Markers worth drawing, stacked when they would overlap. */
export function placeMarkers(markers: readonly Marker[], x: (t: number) => number, rows = 3, minGapPx = 14): PlacedMarker[] {
  const out: PlacedMarker[] = [];
  const lastX: number[] = Array.from({ length: rows }, () => Number.NEGATIVE_INFINITY);
  for (const marker of markers) {
    const family = markerFamily(marker.kind);
    if (!family) continue;
    const px = x(marker.at);
    let row = lastX.findIndex((lx) => px - lx >= minGapPx);
    if (row < 0) row = lastX.indexOf(Math.min(...lastX));
    lastX[row] = px;
    out.push({ marker, family, x: px, row });
  }
  return out;
}

export interface MarkerLabel {
  text: string;
  /** Which side of its marker the text sits: right, or left when the drawing ends first (the call's hang-up). */
  side: 'right' | 'left';
}

/**
 * The text beside each placed marker: its own words where they fit before the next marker of its row (and the
 * edge of the drawing), else on its left when that side has more room, shortened if need be (to `maxWidth` at
 * most), else nothing; so
 * event labels never overlap each other or a marker. `texts[i]` is the text wanted for `placed[i]`.
 */
export function markerLabels(placed: readonly PlacedMarker[], texts: readonly string[], right: number, px = 10, maxWidth = 200): MarkerLabel[] {
  const GAP = 9;
  const rows = Math.max(0, ...placed.map((m) => m.row)) + 1;
  // How far right each row is taken so far: by a marker, or by a label drawn after it.
  const taken: number[] = Array.from({ length: rows }, () => Number.NEGATIVE_INFINITY);
  return placed.map((m, i) => {
    let limit = right;
    for (let j = i + 1; j < placed.length; j++) if (placed[j]!.row === m.row) limit = Math.min(limit, placed[j]!.x - GAP + 1);
    const roomRight = limit - (m.x + GAP);
    const roomLeft = m.x - GAP - Math.max(taken[m.row]! + 4, 0);
    taken[m.row] = Math.max(taken[m.row]!, m.x + 7);
    // Right of the marker reads best; left only when the marker's own word does not fit there and fits better left.
    const word = markerWord(m.marker.kind);
    const side: MarkerLabel['side'] = measureText(word, px) <= roomRight || roomRight >= roomLeft ? 'right' : 'left';
    const roomSide = side === 'right' ? roomRight : roomLeft;
    // A long text (a refusal's reason) leaves room for the markers after it; the list under the timeline has it whole.
    const room = Math.min(maxWidth, roomSide);
    const text = texts[i] ?? '';
    if (room <= 0) return { text: '', side };
    let shown = fitText(text, room, px);
    // Cut inside its head ("pause refused" of "pause refused: why"), a text says less than the head or the word.
    const head = text.split(': ')[0]!;
    if (shown !== text && !shown.startsWith(`${head}:`)) {
      shown = [head, word].find((t) => measureText(t, px) <= room) ?? '';
    }
    if (shown && side === 'right') taken[m.row] = m.x + GAP + measureText(shown, px);
    return { text: shown, side };
  });
}

/**
 * Stretches with no audio between two segments, after a pause (R11): shown as gaps. `silent` marks a stretch the
 * recording keeps as silence (R30: where a pause leaves silence), which is in the recording's length but holds
 * no audio.
 */
export function pauseGaps(result: CallResult): Array<{ start: number; end: number; silent: boolean }> {
  const gaps: Array<{ start: number; end: number; silent: boolean }> = [];
  result.segments.forEach((s: Segment, i) => {
    if (s.endReason !== 'paused') return;
    const next = result.segments[i + 1];
    const end = next ? next.start : result.duration;
    const silent = result.silences.some((x) => x.start < end && s.end < x.end);
    gaps.push({ start: s.end, end, silent });
  });
  return gaps.filter((g) => g.end > g.start);
}

/** The lanes the timeline draws: channel A (the contact), channel B (the agent side), or one mixed mono lane. */
export type LaneKey = 'A' | 'B' | 'mono';

/**
 * R29: whether a segment's audio of this lane is on tape. A dual-channel segment that records one side leaves the
 * other channel empty; a mono lane holds whichever sides were recorded, mixed.
 */
export function onTape(lane: LaneKey, sides: Segment['sides']): boolean {
  if (lane === 'A') return sides !== 'agent';
  if (lane === 'B') return sides !== 'contact';
  return true;
}

/** The sides of a segment in words, for bars and tooltips. */
export const SIDES_WORDS: Record<Segment['sides'], string> = {
  both: 'both sides',
  contact: 'the contact only',
  agent: 'the agent side only',
};

/** After the external portion began with recording stopped (R14): nothing recorded from there on. */
export function externalCut(result: CallResult): { start: number; end: number } | null {
  const at = result.externalPortionAt;
  if (at === null) return null;
  if (result.segments.some((s) => s.end > at)) return null;
  return result.duration > at ? { start: at, end: result.duration } : null;
}
