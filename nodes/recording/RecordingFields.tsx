import type { FieldsProps } from '../../editor/kit/form.ts';
import { LabelField, problemsFor, RadioGroupField, useNodeForm } from '../../editor/kit/widgets.tsx';
import { TRANSCRIPTION_WARNING } from '../../editor/kit/texts.ts';
import { type RecordingData, recordingModel } from './model.ts';

export function RecordingFields(props: FieldsProps<RecordingData>) {
  const { data, problems, workspace } = props;
  const form = useNodeForm(recordingModel.schema, props);
  const account = workspace.account;
  // R3: "use default" falls through to the number override and then the account.
  const defaultChannels = account.dualChannel ? 'dual' : 'mono';
  const effectiveChannels = data.channels === 'default' ? defaultChannels : data.channels;
  const recordOn = data.record === 'on';
  const channelProblems = problemsFor(problems, 'channels');
  // R18: a mono recording cannot be transcribed; the model's own C3 problem already says so when the node sets mono.
  const showMonoWarning = recordOn && effectiveChannels === 'mono' && !channelProblems.some((p) => p.code === 'C3-mono');
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
            ? 'Recording starts the moment the call reaches this node, prompts included.'
            : 'Any running recording stops here, and only a later Recording node can start it again.'
        }
        onSelect={(record) => form.edit('record', record, { ...data, record })}
      />
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
      {showMonoWarning ? (
        <p className="rf-warning-note" role="status">
          <strong>Transcription off.</strong> {TRANSCRIPTION_WARNING}
        </p>
      ) : null}
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
    </div>
  );
}
