/**
 * Step ↔ Studio's widgets outside the call's audio (R27): functions, HTTP requests, variables, messages. The
 * step also keeps every widget no other kind reads, verbatim, so nothing imported is dropped and export gives
 * it back unchanged.
 */
import { asState, clip, defineTwilio, noteUnbound, textProp, writeOne } from '../kit/twilio.ts';
import type { ExitBinding, FormatNote, JsonValue } from '../kit/formats.ts';
import type { StepAction, StepData } from './model.ts';

const KNOWN: Record<string, { action: StepAction; label: string; system: string }> = {
  'run-function': { action: 'function', label: 'Run function', system: 'url' },
  'make-http-request': { action: 'http', label: 'Make HTTP request', system: 'url' },
  'set-variables': { action: 'set-variables', label: 'Set variables', system: '' },
  'send-message': { action: 'send-message', label: 'Send message', system: 'to' },
};

const FAILS = /fail|error/i;

export const stepTwilio = defineTwilio<StepData>({
  reads: Object.keys(KNOWN),
  readsOtherTypes: true,
  read(state) {
    const known = KNOWN[state.type];
    const notes: FormatNote[] = [];
    notes.push(
      known
        ? { fidelity: 'not-simulated', message: `what ${state.type} does is not simulated: it takes 1 s and goes on, unless the reviewer chooses that it fails (R27)` }
        : { fidelity: 'not-simulated', message: `Recflow does not model ${state.type}: it is kept as it is, takes 1 s and goes on by its first transition (or a failure, when the reviewer chooses that it fails)` },
    );
    const exits: ExitBinding[] = [];
    const next = state.transitions.findIndex((t) => !FAILS.test(t.event));
    const error = state.transitions.findIndex((t) => FAILS.test(t.event));
    if (next >= 0) exits.push({ slot: `transitions[${next}]`, port: 'next' });
    if (error >= 0) exits.push({ slot: `transitions[${error}]`, port: 'error' });
    noteUnbound(state, exits, notes);
    const data: StepData = {
      label: clip(known?.label ?? state.type),
      action: known?.action ?? 'other',
      system: clip((known?.system ? textProp(state.properties, known.system) : undefined) ?? state.type),
      seconds: 1,
      original: state as unknown as JsonValue,
    };
    return { data, exits, notes };
  },
  keeps: (data) => asState(data.original),
  write(data) {
    const kept = asState(data.original);
    if (kept) {
      // R27: an imported step is given back as it came; only where it leads is Recflow's.
      const next = kept.transitions.findIndex((t) => !FAILS.test(t.event));
      const error = kept.transitions.findIndex((t) => FAILS.test(t.event));
      const exits = [
        ...(next >= 0 ? [{ action: 0, slot: `transitions[${next}]`, port: 'next' }] : []),
        ...(error >= 0 ? [{ action: 0, slot: `transitions[${error}]`, port: 'error' }] : []),
      ];
      return { actions: [{ ...structuredClone(kept), name: '' }], exits, notes: [] };
    }
    const notes: FormatNote[] = [];
    if (data.seconds !== 1) notes.push({ fidelity: 'approximated', message: `Studio cannot keep how long a step takes: read back as 1 s, simulated as ${data.seconds} s (R27)` });
    if (data.action === 'http') return writeOne('make-http-request', { method: 'GET', url: data.system, content_type: 'application/x-www-form-urlencoded;charset=utf-8' }, [['success', 'next'], ['failed', 'error']], notes);
    if (data.action === 'set-variables') {
      // Studio needs at least one variable: one named after the step stands in until the real ones are filled in.
      const key = data.label.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'recflow_step';
      return writeOne('set-variables', { variables: [{ key, value: data.system || 'set' }] }, [['next', 'next']], [
        ...notes,
        { fidelity: 'approximated', message: `Recflow does not know which variables the step sets: written with one, "${key}", to fill in on Studio` },
      ]);
    }
    if (data.action === 'send-message') return writeOne('send-message', { body: data.label, to: data.system }, [['sent', 'next'], ['failed', 'error']], notes);
    if (data.action !== 'function') notes.push({ fidelity: 'approximated', message: `Studio reaches outside systems through a Function: the ${data.action} step is written as Run Function "${data.system}"` });
    return writeOne('run-function', { url: data.system, service_sid: '', environment_sid: '', function_sid: '' }, [['success', 'next'], ['fail', 'error']], notes);
  },
});
