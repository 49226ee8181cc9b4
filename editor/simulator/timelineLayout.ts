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

/** Rough width of a 11px label, enough to decide inside / below. */
export const textWidth = (text: string, px = 11) => text.length * px * 0.6 + 8;

export interface PlacedLabel {
  x: number;
  /** 0: inside the bar; 1, 2: label rows under the bar. */
  row: 0 | 1 | 2;
  anchor: 'middle' | 'start';
}

/**
 * Where each bar's label goes: inside when it fits, else under the bar on
 * the first row free of the labels before it (so labels never overlap and
 * the seconds are readable without hovering).
 */
export function placeLabels(bars: ReadonlyArray<{ x: number; width: number; text: string }>): PlacedLabel[] {
  const rowEnd = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  return bars.map((b) => {
    const w = textWidth(b.text);
    if (w <= b.width) return { x: b.x + b.width / 2, row: 0, anchor: 'middle' };
    const left = b.x;
    const row = left >= rowEnd[0]! ? 0 : left >= rowEnd[1]! ? 1 : rowEnd[0]! <= rowEnd[1]! ? 0 : 1;
    rowEnd[row] = left + w + 4;
    return { x: left, row: (row + 1) as 1 | 2, anchor: 'start' };
  });
}

/** Marker families the timeline draws, each with its own shape and colour (and a legend entry). */
export type MarkerFamily = 'pause' | 'resume' | 'transfer' | 'hang-up' | 'refusal' | 'recording' | 'party' | 'external';

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

/** Stretches with no recording between two segments, after a pause (R11): shown as gaps. */
export function pauseGaps(result: CallResult): Array<{ start: number; end: number }> {
  const gaps: Array<{ start: number; end: number }> = [];
  result.segments.forEach((s: Segment, i) => {
    if (s.endReason !== 'paused') return;
    const next = result.segments[i + 1];
    gaps.push({ start: s.end, end: next ? next.start : result.duration });
  });
  return gaps.filter((g) => g.end > g.start);
}

/** After the external portion began with recording stopped (R14): nothing recorded from there on. */
export function externalCut(result: CallResult): { start: number; end: number } | null {
  const at = result.externalPortionAt;
  if (at === null) return null;
  if (result.segments.some((s) => s.end > at)) return null;
  return result.duration > at ? { start: at, end: result.duration } : null;
}
