/**
 * Where a new node (or a pasted group of nodes) goes: the nearest free spot to where the user asked, so it never
 * lands on another node or hides a port hanging under one.
 */
import type { XY } from '../store/edits.ts';
import type { Size } from './layout.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GRID = 16;
/** Clear space around a node: its output handles hang 11 px below its frame and its input handle 8 px above. */
const MARGIN = 24;

const snap = (v: number) => Math.round(v / GRID) * GRID;

/**
 * Offsets tried around the asked spot, in grid steps of three (48 px), nearest first: a step down costs 1, a step
 * sideways 2 (nodes are wider than tall), a step up 3 (flows read top to bottom, so a new node belongs below).
 */
const OFFSETS: ReadonlyArray<readonly [number, number]> = (() => {
  const list: Array<[number, number, number]> = [];
  for (let dx = -30; dx <= 30; dx++) {
    for (let dy = -30; dy <= 60; dy++) list.push([dx, dy, Math.abs(dx) * 2 + (dy < 0 ? -dy * 3 : dy)]);
  }
  return list.sort((a, b) => a[2] - b[2] || b[1] - a[1] || Math.abs(a[0]) - Math.abs(b[0]) || b[0] - a[0]).map(([dx, dy]) => [dx, dy] as const);
})();

/**
 * The top-left corner nearest to `p` (snapped to the grid) where a box of `size` overlaps none of `taken` (with a
 * margin for the handles), preferring below, then the sides, then above. Falls back to `p` itself when nothing
 * within about 1,500 px is free.
 *
 * @example
 * freeSpot({ x: 0, y: 0 }, { width: 208, height: 132 }, [{ x: 0, y: 0, width: 208, height: 132 }]); // { x: 0, y: 192 }
 */
export function freeSpot(p: XY, size: Size, taken: readonly Box[]): XY {
  const free = (x: number, y: number) =>
    !taken.some((r) => x < r.x + r.width + MARGIN && x + size.width + MARGIN > r.x && y < r.y + r.height + MARGIN && y + size.height + MARGIN > r.y);
  const start = { x: snap(p.x), y: snap(p.y) };
  const step = GRID * 3;
  for (const [dx, dy] of OFFSETS) {
    const x = start.x + dx * step;
    const y = start.y + dy * step;
    if (free(x, y)) return { x, y };
  }
  return start;
}

/** The box around `boxes` (positions and sizes), or null for none. */
export function boundsOf(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}
