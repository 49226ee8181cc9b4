import { memo } from 'react';
import { NodeField, NodeShell } from '../../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../../editor/kit/viewData.ts';
import { useWorkspaceNames } from '../../../editor/kit/workspaceNames.tsx';
import type { OverflowData } from './model.ts';

export const OverflowNode = memo(function OverflowNode({ data, selected }: KindViewProps<OverflowData>) {
  const names = useWorkspaceNames();
  const d = data.node.data;
  return (
    <NodeShell node={data.node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <NodeField name="Agents of">{names.ringGroups.get(d.ringGroupId) ?? d.ringGroupId}</NodeField>
      <NodeField name="Waits up to">{d.maxWaitSeconds} s</NodeField>
    </NodeShell>
  );
});
