import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/canvas/NodeShell.tsx';
import type { NodeViewData } from '../../editor/canvas/nodeViewData.ts';

/** Menu: the prompt and the timeout; each option is a labelled output port. */
export const MenuNode = memo(function MenuNode({ data, selected }: NodeProps<Node<NodeViewData, 'menu'>>) {
  const node = data.node;
  if (node.kind !== 'menu') return null;
  const d = node.data;
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <div className="ffield__quote" title={d.prompt}>
        {d.prompt ? `“${d.prompt}”` : <span className="ffield__muted">no prompt</span>}
      </div>
      <NodeField name="Options">{d.options.length}</NodeField>
      <NodeField name="Timeout">{d.timeoutSeconds === null ? <span className="ffield__warn">waits forever</span> : `${d.timeoutSeconds} s`}</NodeField>
    </NodeShell>
  );
});
