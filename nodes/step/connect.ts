/**
 * Step ↔ Connect's actions outside the call's audio (R27): contact attributes, Lambda functions, flow logging,
 * the working queue. The step also keeps every action no other kind reads, verbatim, so nothing imported is
 * dropped and export gives it back unchanged.
 */
import { bindErrors, type ConnectAction, clip, defineConnect, hintNumber, hintText, NEXT, shortName, textParam } from '../kit/connect.ts';
import type { ExitBinding, FormatNote, JsonObject, JsonValue, WriteResult } from '../kit/formats.ts';
import type { StepAction, StepData } from './model.ts';

interface Known {
  action: StepAction;
  label: string;
  system(p: JsonObject): string;
  note?: FormatNote;
}

const KNOWN: Record<string, Known> = {
  UpdateContactAttributes: {
    action: 'set-variables',
    label: 'Set contact attributes',
    system: (p) => Object.keys((p.Attributes ?? {}) as JsonObject).join(', '),
    note: { fidelity: 'not-simulated', message: 'the attributes are not kept: decisions on them are chosen by the reviewer (R27)', at: 'Parameters.Attributes' },
  },
  InvokeLambdaFunction: {
    action: 'lambda',
    label: 'Invoke Lambda function',
    system: (p) => shortName(textParam(p, 'LambdaFunctionARN') ?? ''),
    note: { fidelity: 'not-simulated', message: "the function's result is not simulated: it takes 1 s and succeeds unless the reviewer chooses that it fails (R27)", at: 'Parameters.LambdaFunctionARN' },
  },
  UpdateFlowLoggingBehavior: { action: 'logging', label: 'Set logging behavior', system: (p) => textParam(p, 'FlowLoggingBehavior') ?? '' },
  UpdateContactTargetQueue: {
    action: 'set-variables',
    label: 'Set working queue',
    system: (p) => shortName(textParam(p, 'QueueId') ?? textParam(p, 'AgentId') ?? ''),
    note: { fidelity: 'simulated', message: 'sets the queue the next transfer to queue places the call in (the Queue node shows it)' },
  },
};

/** An object shaped like a Connect action (what `original` holds for a step imported from Connect). */
function asAction(v: JsonValue | undefined): ConnectAction | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const a = v as JsonObject;
  const ok = typeof a.Identifier === 'string' && typeof a.Type === 'string' && typeof a.Parameters === 'object' && a.Parameters !== null && typeof a.Transitions === 'object' && a.Transitions !== null;
  return ok ? (a as unknown as ConnectAction) : undefined;
}

export const stepConnect = defineConnect<StepData>({
  reads: Object.keys(KNOWN),
  readsOtherTypes: true,
  read(action, { hints }) {
    const known = KNOWN[action.Type];
    const notes: FormatNote[] = [];
    if (known?.note) notes.push(known.note);
    if (!known) {
      notes.push({
        fidelity: 'not-simulated',
        message: `Recflow does not model ${action.Type}: it is kept as it is, takes 1 s and goes on by its next action (or its error, when the reviewer chooses that it fails)`,
      });
    }
    const exits: ExitBinding[] = [];
    if (action.Transitions.NextAction !== undefined) exits.push({ slot: NEXT, port: 'next' });
    bindErrors(action, 'error', ['NoMatchingError'], exits, notes);
    (action.Transitions.Conditions ?? []).forEach((c, i) => {
      if (c.NextAction === action.Transitions.NextAction) return;
      notes.push({ fidelity: 'not-simulated', message: `condition ${i + 1} of ${action.Type} is not simulated: the call never takes it (export keeps it)`, at: `Transitions.Conditions[${i}]`, part: true });
    });
    // A step takes at least a second in Recflow (so the reviewer can choose that it fails); Connect's own
    // attribute and queue updates take no time, which shifts later times by a second each.
    const hinted = hintNumber(hints, 'seconds', 1, 600);
    if (hinted === undefined && action.Type !== 'InvokeLambdaFunction') notes.push({ fidelity: 'approximated', message: 'takes 1 s in the simulation (R27)' });
    const seconds = hinted ?? 1;
    const data: StepData = {
      label: hintText(hints, 'label') ?? clip(known?.label ?? action.Type),
      action: known?.action ?? 'other',
      system: clip(known?.system(action.Parameters) ?? action.Type),
      seconds,
      original: action as unknown as JsonValue,
    };
    return { data, exits, notes };
  },
  keeps: (data) => asAction(data.original),
  write(data): WriteResult<ConnectAction> {
    const kept = asAction(data.original);
    if (kept) {
      // R27: an imported step is given back as it came; only where it leads is Recflow's.
      const exits: WriteResult<ConnectAction>['exits'] = [];
      if (kept.Transitions.NextAction !== undefined) exits.push({ action: 0, slot: NEXT, port: 'next' });
      const errors = kept.Transitions.Errors ?? [];
      for (let i = 0; i < errors.length; i++) exits.push({ action: 0, slot: `Errors[${i}]`, port: 'error' });
      return { actions: [{ ...kept, Identifier: '' }], exits, notes: [], hints: { label: data.label, seconds: data.seconds } };
    }
    const notes: FormatNote[] = [];
    let action: ConnectAction;
    if (data.action === 'set-variables') {
      action = { Identifier: '', Type: 'UpdateContactAttributes', Parameters: { Attributes: {} }, Transitions: {} };
      notes.push({ fidelity: 'approximated', message: 'written as a Set contact attributes block with no attributes: fill them in on Connect' });
    } else if (data.action === 'logging') {
      action = { Identifier: '', Type: 'UpdateFlowLoggingBehavior', Parameters: { FlowLoggingBehavior: 'Enabled' }, Transitions: {} };
    } else {
      action = {
        Identifier: '',
        Type: 'InvokeLambdaFunction',
        Parameters: { LambdaFunctionARN: data.system || 'arn:aws:lambda:REGION:ACCOUNT:function:CHOOSE', InvocationTimeLimitSeconds: String(Math.min(8, Math.max(1, data.seconds))) },
        Transitions: {},
      };
      if (data.action !== 'lambda') notes.push({ fidelity: 'approximated', message: `Connect reaches outside systems through Lambda: the ${data.action} step is written as a Lambda invocation of "${data.system || 'a function to choose'}"` });
    }
    action.Transitions = { NextAction: '', Errors: [{ NextAction: '', ErrorType: 'NoMatchingError' }] };
    return {
      actions: [action],
      exits: [
        { action: 0, slot: NEXT, port: 'next' },
        { action: 0, slot: 'Errors[0]', port: 'error' },
      ],
      notes,
      hints: { label: data.label, seconds: data.seconds },
    };
  },
});
