import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import { useWorkspaceNames } from '../../editor/kit/workspaceNames.tsx';
import type { FlowNodeData } from './model.ts';

/** Flow: which flow the call continues in (by name), and whether it comes back. */
export const FlowNode = memo(function FlowNode({ data, selected }: KindViewProps<FlowNodeData>) {
  const names = useWorkspaceNames();
  const node = data.node;
  const d = node.data;
  const name = names.flows.get(d.flowId);
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <NodeField name="Continues in">
        {d.flowId === '' ? <span className="ffield__warn">not chosen</span> : (name ?? <span className="ffield__warn">{d.flowId} (missing)</span>)}
      </NodeField>
      <NodeField name="Then" hint={d.returns ? 'When that flow ends without hanging up, the call comes back here and goes on by next.' : 'The call does not come back to this flow.'}>
        {d.returns ? 'comes back' : 'stays there'}
      </NodeField>
    </NodeShell>
  );
});
