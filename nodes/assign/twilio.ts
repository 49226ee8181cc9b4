/**
 * Assign as Studio writes it: Studio rings one agent with Connect Call To (a client) and a ring group with
 * Enqueue Call; both are read back by their own kinds (Transfer, Queue), so Assign only writes.
 */
import { defineTwilio, writeOne } from '../kit/twilio.ts';
import type { AssignData } from './model.ts';

export const assignTwilio = defineTwilio<AssignData>({
  reads: [],
  read: () => null,
  write(data, { platformId }) {
    const t = data.target;
    if (t.type === 'agent') {
      const to = platformId({ type: 'agent', id: t.agentId });
      return writeOne('connect-call-to', { noun: 'client', to, timeout: data.ringTimeoutSeconds, record: false }, [
        ['callCompleted', 'noAnswer'],
        ['hangup', null],
      ], [{ fidelity: 'approximated', message: 'Studio has no Assign widget: written as Connect Call To the agent\u2019s client, read back as a Transfer to that agent (R13)' }]);
    }
    const queue = platformId({ type: 'ringGroup', id: t.ringGroupId });
    return writeOne('enqueue-call', { queue_name: queue }, [
      ['callComplete', null],
      ['failedToEnqueue', 'noAnswer'],
      ['callFailure', 'noAnswer'],
    ], [{ fidelity: 'approximated', message: `Studio has no Assign widget: written as Enqueue Call to "${queue}", which cannot time out after ${data.ringTimeoutSeconds} s (read back as a Queue, R25)` }]);
  },
});
