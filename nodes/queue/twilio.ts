/**
 * Queue ↔ Studio's Send to Flex (`send-to-flex`, a TaskRouter workflow) and Enqueue Call (`enqueue-call`, a
 * queue name or workflow). R25: an answer takes the call out of the flow; a failure to enqueue leaves by error.
 */
import { baseProperties, bindEvent, clip, defineTwilio, noteUnbound, textProp, writeOne } from '../kit/twilio.ts';
import type { ExitBinding, FormatNote } from '../kit/formats.ts';
import type { QueueData } from './model.ts';

/** Recflow's wait limit where Studio's widget sets none (the call waits until answered or hung up). */
const NO_LIMIT = 3600;

export const queueTwilio = defineTwilio<QueueData>({
  reads: ['send-to-flex', 'enqueue-call'],
  read(state, { ref }) {
    const p = state.properties;
    const flex = state.type === 'send-to-flex';
    const value = (flex ? textProp(p, 'workflow') : (textProp(p, 'queue_name') ?? textProp(p, 'workflow_sid'))) ?? '';
    if (value === '' || value.includes('{{')) return null;
    const exits: ExitBinding[] = [];
    bindEvent(state, 'failedToEnqueue', 'error', exits);
    if (!exits.some((e) => e.port === 'error')) bindEvent(state, 'callFailure', 'error', exits);
    const notes: FormatNote[] = [
      { fidelity: 'approximated', message: `Studio's widget sets no wait limit: the simulated caller leaves by timeout after ${NO_LIMIT} s (R25)`, at: 'properties' },
    ];
    if (flex && p.attributes !== undefined) notes.push({ fidelity: 'not-simulated', message: "the task's attributes are not simulated: any serving agent may answer (R25)", at: 'properties.attributes' });
    noteUnbound(state, exits, notes, 'is taken after the queued call ends on Studio; in the simulation the answered call has left the flow (R25)');
    return {
      data: { label: clip(`${flex ? 'Send to Flex' : 'Enqueue call'} ${value}`), target: { type: 'ringGroup', ringGroupId: ref({ type: 'queue', value }) }, maxWaitSeconds: NO_LIMIT, queueName: clip(value) },
      exits,
      notes,
    };
  },
  write(data, { original, before, platformId }) {
    const notes: FormatNote[] = [];
    const t = data.target;
    const queue = data.queueName || (t.type === 'ringGroup' ? platformId({ type: 'ringGroup', id: t.ringGroupId }) : 'choose-a-queue');
    if (t.type === 'agents') notes.push({ fidelity: 'approximated', message: `Studio cannot queue for a list of agents: written as Enqueue Call to "${queue}" (R25)` });
    if (data.maxWaitSeconds !== NO_LIMIT) notes.push({ fidelity: 'approximated', message: `Studio's widget cannot limit the wait to ${data.maxWaitSeconds} s: the caller waits until answered (R25)` });
    const type = original?.type ?? 'enqueue-call';
    const properties = baseProperties(original, { queue_name: queue });
    if (original && before && before.queueName !== data.queueName) properties[type === 'send-to-flex' ? 'workflow' : 'queue_name'] = data.queueName;
    return writeOne(type, properties, [
      ['callComplete', null],
      ['failedToEnqueue', 'error'],
      ['callFailure', 'error'],
    ], notes);
  },
});
