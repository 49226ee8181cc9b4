import { memo } from 'react';
import { NodeShell } from '../../editor/kit/NodeShell.tsx';
import type { KindViewProps } from '../../editor/kit/viewData.ts';
import type { HangupData } from './model.ts';

/** Hang up: ends the call (R9); no output ports. */
export const HangupNode = memo(function HangupNode({ data, selected }: KindViewProps<HangupData>) {
  return <NodeShell node={data.node} problems={data.problems} sim={data.sim} diff={data.diff} selected={selected} />;
});
