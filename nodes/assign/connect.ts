/**
 * Assign → Connect: "Set working queue" for the ring group's queue (or the agent's own queue), then "Transfer to
 * queue". Connect rings through the queue and has no ring timeout, so the no-answer path is the queue's error.
 * Connect flows are read back as Queue nodes (R25), never as Assign.
 */
import { type ConnectAction, defineConnect } from '../kit/connect.ts';
import type { JsonObject } from '../kit/formats.ts';
import type { AssignData } from './model.ts';

export const assignConnect = defineConnect<AssignData>({
  reads: [],
  read: () => null,
  write(data, { platformId }) {
    const t = data.target;
    const Parameters: JsonObject = t.type === 'ringGroup' ? { QueueId: platformId({ type: 'ringGroup', id: t.ringGroupId }) } : { AgentId: platformId({ type: 'agent', id: t.agentId }) };
    const setQueue: ConnectAction = { Identifier: '', Type: 'UpdateContactTargetQueue', Parameters, Transitions: { NextAction: '', Errors: [{ NextAction: '', ErrorType: 'NoMatchingError' }] } };
    const transfer: ConnectAction = {
      Identifier: '',
      Type: 'TransferContactToQueue',
      Parameters: {},
      Transitions: {
        Errors: [
          { NextAction: '', ErrorType: 'QueueAtCapacity' },
          { NextAction: '', ErrorType: 'NoMatchingError' },
        ],
      },
    };
    return {
      actions: [setQueue, transfer],
      exits: [
        { action: 0, slot: 'NextAction', to: 1 },
        { action: 0, slot: 'Errors[0]', port: 'noAnswer' },
        { action: 1, slot: 'Errors[0]', port: 'noAnswer' },
        { action: 1, slot: 'Errors[1]', port: 'noAnswer' },
      ],
      notes: [
        {
          fidelity: 'approximated',
          message: `Connect rings agents through a queue with no ring timeout: after ${data.ringTimeoutSeconds} s unanswered Recflow takes noAnswer, Connect keeps the caller waiting; the noAnswer path is written as the queue's error path (R7, R25)`,
        },
      ],
      hints: { label: data.label, maxWaitSeconds: data.ringTimeoutSeconds },
      carrier: 1,
    };
  },
});
