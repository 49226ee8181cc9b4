import { z } from 'zod';
import { defineModel } from '../kit/contract.ts';
import { labelSchema } from '../kit/fields.ts';

const schema = z.strictObject({
  label: labelSchema,
  /** R5/R6: start (on) or stop (off) recording the moment the node runs. */
  record: z.enum(['on', 'off']),
  /** R3: 'default' falls through to the number and the account. */
  channels: z.enum(['default', 'dual', 'mono']),
  /** R3: 'default' falls through to the number override and the account. */
  agentPause: z.enum(['default', 'enabled', 'disabled']),
});

export const recordingModel = defineModel({
  kind: 'recording',
  title: 'Recording',
  description: 'Turns call recording on or off from here on, overriding the number and account settings.',
  schema,
  defaults: () => ({ label: 'Record call', record: 'on' as const, channels: 'default' as const, agentPause: 'default' as const }),
  hasInput: true,
  ports: () => [{ id: 'next', label: 'next' }],
  check(data) {
    if (data.record === 'on' && data.channels === 'mono') {
      // C3 / R18: mono recordings cannot be transcribed or analysed.
      return [
        {
          severity: 'warning',
          code: 'C3-mono',
          message: 'Mono recording: post-call transcription and speech analytics need dual channel.',
          field: 'channels',
        },
      ];
    }
    return [];
  },
  searchText: (d) => `${d.label} record ${d.record} ${d.channels} pause ${d.agentPause}`,
});
export type RecordingData = z.infer<typeof schema>;
