import { memo, type ReactNode } from 'react';
import { NodeField, NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import { useWorkspaceNames } from '../../editor/kit/workspaceNames.tsx';
import type { QueueData } from './model.ts';

/** Queue: who serves it (ring group or agents, by name), how long a caller waits at most, and its platform name. */
export const QueueNode = memo(function QueueNode({ data, selected }: KindViewProps<QueueData>) {
  const names = useWorkspaceNames();
  const node = data.node;
  const d = node.data;
  const t = d.target;
  let served: ReactNode;
  if (t.type === 'ringGroup') {
    const name = names.ringGroups.get(t.ringGroupId);
    served = t.ringGroupId === '' ? <span className="ffield__warn">not chosen</span> : (name ?? <span className="ffield__warn">{t.ringGroupId} (missing)</span>);
  } else {
    const missing = t.agentIds.filter((id) => !names.agents.has(id));
    const shown = t.agentIds.map((id) => names.agents.get(id) ?? id);
    served = (
      <span title={shown.join(', ')}>
        {t.agentIds.length === 1 ? shown[0] : `${t.agentIds.length} agents`}
        {missing.length > 0 ? <span className="ffield__warn"> ({missing.length} missing)</span> : null}
      </span>
    );
  }
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <NodeField name={t.type === 'ringGroup' ? 'Ring group' : 'Agents'}>{served}</NodeField>
      <NodeField name="Waits up to">{d.maxWaitSeconds} s</NodeField>
      {d.queueName ? (
        <NodeField name="On platform" hint={d.queueName}>
          {d.queueName}
        </NodeField>
      ) : null}
    </NodeShell>
  );
});
