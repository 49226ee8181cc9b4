/** Flow ↔ Connect's InvokeFlowModule (a module that returns) and TransferToFlow (the call stays there), R28. */
import { clip, defineConnect, hintText, NEXT, shortName, textParam } from '../kit/connect.ts';
import type { ExitBinding, FormatNote } from '../kit/formats.ts';
import type { FlowNodeData } from './model.ts';

export const flowConnect = defineConnect<FlowNodeData>({
  reads: ['InvokeFlowModule', 'TransferToFlow'],
  read(action, { hints, ref }) {
    const returns = action.Type === 'InvokeFlowModule';
    const value = textParam(action.Parameters, returns ? 'FlowModuleId' : 'ContactFlowId');
    if (value === undefined) return null;
    const notes: FormatNote[] = [
      { fidelity: 'simulated', message: `continues in ${returns ? 'module' : 'flow'} ${shortName(value)}: import that flow into the workspace too, or calls end there (R28)` },
    ];
    const exits: ExitBinding[] = [];
    if (returns && action.Transitions.NextAction !== undefined) exits.push({ slot: NEXT, port: 'next' });
    if ((action.Transitions.Errors ?? []).length > 0) {
      notes.push({ fidelity: 'not-simulated', message: 'the call never fails to enter the other flow in Recflow: the error path is kept for export only', at: 'Transitions.Errors', part: true });
    }
    return {
      data: { label: hintText(hints, 'label') ?? clip(`${returns ? 'Invoke module' : 'Transfer to flow'} ${shortName(value)}`), flowId: ref({ type: 'flow', value }), returns },
      exits,
      notes,
    };
  },
  write(data, { platformId, original, before }) {
    const id = platformId({ type: 'flow', id: data.flowId });
    const keep = original && before && before.flowId === data.flowId && before.returns === data.returns;
    const action = data.returns
      ? { Identifier: '', Type: 'InvokeFlowModule', Parameters: keep ? original.Parameters : { FlowModuleId: id }, Transitions: { NextAction: '', Errors: [{ NextAction: '', ErrorType: 'NoMatchingError' }] } }
      : { Identifier: '', Type: 'TransferToFlow', Parameters: keep ? original.Parameters : { ContactFlowId: id }, Transitions: { Errors: [{ NextAction: '', ErrorType: 'NoMatchingError' }] } };
    return {
      actions: [action],
      exits: data.returns ? [{ action: 0, slot: NEXT, port: 'next' }] : [],
      notes: [],
      hints: { label: data.label },
    };
  },
});
