import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/canvas/NodeShell.tsx';
import type { NodeViewData } from '../../editor/canvas/nodeViewData.ts';

/** Voicemail: the prompt and the longest message; R19: always its own mono recording. */
export const VoicemailNode = memo(function VoicemailNode({ data, selected }: NodeProps<Node<NodeViewData, 'voicemail'>>) {
  const node = data.node;
  if (node.kind !== 'voicemail') return null;
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <div className="ffield__quote" title={node.data.prompt}>
        “{node.data.prompt}”
      </div>
      <NodeField name="Up to">{node.data.maxLengthSeconds} s</NodeField>
    </NodeShell>
  );
});
