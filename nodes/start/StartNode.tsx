import { Fragment, memo } from 'react';
import { NodeField, NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import { useWorkspaceNames } from '../../editor/kit/workspaceNames.tsx';
import type { StartData } from './model.ts';

/** Start: where inbound calls enter; shows the numbers it serves by name and number (an id only for one the workspace lacks). */
export const StartNode = memo(function StartNode({ data, selected }: KindViewProps<StartData>) {
  const names = useWorkspaceNames();
  const node = data.node;
  const numbers = node.data.numberIds;
  const shown = numbers.map((id) => names.numbers.get(id) ?? `${id} (missing)`);
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <NodeField name="Numbers" hint={shown.length > 1 ? shown.join('\n') : undefined}>
        {numbers.length === 0 ? (
          <span className="ffield__muted">none listed</span>
        ) : (
          numbers.map((id, i) => (
            <Fragment key={id}>
              {i > 0 ? ', ' : null}
              {names.numbers.has(id) ? <span>{shown[i]}</span> : <span className="ffield__warn">{shown[i]}</span>}
            </Fragment>
          ))
        )}
      </NodeField>
    </NodeShell>
  );
});
