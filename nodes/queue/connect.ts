/**
 * Queue ↔ Connect's TransferContactToQueue ("Transfer to queue"), which places the contact in the queue the
 * flow set before (UpdateContactTargetQueue, "Set working queue"). R25: an agent answering takes the call.
 */
import { bindErrors, type ConnectAction, clip, defineConnect, hintNumber, hintText, shortName, textParam } from '../kit/connect.ts';
import type { ExitBinding, FormatNote, JsonObject, PlatformRef } from '../kit/formats.ts';
import type { QueueData } from './model.ts';

/** Connect keeps a caller in the queue until answered or the queue flow moves them: Recflow's longest wait. */
const CONNECT_WAIT = 86400;

/** The working queue set by the actions leading here, when they agree on one. */
function workingQueue(predecessors: readonly ConnectAction[]): PlatformRef | undefined {
  const refs = predecessors
    .filter((a) => a.Type === 'UpdateContactTargetQueue')
    .map((a): PlatformRef | undefined => {
      const queue = textParam(a.Parameters, 'QueueId');
      const agent = textParam(a.Parameters, 'AgentId');
      return queue ? { type: 'queue', value: queue } : agent ? { type: 'agentQueue', value: agent } : undefined;
    });
  const first = refs[0];
  return first && refs.length === predecessors.length && refs.every((r) => r?.type === first.type && r.value === first.value) ? first : undefined;
}

export const queueConnect = defineConnect<QueueData>({
  reads: ['TransferContactToQueue'],
  read(action, { hints, predecessors, ref }) {
    const notes: FormatNote[] = [];
    const queue = workingQueue(predecessors);
    let target: QueueData['target'] = { type: 'ringGroup', ringGroupId: '' };
    if (queue?.type === 'queue') target = { type: 'ringGroup', ringGroupId: ref(queue) };
    else if (queue) target = { type: 'agents', agentIds: [ref(queue)] };
    else notes.push({ fidelity: 'approximated', message: 'the working queue is not set by the action just before this one: choose who serves the queue' });
    const maxWaitSeconds = hintNumber(hints, 'maxWaitSeconds', 1, 86400) ?? CONNECT_WAIT;
    if (hintNumber(hints, 'maxWaitSeconds', 1, 86400) === undefined) {
      notes.push({ fidelity: 'approximated', message: "Connect's customer queue flow decides how long a caller waits: Recflow lets them wait up to a day (the timeout port ends the call)" });
    }
    const exits: ExitBinding[] = [];
    bindErrors(action, 'error', ['QueueAtCapacity', 'NoMatchingError'], exits, notes);
    const name = queue ? shortName(queue.value) : '';
    return { data: { label: hintText(hints, 'label') ?? clip(name ? `Transfer to queue ${name}` : 'Transfer to queue'), target, maxWaitSeconds, queueName: clip(queue?.value ?? '') }, exits, notes };
  },
  write(data, { platformId, original }) {
    const notes: FormatNote[] = [];
    const transfer: ConnectAction = {
      Identifier: '',
      Type: 'TransferContactToQueue',
      Parameters: original?.Parameters ?? {},
      Transitions: {
        Errors: [
          { NextAction: '', ErrorType: 'QueueAtCapacity' },
          { NextAction: '', ErrorType: 'NoMatchingError' },
        ],
      },
    };
    const errorsOf = (i: number) => [
      { action: i, slot: 'Errors[0]', port: 'error' },
      { action: i, slot: 'Errors[1]', port: 'error' },
    ];
    notes.push({ fidelity: 'approximated', message: `Connect's transfer to queue has no timeout: the caller waits until answered (the maximum wait of ${data.maxWaitSeconds} s is kept beside the action; R25)` });
    const hints: JsonObject = { label: data.label, maxWaitSeconds: data.maxWaitSeconds };
    if (original) {
      // The working queue is the preceding action's, imported as its own node: this one only transfers.
      return { actions: [transfer], exits: errorsOf(0), notes, hints };
    }
    const t = data.target;
    const Parameters: JsonObject =
      t.type === 'ringGroup' ? { QueueId: data.queueName || platformId({ type: 'ringGroup', id: t.ringGroupId }) } : { AgentId: platformId({ type: 'agent', id: t.agentIds[0] ?? '' }) };
    if (t.type === 'agents' && t.agentIds.length > 1) {
      notes.push({ fidelity: 'approximated', message: `Connect queues a call for one agent: written for ${t.agentIds[0]}, not ${t.agentIds.slice(1).join(', ')}` });
    }
    const setQueue: ConnectAction = { Identifier: '', Type: 'UpdateContactTargetQueue', Parameters, Transitions: { NextAction: '', Errors: [{ NextAction: '', ErrorType: 'NoMatchingError' }] } };
    return {
      actions: [setQueue, transfer],
      exits: [{ action: 0, slot: 'NextAction', to: 1 }, { action: 0, slot: 'Errors[0]', port: 'error' }, ...errorsOf(1)],
      notes,
      hints,
      carrier: 1,
    };
  },
});
