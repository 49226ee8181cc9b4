/**
 * Recording ↔ Studio's Call Recording widget (`record-call`): it starts or stops recording the call
 * (`record_call`), in mono or dual channels (`recording_channels`). It cannot pause or resume (Twilio pauses
 * only through its REST API), nor record one side (R29); Twilio records the IVR part (R31).
 */
import { baseProperties, bindEvent, defineTwilio, noteUnbound, textProp, writeOne } from '../kit/twilio.ts';
import type { ExitBinding, FormatNote } from '../kit/formats.ts';
import type { RecordingData } from './model.ts';

export const recordingTwilio = defineTwilio<RecordingData>({
  reads: ['record-call'],
  read(state) {
    const p = state.properties;
    const on = p.record_call === true || p.record_call === 'true';
    const channels = textProp(p, 'recording_channels');
    const exits: ExitBinding[] = [];
    bindEvent(state, 'success', 'next', exits);
    const notes: FormatNote[] = [];
    noteUnbound(state, exits, notes, 'is taken on Studio when recording fails to start or stop; the simulation never fails here');
    if (p.trim !== undefined && p.trim !== 'do-not-trim') notes.push({ fidelity: 'not-simulated', message: 'trimming silence from the recording is not simulated', at: 'properties.trim', part: true });
    const data: RecordingData = {
      label: on ? 'Start call recording' : 'Stop call recording',
      record: on ? 'on' : 'off',
      channels: channels === 'dual' || channels === 'mono' ? channels : 'default',
      agentPause: 'default',
      parties: 'default',
      ivr: 'default',
    };
    return { data, exits, notes };
  },
  write(data, { original, before }) {
    const notes: FormatNote[] = [];
    const properties = baseProperties(original, { record_call: data.record === 'on' });
    if (!original) properties.recording_channels = data.channels === 'mono' ? 'mono' : 'dual';
    if (original && before && before.record !== data.record) properties.record_call = data.record === 'on';
    if (original && before && before.channels !== data.channels) {
      if (data.channels === 'default') delete properties.recording_channels;
      else properties.recording_channels = data.channels;
    }
    if (data.agentPause !== 'default') notes.push({ fidelity: 'approximated', message: `Studio's widget cannot set whether agents may pause (Twilio pauses through its REST API): "${data.agentPause}" is not written (R30)` });
    if (data.parties !== 'default' && data.parties !== 'both') notes.push({ fidelity: 'approximated', message: `Studio cannot record one side only: "${data.parties}" is written as both sides (R29)` });
    if (data.ivr !== 'default') notes.push({ fidelity: 'approximated', message: `Studio has no IVR-part setting: "${data.ivr}" is not written (R31)` });
    return writeOne('record-call', properties, [
      ['success', 'next'],
      ['failed', 'next'],
    ], notes);
  },
});
