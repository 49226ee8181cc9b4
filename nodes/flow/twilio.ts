/** Flow ↔ Studio's Run Subflow widget (`run-subflow`): the subflow runs and returns by `completed` (R28). */
import { baseProperties, bindEvent, clip, defineTwilio, noteUnbound, textProp, writeOne } from '../kit/twilio.ts';
import type { ExitBinding, FormatNote } from '../kit/formats.ts';
import type { FlowNodeData } from './model.ts';

export const flowTwilio = defineTwilio<FlowNodeData>({
  reads: ['run-subflow'],
  read(state, { ref }) {
    const value = textProp(state.properties, 'flow_sid');
    if (value === undefined || value === '' || value.includes('{{')) return null;
    const exits: ExitBinding[] = [];
    bindEvent(state, 'completed', 'next', exits);
    const notes: FormatNote[] = [{ fidelity: 'simulated', message: `continues in subflow ${value}: import that flow into the workspace too, or calls end there (R28)` }];
    noteUnbound(state, exits, notes, 'is taken when the subflow fails; in the simulation it never does');
    return { data: { label: clip(`Run subflow ${value}`), flowId: ref({ type: 'flow', value }), returns: true }, exits, notes };
  },
  write(data, { original, before, platformId }) {
    const flowSid = platformId({ type: 'flow', id: data.flowId });
    const properties = baseProperties(original, { flow_sid: flowSid, flow_revision: 'LatestPublished', parameters: [] });
    if (original && before && before.flowId !== data.flowId) properties.flow_sid = flowSid;
    const notes: FormatNote[] = [];
    if (!data.returns) notes.push({ fidelity: 'approximated', message: 'Studio\u2019s subflow always returns: a call that comes back from it ends here (R28)' });
    return writeOne('run-subflow', properties, [
      ['completed', data.returns ? 'next' : null],
      ['failed', null],
    ], notes);
  },
});
