import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import type { VoicemailData } from './model.ts';

/** Voicemail: the prompt and the longest message; R19: always its own mono recording. */
export const VoicemailNode = memo(function VoicemailNode({ data, selected }: KindViewProps<VoicemailData>) {
  const node = data.node;
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <div className="ffield__quote" title={node.data.prompt}>
        “{node.data.prompt}”
      </div>
      <NodeField name="Up to">{node.data.maxLengthSeconds} s</NodeField>
    </NodeShell>
  );
});
