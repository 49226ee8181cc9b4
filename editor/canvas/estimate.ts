/**
 * A node's size and handle positions before it is drawn, estimated from its kind's definition (number of ports,
 * `look.estimatedHeight`) and the node frame's CSS (`editor/kit/NodeShell.tsx`, `canvas.css`). React Flow mounts
 * every node that has no handle positions yet, even with `onlyRenderVisibleElements`, just to measure it; given these
 * estimates it mounts only the nodes on screen, which is what makes a large flow open quickly (npm run bench).
 *
 * The estimate only decides which nodes are on screen and where edges of not-yet-drawn nodes end. Once a node is
 * drawn React Flow measures it and the canvas drops the estimate (`Canvas.tsx` onNodesChange), so edges attach
 * to the real handles.
 */
import { type NodeHandle, Position } from '@xyflow/react';
import { getKind } from '../../nodes/index.ts';
import type { FlowNode } from '../../runtime/document/flow.ts';
import { INPUT_HANDLE } from '../kit/viewData.ts';

/** NodeShell: minWidth max(208, 72 per port). */
const MIN_WIDTH = 208;
const PORT_WIDTH = 72;
/** Handles are 11 px squares (canvas.css). */
const HANDLE = 11;
/** A kind the registry does not know (never in a parsed flow): a header, two field rows and a ports row. */
const DEFAULT_HEIGHT = 132;

export interface NodeEstimate {
  width: number;
  height: number;
  handles: NodeHandle[];
}

export function estimateNode(node: FlowNode): NodeEstimate {
  const kind = getKind(node.kind);
  const ports = kind ? kind.model.ports(node.data) : [];
  const width = Math.max(MIN_WIDTH, ports.length * PORT_WIDTH);
  // Typical drawn heights (header, key fields, ports row) vary by a few pixels with content; widths grow with long
  // labels, so the width is the lower bound.
  const height = kind?.look.estimatedHeight ?? DEFAULT_HEIGHT;
  // The input handle sits centred above the frame (top: -8px, 1px border); output handles centred under their
  // port cells (.fnode__ports: 6px padding, 4px gap, inside the 1px border), hanging below the frame.
  const handles: NodeHandle[] = [
    { id: INPUT_HANDLE, type: 'target', position: Position.Top, x: width / 2 - HANDLE / 2, y: -9.5, width: HANDLE, height: HANDLE },
  ];
  const n = ports.length;
  const cell = n > 0 ? (width - 2 - 12 - 4 * (n - 1)) / n : 0;
  ports.forEach((p, i) => {
    handles.push({
      id: p.id,
      type: 'source',
      position: Position.Bottom,
      x: 1 + 6 + (i + 0.5) * cell + i * 4 - HANDLE / 2,
      y: height - 0.5,
      width: HANDLE,
      height: HANDLE,
    });
  });
  return { width, height, handles };
}
