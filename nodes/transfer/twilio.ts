/**
 * Transfer ↔ Studio's Connect Call To widget (`connect-call-to`): an outside number (R16) or a client (an
 * agent, R13). Its `record` option records the connected call on Twilio; Recflow's call follows its own
 * recording state, so that option is reported. SIP, SIM, conference and several numbers are kept as steps.
 */
import { baseProperties, bindEvent, clip, defineTwilio, noteUnbound, numberProp, textProp, writeOne } from '../kit/twilio.ts';
import { toE164 } from '../kit/fields.ts';
import type { ExitBinding, FormatNote } from '../kit/formats.ts';
import type { TransferData } from './model.ts';

const PHONE = /^\+?[0-9 ()-]{3,20}$/;

export const transferTwilio = defineTwilio<TransferData>({
  reads: ['connect-call-to'],
  read(state, { ref }) {
    const p = state.properties;
    const noun = textProp(p, 'noun') ?? 'number';
    const to = textProp(p, 'to') ?? '';
    let target: TransferData['target'];
    if (noun === 'number' && PHONE.test(to)) target = { type: 'external', number: to };
    else if (noun === 'client' && to !== '' && !to.includes('{{')) target = { type: 'agent', agentId: ref({ type: 'agentQueue', value: to }) };
    else return null;
    const timeout = numberProp(p, 'timeout');
    const notes: FormatNote[] = [];
    if (timeout === undefined) notes.push({ fidelity: 'approximated', message: 'no ring timeout given: 30 s assumed', at: 'properties' });
    const exits: ExitBinding[] = [];
    // Studio goes on by callCompleted both when nobody answers and after the connected call ends.
    bindEvent(state, 'callCompleted', 'failed', exits);
    notes.push({ fidelity: 'not-simulated', message: "after the connected party hangs up, Studio runs on by callCompleted; Recflow's call stays with the connected party (R16)", at: 'transitions', part: true });
    const record = p.record === true || p.record === 'true';
    if (record) notes.push({ fidelity: 'approximated', message: 'the record option records the connected call on Twilio; the simulation records it as the call\u2019s recording state says (R14, R16)', at: 'properties.record' });
    noteUnbound(state, exits, notes, 'is taken when the caller hangs up; the simulated call ends there');
    return {
      data: { label: clip(`Connect call to ${to}`), target, ringTimeoutSeconds: Math.min(600, Math.max(1, Math.round(timeout ?? 30))) },
      exits,
      notes,
    };
  },
  write(data, { original, before, platformId }) {
    const t = data.target;
    const notes: FormatNote[] = [];
    let noun = 'number';
    let to: string;
    if (t.type === 'external') {
      // Twilio dials E.164: a number written for people is compacted; one without a country code is written as
      // it is, and the export check refuses it.
      to = toE164(t.number) ?? t.number;
      if (toE164(t.number) === undefined) {
        notes.push({ fidelity: 'not-simulated', message: `"${t.number}" is not an E.164 number (+, country code, at most 15 digits): Studio dials no other form; give it its country code` });
      }
    } else if (t.type === 'agent') {
      noun = 'client';
      to = platformId({ type: 'agent', id: t.agentId });
    } else if (t.type === 'ringGroup') {
      to = platformId({ type: 'ringGroup', id: t.ringGroupId });
      notes.push({ fidelity: 'approximated', message: `Studio cannot ring a group from Connect Call To: written to "${to}" as a number; use Send to Flex or Enqueue Call instead (R13)` });
    } else {
      noun = 'sip';
      to = t.extension;
      notes.push({ fidelity: 'approximated', message: `Studio cannot ring a private extension: written as a SIP address "${to}" (R13)` });
    }
    // The same difference the import reports: Connect Call To has no event for a call that failed alone.
    notes.push({
      fidelity: 'not-simulated',
      message:
        "Studio has one event, callCompleted, for a call nobody answered and for a connected call that ended: what follows the failed port also runs after the connected party hangs up, where Recflow's call stays with them (R16)",
      part: true,
    });
    const properties = baseProperties(original, { noun, to, timeout: data.ringTimeoutSeconds, record: false });
    if (original && before) {
      if (JSON.stringify(before.target) !== JSON.stringify(data.target)) Object.assign(properties, { noun, to });
      if (before.ringTimeoutSeconds !== data.ringTimeoutSeconds) properties.timeout = data.ringTimeoutSeconds;
    }
    return writeOne('connect-call-to', properties, [
      ['callCompleted', 'failed'],
      ['hangup', null],
    ], notes);
  },
});
