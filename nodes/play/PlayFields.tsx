import type { FieldsProps } from '../../editor/kit/form.ts';
import { CheckboxField, DataTextField, LabelField, problemsFor, SecondsField, useNodeForm } from '../../editor/kit/widgets.tsx';
import { type PlayData, playModel } from './model.ts';

export function PlayFields(props: FieldsProps<PlayData>) {
  const { data, problems } = props;
  const form = useNodeForm(playModel.schema, props);
  return (
    <div className="rf-form">
      <LabelField form={form} />
      <DataTextField form={form} field="text" label="Message" multiline rows={4} placeholder="What the caller hears" />
      <SecondsField form={form} field="durationSeconds" label="Duration" hint="How long the message plays in a simulated call." />
      <CheckboxField
        label="This is the recording notice"
        checked={data.recordingNotice}
        problems={problemsFor(problems, 'recordingNotice')}
        // C2: the flow check looks for this mark before any recording starts.
        hint="Tells the caller the call is recorded. All-party-consent jurisdictions need it before recording starts."
        onToggle={(on) => form.edit('recordingNotice', String(on), { ...data, recordingNotice: on })}
      />
    </div>
  );
}
