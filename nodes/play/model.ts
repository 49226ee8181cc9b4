import { z } from 'zod';
import { defineModel } from '../kit/contract.ts';
import { labelSchema, secondsSchema, textSchema } from '../kit/fields.ts';

const schema = z.strictObject({
  label: labelSchema,
  text: textSchema,
  durationSeconds: secondsSchema(600),
  /** C2: marks this prompt as the notice that tells the caller the call is recorded. */
  recordingNotice: z.boolean(),
});

export const playModel = defineModel({
  kind: 'play',
  title: 'Play',
  description: 'Plays a message to the caller, then moves on.',
  schema,
  defaults: () => ({ label: 'Message', text: '', durationSeconds: 5, recordingNotice: false }),
  hasInput: true,
  ports: () => [{ id: 'next', label: 'next' }],
  check(data) {
    if (data.text.trim() === '') {
      return [{ severity: 'warning', code: 'empty-message', message: 'The message has no text.', field: 'text' }];
    }
    return [];
  },
  searchText: (d) => `${d.label} ${d.text}`,
});
export type PlayData = z.infer<typeof schema>;
