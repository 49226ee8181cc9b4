/** Play ↔ Studio's Say/Play widget (`say-play`): it says text or plays an audio file, `loop` times. */
import { baseProperties, bindEvent, clip, defineTwilio, estimateSeconds, numberProp, sayOrPlay, writeOne } from '../kit/twilio.ts';
import type { ExitBinding, FormatNote } from '../kit/formats.ts';
import type { PlayData } from './model.ts';

/** A prompt saying the call is recorded is taken for the consent notice (C2); Studio has no such mark. */
const NOTICE = /\brecord(ed|ing)?\b/i;

export const playTwilio = defineTwilio<PlayData>({
  reads: ['say-play'],
  read(state) {
    const p = state.properties;
    const { text, spoken } = sayOrPlay(p);
    const loop = Math.max(1, Math.round(numberProp(p, 'loop') ?? 1));
    const durationSeconds = spoken ? estimateSeconds(text, loop) : 5;
    const notes: FormatNote[] = [
      spoken
        ? { fidelity: 'approximated', message: `the prompt's length is estimated from its words${loop > 1 ? `, said ${loop} times` : ''} (${durationSeconds} s)`, at: 'properties' }
        : { fidelity: 'approximated', message: `an audio file, digits or a dynamic prompt: its length is unknown, ${durationSeconds} s assumed`, at: 'properties' },
    ];
    const notice = spoken && NOTICE.test(text);
    if (notice) notes.push({ fidelity: 'approximated', message: 'the prompt mentions recording, so it is taken for the recording notice (C2)', at: 'properties.say' });
    const exits: ExitBinding[] = [];
    bindEvent(state, 'audioComplete', 'next', exits);
    return { data: { label: clip(text || 'Say/Play'), text: clip(text, 2000), durationSeconds, recordingNotice: notice }, exits, notes };
  },
  write(data, { original, before }) {
    const properties = baseProperties(original, { say: data.text, loop: 1 });
    if (original && before && before.text !== data.text) {
      properties.say = data.text;
      delete properties.play;
    }
    const notes: FormatNote[] = [];
    const estimate = estimateSeconds(data.text);
    if (!original && estimate !== data.durationSeconds) {
      notes.push({ fidelity: 'approximated', message: `Studio cannot keep a prompt's length: it is as long as the words take to say (about ${estimate} s, simulated as ${data.durationSeconds} s)` });
    }
    return writeOne('say-play', properties, [['audioComplete', 'next']], notes);
  },
});
