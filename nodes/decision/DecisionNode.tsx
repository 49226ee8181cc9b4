import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import type { DecisionData } from './model.ts';

/** The outcomes shown with their conditions; the rest are counted (each is a port anyway). */
const SHOWN = 3;

/** Decision: what it reads and each outcome's condition as the platform writes it; each outcome is a port. */
export const DecisionNode = memo(function DecisionNode({ data, selected }: KindViewProps<DecisionData>) {
  const node = data.node;
  const d = node.data;
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <NodeField name="Reads">{d.source ? d.source : <span className="ffield__muted">not said</span>}</NodeField>
      {d.outcomes.length === 0 ? <span className="ffield__warn">no outcomes: always noMatch</span> : null}
      {d.outcomes.slice(0, SHOWN).map((o) => (
        <div key={o.name} className="ffield__quote" title={`${o.name}: ${o.condition || 'no condition written'}`}>
          {o.name}: {o.condition ? <code>{o.condition}</code> : <span className="ffield__muted">no condition</span>}
        </div>
      ))}
      {d.outcomes.length > SHOWN ? <span className="ffield__muted">+{d.outcomes.length - SHOWN} more</span> : null}
    </NodeShell>
  );
});
