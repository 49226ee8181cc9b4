import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/canvas/NodeShell.tsx';
import type { NodeViewData } from '../../editor/canvas/nodeViewData.ts';

/** Play: the message text, its length, and whether it is the recording notice (C2). */
export const PlayNode = memo(function PlayNode({ data, selected }: NodeProps<Node<NodeViewData, 'play'>>) {
  const node = data.node;
  if (node.kind !== 'play') return null;
  const d = node.data;
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <div className="ffield__quote" title={d.text}>
        {d.text ? `“${d.text}”` : <span className="ffield__muted">no text yet</span>}
      </div>
      <NodeField name="Length">{d.durationSeconds} s</NodeField>
      {d.recordingNotice ? <span className="fchip fchip--notice">Recording notice</span> : null}
    </NodeShell>
  );
});
