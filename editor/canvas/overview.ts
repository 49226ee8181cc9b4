/**
 * The drawn overview of a very large flow. Zoomed far out, thousands of node elements cost more to paint than
 * they tell (npm run bench: 5000 nodes at zoom 0.1 ran at 50 ms frames as DOM boxes, 67 ms on a bare React Flow
 * page), so the canvas hides them and draws every node as a box and every edge as a curve on one `<canvas>`.
 *
 * This file is the part without React: the scene (boxes and edge ends in flow coordinates, a grid to find the
 * node under the pointer) and the drawing.
 */

export interface OverviewNode {
  id: string;
  kind: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  selected: boolean;
  /** The worst problem on the node, drawn as a coloured corner. */
  problem: 'error' | 'warning' | null;
  /** Simulation highlight: where the simulated call is, or has been. */
  sim: 'active' | 'visited' | null;
}

/** An edge from a source port (its handle's bottom centre) to a target's input (its top centre). */
export interface OverviewEdge {
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}

export interface OverviewScene {
  nodes: readonly OverviewNode[];
  edges: readonly OverviewEdge[];
  /** Node indexes by grid cell, for `nodeAt`. */
  grid: Map<string, number[]>;
  cell: number;
}

/** Grid cell size in flow units: about two nodes wide, so a point looks in one cell holding a handful of nodes. */
const CELL = 400;

export function buildScene(nodes: readonly OverviewNode[], edges: readonly OverviewEdge[]): OverviewScene {
  const grid = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    for (let cx = Math.floor(n.x / CELL); cx <= Math.floor((n.x + n.width) / CELL); cx++) {
      for (let cy = Math.floor(n.y / CELL); cy <= Math.floor((n.y + n.height) / CELL); cy++) {
        const key = `${cx}:${cy}`;
        const list = grid.get(key);
        if (list) list.push(i);
        else grid.set(key, [i]);
      }
    }
  });
  return { nodes, edges, grid, cell: CELL };
}

/** The node drawn at a flow position (the top-most one: later nodes are drawn over earlier ones), or null. */
export function nodeAt(scene: OverviewScene, x: number, y: number): OverviewNode | null {
  const list = scene.grid.get(`${Math.floor(x / scene.cell)}:${Math.floor(y / scene.cell)}`);
  if (!list) return null;
  for (let k = list.length - 1; k >= 0; k--) {
    const n = scene.nodes[list[k]!]!;
    if (x >= n.x && x <= n.x + n.width && y >= n.y && y <= n.y + n.height) return n;
  }
  return null;
}

/** The nodes lying wholly inside a flow rectangle, as React Flow's box selection picks them. */
export function nodesInside(scene: OverviewScene, x: number, y: number, width: number, height: number): OverviewNode[] {
  return scene.nodes.filter((n) => n.x >= x && n.y >= y && n.x + n.width <= x + width && n.y + n.height <= y + height);
}

/** React Flow's default (bezier) edge leaves a bottom handle downwards and enters a top handle from above. */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

export interface OverviewView {
  /** React Flow's viewport: screen = flow × zoom + (x, y). */
  x: number;
  y: number;
  zoom: number;
  /** The canvas box in CSS pixels and the device pixel ratio. */
  width: number;
  height: number;
  dpr: number;
}

export interface OverviewPalette {
  kind(kind: string): string;
  edge: string;
  panel: string;
  accent: string;
  error: string;
  warning: string;
  sim: string;
}

/** The 2D context calls the drawing uses (a subset of CanvasRenderingContext2D). */
export type OverviewContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'beginPath'
  | 'moveTo'
  | 'bezierCurveTo'
  | 'stroke'
  | 'fillRect'
  | 'strokeRect'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'globalAlpha'
>;

/** Draws the part of the scene inside the view. Returns how many nodes it drew (those on screen). */
export function drawOverview(ctx: OverviewContext, scene: OverviewScene, view: OverviewView, palette: OverviewPalette): number {
  const { zoom, dpr } = view;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, view.width * dpr, view.height * dpr);
  // Everything below is in flow coordinates.
  ctx.setTransform(zoom * dpr, 0, 0, zoom * dpr, view.x * dpr, view.y * dpr);
  const left = -view.x / zoom;
  const top = -view.y / zoom;
  const right = left + view.width / zoom;
  const bottom = top + view.height / zoom;
  const px = 1 / zoom; // one CSS pixel in flow units

  // Edges first, under the boxes, in one path: curves whose bounding box misses the view are skipped.
  ctx.globalAlpha = 0.8;
  ctx.strokeStyle = palette.edge;
  ctx.lineWidth = px;
  ctx.beginPath();
  for (const e of scene.edges) {
    const off = controlOffset(e.ty - e.sy);
    const minX = Math.min(e.sx, e.tx);
    const maxX = Math.max(e.sx, e.tx);
    const minY = Math.min(e.sy, e.ty - off);
    const maxY = Math.max(e.sy + off, e.ty);
    if (maxX < left || minX > right || maxY < top || minY > bottom) continue;
    ctx.moveTo(e.sx, e.sy);
    ctx.bezierCurveTo(e.sx, e.sy + off, e.tx, e.ty - off, e.tx, e.ty);
  }
  ctx.stroke();
  ctx.globalAlpha = 1;

  let drawn = 0;
  const band = Math.min(12, Math.max(4, 3 * px));
  for (const n of scene.nodes) {
    if (n.x + n.width < left || n.x > right || n.y + n.height < top || n.y > bottom) continue;
    drawn++;
    // The kind's colour as the whole box, its top band darker, as the far view of a node reads on the DOM canvas.
    ctx.fillStyle = palette.panel;
    ctx.fillRect(n.x, n.y, n.width, n.height);
    ctx.fillStyle = palette.kind(n.kind);
    ctx.globalAlpha = 0.3;
    ctx.fillRect(n.x, n.y, n.width, n.height);
    ctx.globalAlpha = 1;
    ctx.fillRect(n.x, n.y, n.width, band);
    if (n.problem) {
      ctx.fillStyle = n.problem === 'error' ? palette.error : palette.warning;
      const s = Math.min(n.height / 2, Math.max(24, 8 * px));
      ctx.fillRect(n.x + n.width - s, n.y, s, s);
    }
    if (n.selected || n.sim) {
      // A frame that stays a few pixels wide on screen however far out the view is.
      const w = (n.selected ? 3 : 2) * px;
      ctx.strokeStyle = n.selected ? palette.accent : palette.sim;
      ctx.lineWidth = w;
      ctx.strokeRect(n.x - w, n.y - w, n.width + 2 * w, n.height + 2 * w);
    }
  }
  return drawn;
}
