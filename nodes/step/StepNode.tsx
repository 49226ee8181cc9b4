import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import { STEP_ACTION_TEXT, type StepData } from './model.ts';

/** Step: what it does, what it calls and how long it takes; whether it came from a platform with its configuration. */
export const StepNode = memo(function StepNode({ data, selected }: KindViewProps<StepData>) {
  const node = data.node;
  const d = node.data;
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <NodeField name="Does">
        {STEP_ACTION_TEXT[d.action]}
        {d.original !== undefined ? <span className="ffield__muted" title="Imported: the platform's configuration is kept as it was"> · imported</span> : null}
      </NodeField>
      <NodeField name="Calls">{d.system ? d.system : <span className="ffield__muted">not said</span>}</NodeField>
    </NodeShell>
  );
});
