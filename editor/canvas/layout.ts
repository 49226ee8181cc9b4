/** Automatic layout: dagre, top to bottom, using each node's measured size. */
import dagre from '@dagrejs/dagre';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { XY } from '../store/edits.ts';

export interface Size {
  width: number;
  height: number;
}

const DEFAULT_SIZE: Size = { width: 220, height: 120 };
const GRID = 16;

/** New top-left positions for every node, snapped to the canvas grid. */
export function layoutFlow(flow: FlowDoc, sizes: ReadonlyMap<string, Size>): Map<string, XY> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 48, ranksep: 72, edgesep: 24, marginx: 0, marginy: 0 });
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
  const out = new Map<string, XY>();
  for (const node of flow.nodes) {
    const laid = g.node(node.id);
    const size = sizes.get(node.id) ?? DEFAULT_SIZE;
    // dagre gives centres; React Flow positions are top-left corners.
    out.set(node.id, {
      x: Math.round((laid.x - size.width / 2) / GRID) * GRID,
      y: Math.round((laid.y - size.height / 2) / GRID) * GRID,
    });
  }
  return out;
}
