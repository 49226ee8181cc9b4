import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/canvas/NodeShell.tsx';
import type { NodeViewData } from '../../editor/canvas/nodeViewData.ts';
import { useWorkspaceNames } from '../../editor/canvas/WorkspaceNames.tsx';

/** Assign: who rings (ring group or agent, by name) and for how long. */
export const AssignNode = memo(function AssignNode({ data, selected }: NodeProps<Node<NodeViewData, 'assign'>>) {
  const names = useWorkspaceNames();
  const node = data.node;
  if (node.kind !== 'assign') return null;
  const t = node.data.target;
  const id = t.type === 'agent' ? t.agentId : t.ringGroupId;
  const name = t.type === 'agent' ? names.agents.get(id) : names.ringGroups.get(id);
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <NodeField name={t.type === 'agent' ? 'Agent' : 'Ring group'}>
        {id === '' ? <span className="ffield__warn">not chosen</span> : (name ?? <span className="ffield__warn">{id} (missing)</span>)}
      </NodeField>
      <NodeField name="Rings for">{node.data.ringTimeoutSeconds} s</NodeField>
    </NodeShell>
  );
});
