import { defineBehavior } from '../kit/contract.ts';
import type { TransferData } from './model.ts';

/**
 * Rings the target: an agent or ring group (R13) like an Assign, an
 * extension (R13) or an outside number (R16). When it answers the flow ends
 * there; when nobody answers within the ring timeout the call leaves by `failed`.
 */
export const transferBehavior = defineBehavior<TransferData>({
  enter(d) {
    const t = d.target;
    if (t.type === 'agent' || t.type === 'ringGroup') {
      return { kind: 'ring', target: t, timeoutSeconds: d.ringTimeoutSeconds, noAnswerPort: 'failed' };
    }
    return { kind: 'dial', target: t, timeoutSeconds: d.ringTimeoutSeconds, noAnswerPort: 'failed' };
  },
  timeout: () => 'failed',
});
