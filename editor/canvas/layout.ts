/**
 * Automatic layout: dagre, top to bottom, using each node's measured size,
 * then each row put in the order of the ports that lead into it. dagre knows
 * nodes, not ports: it may put the target of a menu's last port left of the
 * target of its first, and the edges cross under the menu. The ports sit along
 * a node's bottom edge in the kind's order, so ordering a row by where its
 * incoming edges leave (their port's place on the source) keeps a node's
 * outgoing edges in port order.
 */
import dagre from '@dagrejs/dagre';
import { getModel } from '../../nodes/index.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { XY } from '../store/edits.ts';

export interface Size {
  width: number;
  height: number;
}

const DEFAULT_SIZE: Size = { width: 220, height: 120 };
const GRID = 16;
const NODE_SEP = 48;

/** Where along its source's bottom edge an edge leaves: the port's share of the width (ports are spread evenly, in order). */
function portShare(flow: FlowDoc, sourceId: string, port: string): number {
  const node = flow.nodes.find((n) => n.id === sourceId);
  const ports = node ? (getModel(node.kind)?.ports(node.data).map((p) => p.id) ?? []) : [];
  const i = ports.indexOf(port);
  return i < 0 ? 0.5 : (i + 0.5) / ports.length;
}

/**
 * Reorders each row (top to bottom) by the mean x at which its incoming edges leave the rows above, then packs
 * it left to right around the same places. Centres in, centres out.
 */
function orderRowsByPort(flow: FlowDoc, centres: Map<string, XY>, sizeOf: (id: string) => Size): void {
  // dagre puts a row's nodes on one centre line, whatever their heights.
  const rows = new Map<number, string[]>();
  for (const [id, c] of centres) rows.set(c.y, [...(rows.get(c.y) ?? []), id]);
  for (const y of [...rows.keys()].sort((a, b) => a - b)) {
    const row = rows.get(y)!;
    const key = new Map<string, number>();
    for (const id of row) {
      const from = flow.edges.filter((e) => e.target === id && (centres.get(e.source)?.y ?? Number.POSITIVE_INFINITY) < y);
      if (from.length === 0) {
        key.set(id, centres.get(id)!.x);
        continue;
      }
      const xs = from.map((e) => {
        const c = centres.get(e.source)!;
        const w = sizeOf(e.source).width;
        return c.x - w / 2 + w * portShare(flow, e.source, e.sourcePort);
      });
      key.set(id, xs.reduce((a, b) => a + b, 0) / xs.length);
    }
    const ordered = [...row].sort((a, b) => key.get(a)! - key.get(b)! || centres.get(a)!.x - centres.get(b)!.x);
    // Each node as close to its key as the ones left of it allow, then the row shifted so it sits on the keys.
    let right = Number.NEGATIVE_INFINITY;
    const placed = ordered.map((id) => {
      const w = sizeOf(id).width;
      const x = Math.max(key.get(id)!, right + NODE_SEP + w / 2);
      right = x + w / 2;
      return { id, x };
    });
    const shift = placed.reduce((sum, p) => sum + (key.get(p.id)! - p.x), 0) / placed.length;
    for (const p of placed) centres.set(p.id, { x: p.x + shift, y });
  }
}

/** New top-left positions for every node, snapped to the canvas grid. */
export function layoutFlow(flow: FlowDoc, sizes: ReadonlyMap<string, Size>): Map<string, XY> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: NODE_SEP, ranksep: 72, edgesep: 24, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of flow.nodes) {
    const size = sizes.get(node.id) ?? DEFAULT_SIZE;
    g.setNode(node.id, { width: size.width, height: size.height });
  }
  const ids = new Set(flow.nodes.map((n) => n.id));
  for (const edge of flow.edges) {
    if (ids.has(edge.source) && ids.has(edge.target)) g.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(g);
  const sizeOf = (id: string) => sizes.get(id) ?? DEFAULT_SIZE;
  const centres = new Map<string, XY>();
  for (const node of flow.nodes) {
    const laid = g.node(node.id);
    centres.set(node.id, { x: laid.x, y: laid.y });
  }
  orderRowsByPort(flow, centres, sizeOf);
  // The layout starts at x = 0, as dagre's does.
  const left = Math.min(...[...centres].map(([id, c]) => c.x - sizeOf(id).width / 2));
  const out = new Map<string, XY>();
  for (const node of flow.nodes) {
    const c = centres.get(node.id)!;
    const size = sizeOf(node.id);
    // Centres here; React Flow positions are top-left corners.
    out.set(node.id, {
      x: Math.round((c.x - left - size.width / 2) / GRID) * GRID,
      y: Math.round((c.y - size.height / 2) / GRID) * GRID,
    });
  }
  return out;
}
