import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import { useWorkspaceNames } from '../../editor/kit/workspaceNames.tsx';
import { isExternalTarget } from '../kit/fields.ts';
import type { TransferData } from './model.ts';

const SYSTEMS = { pbx: 'PBX', deskPhone: 'desk phone', teams: 'Teams' } as const;

/** Transfer: where the call goes, and whether that is external (R14/R16) or internal (R13). */
export const TransferNode = memo(function TransferNode({ data, selected }: KindViewProps<TransferData>) {
  const names = useWorkspaceNames();
  const node = data.node;
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
