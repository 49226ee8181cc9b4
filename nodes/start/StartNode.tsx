import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import type { StartData } from './model.ts';

/** Start: where inbound calls enter; shows the numbers it serves. */
export const StartNode = memo(function StartNode({ data, selected }: KindViewProps<StartData>) {
  const node = data.node;
  const numbers = node.data.numberIds;
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <NodeField name="Numbers">{numbers.length === 0 ? <span className="ffield__muted">none listed</span> : numbers.join(', ')}</NodeField>
    </NodeShell>
  );
});
