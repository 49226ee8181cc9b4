/** Play ↔ Connect's MessageParticipant (the "Play prompt" block). */
import { type ConnectAction, clip, defineConnect, hintBoolean, hintNumber, hintText, NEXT, promptNote, promptText, spokenSeconds } from '../kit/connect.ts';
import type { PlayData } from './model.ts';

/** A prompt saying the call is recorded is taken for the consent notice (C2); Connect has no such mark. */
const NOTICE = /\brecord(ed|ing)?\b/i;

export const playConnect = defineConnect<PlayData>({
  reads: ['MessageParticipant'],
  read(action, { hints }) {
    const p = action.Parameters;
    const { text, spoken } = promptText(p);
    const durationSeconds = hintNumber(hints, 'durationSeconds', 1, 600) ?? (spoken ? spokenSeconds(text) : 5);
    const notes = [promptNote(p, durationSeconds, hintNumber(hints, 'durationSeconds', 1, 600) !== undefined)].filter((n) => n !== null);
    const hintedNotice = hintBoolean(hints, 'recordingNotice');
    if (hintedNotice === undefined && spoken && NOTICE.test(text)) {
      notes.push({ fidelity: 'approximated', message: 'the prompt mentions recording, so it is taken for the recording notice (C2)', at: 'Parameters' });
    }
    return {
      data: { label: hintText(hints, 'label') ?? clip(text || 'Play prompt'), text: clip(text, 2000), durationSeconds, recordingNotice: hintedNotice ?? (spoken && NOTICE.test(text)) },
      exits: [{ slot: NEXT, port: 'next' }],
      notes,
    };
  },
  write(data, { original, before }) {
    const keepPrompt = original && before && before.text === data.text;
    const Parameters = keepPrompt ? original.Parameters : { Text: data.text };
    const action: ConnectAction = { Identifier: '', Type: 'MessageParticipant', Parameters, Transitions: { NextAction: '', Errors: [{ NextAction: '', ErrorType: 'NoMatchingError' }] } };
    return {
      actions: [action],
      exits: [
        { action: 0, slot: NEXT, port: 'next' },
        { action: 0, slot: 'Errors[0]', port: 'next' },
      ],
      notes: [],
      hints: { label: data.label, durationSeconds: data.durationSeconds, recordingNotice: data.recordingNotice },
    };
  },
});
