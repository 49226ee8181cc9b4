import { defineBehavior } from '../kit/contract.ts';
import type { FlowNodeData } from './model.ts';

/** R28: the call goes on from the other flow's entry; a module that returns brings it back through `next`. */
export const flowBehavior = defineBehavior<FlowNodeData>({
  enter: (d) => ({ kind: 'enterFlow', flowId: d.flowId, returnPort: d.returns ? 'next' : null }),
});
