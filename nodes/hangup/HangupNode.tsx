import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeShell } from '../../editor/canvas/NodeShell.tsx';
import type { NodeViewData } from '../../editor/canvas/nodeViewData.ts';

/** Hang up: ends the call (R9); no output ports. */
export const HangupNode = memo(function HangupNode({ data, selected }: NodeProps<Node<NodeViewData, 'hangup'>>) {
  return <NodeShell node={data.node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected} />;
});
