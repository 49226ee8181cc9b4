import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/canvas/NodeShell.tsx';
import type { NodeViewData } from '../../editor/canvas/nodeViewData.ts';

/** Start: where inbound calls enter; shows the numbers it serves. */
export const StartNode = memo(function StartNode({ data, selected }: NodeProps<Node<NodeViewData, 'start'>>) {
  const node = data.node;
  const numbers = node.kind === 'start' ? node.data.numberIds : [];
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <NodeField name="Numbers">{numbers.length === 0 ? <span className="ffield__muted">none listed</span> : numbers.join(', ')}</NodeField>
    </NodeShell>
  );
});
