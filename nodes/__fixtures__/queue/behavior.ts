import { defineBehavior } from '../../kit/contract.ts';
import type { QueueData } from './model.ts';

/** Rings the ring group's agents while the caller waits; nobody free in time, the call leaves by `timeout`. */
export const queueBehavior = defineBehavior<QueueData>({
  enter: (d) => ({ kind: 'ring', target: { type: 'ringGroup', ringGroupId: d.ringGroupId }, timeoutSeconds: d.maxWaitSeconds, noAnswerPort: 'timeout' }),
  timeout: () => 'timeout',
});
