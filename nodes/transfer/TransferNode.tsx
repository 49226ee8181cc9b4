import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/canvas/NodeShell.tsx';
import type { NodeViewData } from '../../editor/canvas/nodeViewData.ts';
import { useWorkspaceNames } from '../../editor/canvas/WorkspaceNames.tsx';
import { isExternalTarget } from '../kind.ts';

const SYSTEMS = { pbx: 'PBX', deskPhone: 'desk phone', teams: 'Teams' } as const;

/** Transfer: where the call goes, and whether that is external (R14/R16) or internal (R13). */
export const TransferNode = memo(function TransferNode({ data, selected }: NodeProps<Node<NodeViewData, 'transfer'>>) {
  const names = useWorkspaceNames();
  const node = data.node;
  if (node.kind !== 'transfer') return null;
  const t = node.data.target;
  let to: string;
  switch (t.type) {
    case 'agent':
      to = `Agent ${names.agents.get(t.agentId) ?? t.agentId}`;
      break;
    case 'ringGroup':
      to = `Ring group ${names.ringGroups.get(t.ringGroupId) ?? t.ringGroupId}`;
      break;
    case 'extension':
      to = `Ext. ${t.extension} (${SYSTEMS[t.system]})`;
      break;
    case 'external':
      to = t.number;
      break;
  }
  const external = isExternalTarget(t);
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <NodeField name="To">{to}</NodeField>
      <span
        className={`fchip ${external ? 'fchip--external' : 'fchip--internal'}`}
        title={external ? 'R14/R16: recording continues only if the account allows it on external transfers.' : 'R13: internal transfers never stop recording.'}
      >
        {external ? 'External' : 'Internal'}
      </span>
    </NodeShell>
  );
});
