/**
 * Start ↔ Studio's Trigger widget: calls enter by its `incomingCall` transition. The message, conversation,
 * request and parent (subflow) triggers are kept as they are and not simulated: Recflow simulates calls.
 */
import { defineTwilio, type StudioState, writeOne } from '../kit/twilio.ts';
import type { FormatNote } from '../kit/formats.ts';
import type { StartData } from './model.ts';

const TRIGGERS = ['incomingMessage', 'incomingCall', 'incomingConversationMessage', 'incomingRequest', 'incomingParent'];

export const startTwilio = defineTwilio<StartData>({
  reads: ['trigger'],
  read(state) {
    const notes: FormatNote[] = [];
    const call = state.transitions.findIndex((t) => t.event === 'incomingCall');
    state.transitions.forEach((t, i) => {
      if (i === call || t.next === undefined) return;
      notes.push({ fidelity: 'not-simulated', message: `the ${t.event} trigger is kept but not simulated: Recflow simulates calls`, at: `transitions[${i}]` });
    });
    return { data: { label: 'Trigger', numberIds: [] }, exits: call < 0 ? [] : [{ slot: `transitions[${call}]`, port: 'next' }], notes };
  },
  write(_data, { original }) {
    // Studio ties numbers to a flow outside the definition: the trigger is given back as it was.
    if (original) {
      const call = original.transitions.findIndex((t) => t.event === 'incomingCall');
      const state: StudioState = structuredClone(original);
      return { actions: [state], exits: call < 0 ? [] : [{ action: 0, slot: `transitions[${call}]`, port: 'next' }], notes: [] };
    }
    return writeOne(
      'trigger',
      {},
      TRIGGERS.map((e) => [e, e === 'incomingCall' ? 'next' : null]),
      [{ fidelity: 'approximated', message: "the flow's numbers are not written: connect them to the flow in Twilio's console (Studio keeps numbers outside the definition)" }],
    );
  },
});
