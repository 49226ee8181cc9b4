/**
 * Fits the view to nodes at once. React Flow's own `fitView` waits until every node has been measured; a large
 * flow keeps estimated sizes for nodes never drawn (`estimate.ts`) and the drawn overview hides its nodes, so
 * there it would wait indefinitely and then jump at some later render. Bounds here use measured sizes where
 * there are some and estimates elsewhere.
 */
import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import type { FlowRFNode } from './nodeViewData.ts';
import type { FlowRFEdge } from './reconcile.ts';

/** The canvas's zoom range (Canvas.tsx). */
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2;

export interface FitOptions {
  /** Only these nodes; all when omitted. */
  nodeIds?: readonly string[];
  padding?: number;
  maxZoom?: number;
  duration?: number;
}

export function fitNodes(rf: ReactFlowInstance<FlowRFNode, FlowRFEdge>, { nodeIds, padding = 0.1, maxZoom = MAX_ZOOM, duration }: FitOptions = {}): void {
  const box = document.querySelector('.canvas .react-flow')?.getBoundingClientRect();
  const ids = nodeIds ?? rf.getNodes().map((n) => n.id);
  if (!box || box.width === 0 || ids.length === 0) return;
  const bounds = rf.getNodesBounds([...ids]);
  if (bounds.width === 0 && bounds.height === 0) return;
  void rf.setViewport(getViewportForBounds(bounds, box.width, box.height, MIN_ZOOM, maxZoom, padding), duration ? { duration } : undefined);
}
