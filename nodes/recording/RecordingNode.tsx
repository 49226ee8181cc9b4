import { memo } from 'react';
import { useEffectiveDefaults } from '../../editor/kit/effective.ts';
import { NodeField, NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import type { RecordingData } from './model.ts';

/**
 * Recording: on/off, channels and agent pause. Where the node says "use
 * default" the view shows the value that applies instead (R3: number
 * override, then account), marked as coming from there.
 */
export const RecordingNode = memo(function RecordingNode({ data, selected }: KindViewProps<RecordingData>) {
  const defaults = useEffectiveDefaults();
  const node = data.node;
  const d = node.data;
  const channels = d.channels === 'default' ? defaults.channels.value : d.channels;
  const pause = d.agentPause === 'default' ? (defaults.agentPause.value ? 'enabled' : 'disabled') : d.agentPause;
  const pauseHint =
    d.agentPause === 'default'
      ? defaults.agentPause.varies
        ? 'Use default: the numbers running this flow differ; shown for the first one.'
        : `Use default: from the ${defaults.agentPause.source}, unless an earlier Recording node on the call's path sets it.`
      : 'Set by this node.';
  return (
    <NodeShell node={node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected}>
      <NodeField name="Record">
        <span className={`fchip ${d.record === 'on' ? 'fchip--on' : 'fchip--off'}`}>{d.record === 'on' ? '● On' : '○ Off'}</span>
      </NodeField>
      <NodeField
        name="Channels"
        hint={d.channels === 'default' ? `Use default: from the ${defaults.channels.source} (R2: channels are account-wide).` : 'Set by this node.'}
      >
        {channels === 'dual' ? 'Dual (stereo)' : 'Mono'}
        {d.channels === 'default' ? <span className="ffield__default"> · default</span> : null}
      </NodeField>
      <NodeField name="Agent pause" hint={pauseHint}>
        {pause === 'enabled' ? 'Allowed' : 'Not allowed'}
        {d.agentPause === 'default' ? <span className="ffield__default">{defaults.agentPause.varies ? ' · varies' : ' · default'}</span> : null}
      </NodeField>
    </NodeShell>
  );
});
