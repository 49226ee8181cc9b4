import { z } from 'zod';
import { defineModel } from '../kit/contract.ts';
import { labelSchema, secondsSchema, textSchema } from '../kit/fields.ts';

const schema = z.strictObject({
  label: labelSchema,
  prompt: textSchema,
  /** R19: the message is a separate mono recording of the caller, at most this long. */
  maxLengthSeconds: secondsSchema(600),
});

export const voicemailModel = defineModel({
  kind: 'voicemail',
  title: 'Voicemail',
  description: "Records the caller's message as a separate voicemail recording.",
  schema,
  defaults: () => ({ label: 'Voicemail', prompt: 'Please leave a message after the tone.', maxLengthSeconds: 120 }),
  hasInput: true,
  ports: () => [{ id: 'next', label: 'next' }],
  searchText: (d) => `${d.label} ${d.prompt}`,
});
export type VoicemailData = z.infer<typeof schema>;
