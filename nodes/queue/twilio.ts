/**
 * Queue ↔ Studio's Send to Flex (`send-to-flex`, a TaskRouter workflow) and Enqueue Call (`enqueue-call`, a
 * queue name or workflow). R25: an answer takes the call out of the flow; a failure to enqueue leaves by error.
 * How long the caller waits is the task's `timeout` where the widget makes a TaskRouter task (Send to Flex:
 * default 24 h; Enqueue Call with a workflow: default none), twilio.com/docs/studio/widget-library/send-flex
 * and enqueue-call. Enqueue Call to a named queue has no timeout: the caller waits until answered.
 */
import { baseProperties, bindEvent, clip, defineTwilio, noteUnbound, numberProp, type StudioState, textProp, writeOne } from '../kit/twilio.ts';
import type { ExitBinding, FormatNote, JsonObject } from '../kit/formats.ts';
import type { QueueData } from './model.ts';

/** Recflow's wait limit where Studio's widget sets none (the call waits until answered or hung up). */
const NO_LIMIT = 3600;
/** Send to Flex's task lives 24 h unless its timeout says otherwise. */
const FLEX_DEFAULT = 86400;
/** The longest wait the queue kind simulates. */
const MAX_WAIT = 86400;

/** Whether the widget makes a TaskRouter task, whose `timeout` bounds the wait. */
const hasTaskTimeout = (type: string, p: JsonObject) => type === 'send-to-flex' || (type === 'enqueue-call' && (textProp(p, 'workflow_sid') ?? '') !== '');

/** How long the caller waits on Studio, and what the report says about it. */
function waitOf(state: StudioState): { seconds: number; note: FormatNote } {
  const p = state.properties;
  const timeout = numberProp(p, 'timeout');
  if (hasTaskTimeout(state.type, p) && timeout !== undefined && timeout > 0) {
    const seconds = Math.min(MAX_WAIT, Math.max(1, Math.round(timeout)));
    const clipped = seconds !== timeout ? `; Recflow simulates at most ${MAX_WAIT} s` : '';
    return { seconds, note: { fidelity: 'simulated', message: `the task's timeout, ${timeout} s, is how long the caller waits${clipped} (R25)`, at: 'properties.timeout' } };
  }
  if (state.type === 'send-to-flex') {
    return { seconds: FLEX_DEFAULT, note: { fidelity: 'simulated', message: `no task timeout given: Studio's default, ${FLEX_DEFAULT} s (24 h), is how long the caller waits (R25)`, at: 'properties' } };
  }
  const why = hasTaskTimeout(state.type, p) ? 'no task timeout given, so the task waits without limit' : 'a call queue by name has no timeout';
  return { seconds: NO_LIMIT, note: { fidelity: 'approximated', message: `${why} on Studio: the simulated caller leaves by timeout after ${NO_LIMIT} s (R25)`, at: 'properties' } };
}

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
    const wait = waitOf(state);
    const notes: FormatNote[] = [wait.note];
    if (flex && p.attributes !== undefined) notes.push({ fidelity: 'not-simulated', message: "the task's attributes are not simulated: any serving agent may answer (R25)", at: 'properties.attributes', part: true });
    noteUnbound(state, exits, notes, 'is taken after the queued call ends on Studio; in the simulation the answered call has left the flow (R25)');
    return {
      data: { label: clip(`${flex ? 'Send to Flex' : 'Enqueue call'} ${value}`), target: { type: 'ringGroup', ringGroupId: ref({ type: 'queue', value }) }, maxWaitSeconds: wait.seconds, queueName: clip(value) },
      exits,
      notes,
    };
  },
  write(data, { original, before, platformId }) {
    const notes: FormatNote[] = [];
    const t = data.target;
    const queue = data.queueName || (t.type === 'ringGroup' ? platformId({ type: 'ringGroup', id: t.ringGroupId }) : 'choose-a-queue');
    if (t.type === 'agents') notes.push({ fidelity: 'approximated', message: `Studio cannot queue for a list of agents: written as Enqueue Call to "${queue}" (R25)` });
    const type = original?.type ?? 'enqueue-call';
    const properties = baseProperties(original, { queue_name: queue });
    if (original && before && before.queueName !== data.queueName) properties[type === 'send-to-flex' ? 'workflow' : 'queue_name'] = data.queueName;
    const waitChanged = original && before ? before.maxWaitSeconds !== data.maxWaitSeconds : data.maxWaitSeconds !== NO_LIMIT;
    if (waitChanged && hasTaskTimeout(type, properties)) properties.timeout = data.maxWaitSeconds;
    else if (waitChanged) {
      notes.push({ fidelity: 'approximated', message: `Studio's Enqueue Call to a named queue cannot limit the wait to ${data.maxWaitSeconds} s: the caller waits until answered, read back as ${NO_LIMIT} s (R25)` });
    }
    return writeOne(type, properties, [
      ['callComplete', null],
      ['failedToEnqueue', 'error'],
      ['callFailure', 'error'],
    ], notes);
  },
});
