import { defineBehavior } from '../kit/contract.ts';
import type { QueueData } from './model.ts';

/**
 * R25: the caller waits in the queue; an agent answering takes the call out of the flow, the wait running out
 * leaves by `timeout`, and the reviewer may say the queue is full or closed, which leaves by `error`.
 */
export const queueBehavior = defineBehavior<QueueData>({
  enter: (d) => ({
    kind: 'enqueue',
    target: d.target,
    maxWaitSeconds: d.maxWaitSeconds,
    timeoutPort: 'timeout',
    options: [{ value: 'error', label: 'queue full or closed' }],
  }),
  timeout: () => 'timeout',
  choose: (_d, option) => (option === 'error' ? 'error' : null),
});
