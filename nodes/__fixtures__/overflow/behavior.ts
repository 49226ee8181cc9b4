import { defineBehavior } from '../../kit/contract.ts';
import type { OverflowData } from './model.ts';

/** Rings the ring group's agents while the caller waits; nobody free in time, the call leaves by `timeout`. */
export const overflowBehavior = defineBehavior<OverflowData>({
  enter: (d) => ({ kind: 'ring', target: { type: 'ringGroup', ringGroupId: d.ringGroupId }, timeoutSeconds: d.maxWaitSeconds, noAnswerPort: 'timeout' }),
  timeout: () => 'timeout',
});
