import { defineBehavior } from '../../runtime/call/behavior.ts';
import type { TransferData } from './model.ts';

/**
 * Internal agent / ring group targets ring like an Assign (R13) and leave by
 * `failed` when nobody answers; an extension (R13) or an outside number (R16)
 * takes the call at once and the flow ends there.
 */
export const transferBehavior = defineBehavior<TransferData>({
  enter(d) {
    const t = d.target;
    if (t.type === 'agent' || t.type === 'ringGroup') {
      return { kind: 'ring', target: t, timeoutSeconds: d.ringTimeoutSeconds, noAnswerPort: 'failed' };
    }
    return { kind: 'connect', target: t };
  },
  timeout: () => 'failed',
});
