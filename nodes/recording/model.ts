import { z } from 'zod';
import { defineModel, type NodeProblem } from '../kit/contract.ts';
import { labelSchema } from '../kit/fields.ts';
import { platformFacts } from '../kit/platforms.ts';

/** The block options besides on/off, and the words for them. */
const OPTIONS = [
  { field: 'channels', what: 'the channels' },
  { field: 'agentPause', what: 'whether agents may pause' },
  { field: 'parties', what: 'which sides are recorded' },
  { field: 'ivr', what: 'whether the IVR part is recorded' },
] as const;

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
    // R30: a value the platform's recording block cannot hold is ignored by the simulation (and by the platform).
    const facts = platformFacts(ctx.workspace?.platform);
    // C3 / R18: mono recordings cannot be transcribed or analysed. Only where the platform's block sets the
    // channels (R30) does this node make the recording mono; elsewhere its "mono" is ignored (warned below).
    if (data.record === 'on' && data.channels === 'mono' && facts.recording.channels) {
      problems.push({
        severity: 'warning',
        code: 'C3-mono',
        message: 'Mono recording: post-call transcription and speech analytics need dual channel.',
        field: 'channels',
      });
    }
    for (const option of OPTIONS) {
      if (data[option.field] === 'default' || facts.recording[option.field]) continue;
      problems.push({
        severity: 'warning',
        code: 'R30-not-on-platform',
        message: `The ${facts.name} ${facts.recordingBlock} cannot set ${option.what}: "${data[option.field]}" is ignored. Set it back to default.`,
        field: option.field,
      });
    }
    return problems;
  },
  searchText: (d) => `${d.label} record ${d.record} ${d.channels} pause ${d.agentPause} parties ${d.parties} ivr ${d.ivr}`,
});
export type RecordingData = z.infer<typeof schema>;
