/** Voicemail ↔ Studio's Record Voicemail widget (`record-voicemail`): a message of at most `max_length` seconds (R19). */
import { baseProperties, bindEvent, defineTwilio, noteUnbound, numberProp, writeOne } from '../kit/twilio.ts';
import type { ExitBinding, FormatNote } from '../kit/formats.ts';
import type { VoicemailData } from './model.ts';

/** Studio's default message length (twilio.com/docs/studio/widget-library/record-voicemail). */
const STUDIO_DEFAULT = 3600;

export const voicemailTwilio = defineTwilio<VoicemailData>({
  reads: ['record-voicemail'],
  read(state) {
    const max = numberProp(state.properties, 'max_length') ?? STUDIO_DEFAULT;
    const notes: FormatNote[] = [];
    if (max > 600) notes.push({ fidelity: 'approximated', message: `messages up to ${max} s: Recflow simulates at most 600 s`, at: 'properties.max_length' });
    if (state.properties.transcribe === true || state.properties.transcribe === 'true') notes.push({ fidelity: 'not-simulated', message: 'transcription of the message is not simulated', at: 'properties.transcribe', part: true });
    const exits: ExitBinding[] = [];
    bindEvent(state, 'recordingComplete', 'next', exits);
    noteUnbound(state, exits, notes, 'is taken when the caller says nothing or hangs up; the simulation takes recordingComplete');
    return { data: { label: 'Record voicemail', prompt: '', maxLengthSeconds: Math.max(1, Math.min(600, Math.round(max))) }, exits, notes };
  },
  write(data, { original, before }) {
    const properties = baseProperties(original, { max_length: data.maxLengthSeconds, play_beep: 'true', finish_on_key: '#', timeout: 5 });
    if (original && before && before.maxLengthSeconds !== data.maxLengthSeconds) properties.max_length = data.maxLengthSeconds;
    const notes: FormatNote[] = [];
    if (data.prompt.trim() !== '') notes.push({ fidelity: 'approximated', message: 'Studio\u2019s Record Voicemail has no prompt: put a Say/Play before it for the greeting (R19)' });
    return writeOne('record-voicemail', properties, [
      ['recordingComplete', 'next'],
      ['noAudio', 'next'],
      ['hangup', null],
    ], notes);
  },
});
