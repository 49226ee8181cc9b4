import { memo } from 'react';
import { NodeField, NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import type { PlayData } from './model.ts';

/** Play: the message text, its length, and whether it is the recording notice (C2). */
export const PlayNode = memo(function PlayNode({ data, selected }: KindViewProps<PlayData>) {
  const node = data.node;
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
