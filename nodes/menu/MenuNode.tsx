import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import type { MenuData } from './model.ts';

/** Menu: the prompt and the timeout; each option is a labelled output port. */
export const MenuNode = memo(function MenuNode({ data, selected }: KindViewProps<MenuData>) {
  const node = data.node;
  const d = node.data;
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <div className="ffield__quote" title={d.prompt}>
        {d.prompt ? `“${d.prompt}”` : <span className="ffield__muted">no prompt</span>}
      </div>
      <NodeField name="Options">{d.options.length}</NodeField>
      <NodeField name="Timeout">{d.timeoutSeconds === null ? <span className="ffield__warn">waits forever</span> : `${d.timeoutSeconds} s`}</NodeField>
    </NodeShell>
  );
});
