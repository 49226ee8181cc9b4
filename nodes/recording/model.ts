import { z } from 'zod';
import { defineModel, type NodeProblem } from '../kit/contract.ts';
import { labelSchema } from '../kit/fields.ts';
import { platformFacts, type RecordingBlockOptions } from '../kit/platforms.ts';

const schema = z.strictObject({
  label: labelSchema,
  /** R5/R6: start (on) or stop (off) recording the moment the node runs. */
  record: z.enum(['on', 'off']),
  /** R3: 'default' falls through to the number and the account. */
  channels: z.enum(['default', 'dual', 'mono']),
  /** R3: 'default' falls through to the number override and the account. */
  agentPause: z.enum(['default', 'enabled', 'disabled']),
  /** R29: which sides are on tape from here on; 'default' falls through to the account. Older flows have none: default. */
  parties: z.enum(['default', 'both', 'contact', 'agent']).default('default'),
  /** R31: whether turning recording on here records the IVR part before an agent joins; 'default' is the account's. */
  ivr: z.enum(['default', 'record', 'skip']).default('default'),
});

/** The block options a node may set, with the words the platform-option warning uses. */
const OPTION_WORDS: ReadonlyArray<[keyof RecordingBlockOptions, string]> = [
  ['channels', 'the channels'],
  ['agentPause', 'whether agents may pause'],
  ['parties', 'which sides are recorded'],
  ['ivr', 'whether the IVR part is recorded'],
];

export const recordingModel = defineModel({
  kind: 'recording',
  title: 'Recording',
  description: 'Turns call recording on or off from here on, overriding the number and account settings.',
  schema,
  defaults: () => ({
    label: 'Record call',
    record: 'on' as const,
    channels: 'default' as const,
    agentPause: 'default' as const,
    parties: 'default' as const,
    ivr: 'default' as const,
  }),
  hasInput: true,
  ports: () => [{ id: 'next', label: 'next' }],
  check(data, ctx) {
    const problems: NodeProblem[] = [];
    if (data.record === 'on' && data.channels === 'mono') {
      // C3 / R18: mono recordings cannot be transcribed or analysed.
      problems.push({
        severity: 'warning',
        code: 'C3-mono',
        message: 'Mono recording: post-call transcription and speech analytics need dual channel.',
        field: 'channels',
      });
    }
    // R30: a choice the platform's recording block does not have cannot be made there (the simulation still applies it).
    const facts = platformFacts(ctx.workspace?.platform);
    for (const [option, what] of OPTION_WORDS) {
      if (!facts.recording[option] && data[option] !== 'default') {
        problems.push({
          severity: 'warning',
          code: 'platform-option',
          message: `${facts.name}'s ${facts.recordingBlock} cannot set ${what}: choose "Use default", or this flow records differently on ${facts.name}.`,
          field: option,
        });
      }
    }
    return problems;
  },
  searchText: (d) => `${d.label} record ${d.record} ${d.channels} pause ${d.agentPause} parties ${d.parties} ivr ${d.ivr}`,
});
export type RecordingData = z.infer<typeof schema>;
