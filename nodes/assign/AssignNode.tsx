import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import { useWorkspaceNames } from '../../editor/kit/workspaceNames.tsx';
import type { AssignData } from './model.ts';

/** Assign: who rings (ring group or agent, by name) and for how long. */
export const AssignNode = memo(function AssignNode({ data, selected }: KindViewProps<AssignData>) {
  const names = useWorkspaceNames();
  const node = data.node;
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
