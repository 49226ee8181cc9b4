import { defineBehavior } from '../kit/contract.ts';
import type { AssignData } from './model.ts';

/** Rings the agent or the ring group's members; the first to answer takes the call (R7, R12), else `noAnswer`. */
export const assignBehavior = defineBehavior<AssignData>({
  enter: (d) => ({ kind: 'ring', target: d.target, timeoutSeconds: d.ringTimeoutSeconds, noAnswerPort: 'noAnswer' }),
  timeout: () => 'noAnswer',
});
