import { memo } from 'react';
import { NodeField, NodeShell } from '../../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../../editor/kit/viewData.ts';
import { useWorkspaceNames } from '../../../editor/kit/workspaceNames.tsx';
import type { QueueData } from './model.ts';

export const QueueNode = memo(function QueueNode({ data, selected }: KindViewProps<QueueData>) {
  const names = useWorkspaceNames();
  const d = data.node.data;
  return (
    <NodeShell node={data.node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <NodeField name="Agents of">{names.ringGroups.get(d.ringGroupId) ?? d.ringGroupId}</NodeField>
      <NodeField name="Waits up to">{d.maxWaitSeconds} s</NodeField>
    </NodeShell>
  );
});
