import type { FieldsProps } from '../../editor/kit/form.ts';
import { TRANSCRIPTION_WARNING } from '../../editor/kit/texts.ts';
import { LabelField, problemsFor, RadioGroupField, useNodeForm } from '../../editor/kit/widgets.tsx';
import { platformFacts } from '../kit/platforms.ts';
import { type RecordingData, recordingModel } from './model.ts';

const SIDES_TEXT = { both: 'both sides', contact: 'the contact only', agent: 'the agent side only' } as const;

/**
 * The Recording node's form. It offers what the platform's recording block sets (R30): on/off always, channels
 * and agent pause on Talkdesk and (channels) Twilio Studio, the sides (R29) and the IVR part (R31) on Amazon
 * Connect. A choice the block lacks is still shown while the node holds one, with its warning, so it can be
 * set back to the default.
 */
export function RecordingFields(props: FieldsProps<RecordingData>) {
  const { data, problems, workspace } = props;
  const form = useNodeForm(recordingModel.schema, props);
  const account = workspace.account;
  const facts = platformFacts(workspace.platform);
  const offers = facts.recording;
  // R3: "use default" falls through to the number override and then the account.
  const defaultChannels = account.dualChannel ? 'dual' : 'mono';
  // R30: where the platform's block cannot set the channels, the node's choice is ignored and the account's stands.
  const effectiveChannels = data.channels === 'default' || !offers.channels ? defaultChannels : data.channels;
  const recordOn = data.record === 'on';
  const channelProblems = problemsFor(problems, 'channels');
  // R18: a mono recording cannot be transcribed; the model's own C3 problem already says so when the node sets mono.
  const showMonoWarning = recordOn && effectiveChannels === 'mono' && !channelProblems.some((p) => p.code === 'C3-mono');
  // R31: where the IVR part is not recorded, a Recording node before an agent starts recording when the agent joins.
  const recordsIvr = data.ivr === 'default' ? account.recordIvr : data.ivr === 'record';
  const shows = (option: keyof typeof offers) => offers[option] || data[option] !== 'default';
  const lacking = [
    offers.channels ? null : 'channels',
    offers.agentPause ? null : 'agent pause',
    offers.parties ? null : 'the sides recorded',
    offers.ivr ? null : 'the IVR part',
  ].filter((x): x is string => x !== null);
  return (
    <div className="rf-form">
      <LabelField form={form} />
      <RadioGroupField
        label="Recording"
        value={data.record}
        choices={[
          { value: 'on', label: 'Start recording' },
          { value: 'off', label: 'Stop recording' },
        ]}
        problems={problemsFor(problems, 'record')}
        hint={
          recordOn
            ? recordsIvr
              ? 'Recording starts the moment the call reaches this node, prompts included.'
              : 'Recording starts when an agent joins the call (or at once, when one is already on it).'
            : 'Any running recording stops here, and only a later Recording node can start it again.'
        }
        onSelect={(record) => form.edit('record', record, { ...data, record })}
      />
      {shows('channels') ? (
        <RadioGroupField
          label="Channels"
          value={data.channels}
          inline={false}
          choices={[
            { value: 'default', label: `Use default (${defaultChannels === 'dual' ? 'dual channel' : 'mono'}, from the account)` },
            { value: 'dual', label: 'Dual channel: contact on A, agent side on B' },
            { value: 'mono', label: 'Mono: one mixed channel' },
          ]}
          problems={channelProblems}
          hint={showMonoWarning ? undefined : 'The layout is fixed when the call’s recording first starts.'}
          onSelect={(channels) => form.edit('channels', channels, { ...data, channels })}
        />
      ) : null}
      {showMonoWarning ? (
        <p className="rf-warning-note" role="status">
          <strong>Transcription off.</strong> {TRANSCRIPTION_WARNING}
        </p>
      ) : null}
      {shows('agentPause') ? (
        <RadioGroupField
          label="Agent pause and resume"
          value={data.agentPause}
          inline={false}
          choices={[
            {
              value: 'default',
              label: `Use default (${account.agentPause ? 'allowed' : 'not allowed'} by the account, unless the number overrides it)`,
            },
            { value: 'enabled', label: 'Allowed for the controlling agent' },
            { value: 'disabled', label: 'Not allowed' },
          ]}
          problems={problemsFor(problems, 'agentPause')}
          onSelect={(agentPause) => form.edit('agentPause', agentPause, { ...data, agentPause })}
        />
      ) : null}
      {shows('parties') ? (
        <RadioGroupField
          label="Sides on tape"
          value={data.parties}
          inline={false}
          choices={[
            { value: 'default', label: `Use default (${SIDES_TEXT[account.recordedParties]}, from the account)` },
            { value: 'both', label: 'Both sides' },
            { value: 'contact', label: 'The contact only (channel A)' },
            { value: 'agent', label: 'The agent side only (channel B)' },
          ]}
          problems={problemsFor(problems, 'parties')}
          hint="R29: from here on; a later Recording node can choose again."
          onSelect={(parties) => form.edit('parties', parties, { ...data, parties })}
        />
      ) : null}
      {shows('ivr') ? (
        <RadioGroupField
          label="IVR part"
          value={data.ivr}
          inline={false}
          choices={[
            { value: 'default', label: `Use default (${account.recordIvr ? 'recorded' : 'not recorded'}, from the account)` },
            { value: 'record', label: 'Record from this node, prompts included' },
            { value: 'skip', label: 'Start recording when an agent joins' },
          ]}
          problems={problemsFor(problems, 'ivr')}
          hint="R31: only matters while no agent is on the call."
          onSelect={(ivr) => form.edit('ivr', ivr, { ...data, ivr })}
        />
      ) : null}
      {lacking.length > 0 ? (
        <p className="rf-hint" data-testid="platform-block-note">
          On {facts.name} the {facts.recordingBlock} does not set {lacking.join(', ')}: the account settings (or the platform) decide those.
        </p>
      ) : null}
    </div>
  );
}
