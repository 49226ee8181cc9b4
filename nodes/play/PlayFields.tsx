import type { FieldsProps } from '../../editor/inspector/fieldsTypes.ts';
import { CheckboxField, editNumber, problemsFor, TextField, useSchemaForm } from '../../editor/inspector/widgets.tsx';
import { type PlayData, playModel } from './model.ts';

export function PlayFields({ data, onChange, problems }: FieldsProps<PlayData>) {
  const form = useSchemaForm(playModel.schema, onChange);
  return (
    <div className="rf-form">
      <TextField
        label="Label"
        value={form.text('label', data.label)}
        error={form.error('label')}
        problems={problemsFor(problems, 'label')}
        onText={(raw) => form.edit('label', raw, { ...data, label: raw })}
      />
      <TextField
        label="Message"
        multiline
        rows={4}
        value={form.text('text', data.text)}
        error={form.error('text')}
        problems={problemsFor(problems, 'text')}
        placeholder="What the caller hears"
        onText={(raw) => form.edit('text', raw, { ...data, text: raw })}
      />
      <TextField
        label="Duration"
        inputMode="numeric"
        suffix="seconds"
        value={form.text('durationSeconds', String(data.durationSeconds))}
        error={form.error('durationSeconds')}
        problems={problemsFor(problems, 'durationSeconds')}
        hint="How long the message plays in a simulated call."
        onText={(raw) => editNumber(form, 'durationSeconds', raw, (n) => ({ ...data, durationSeconds: n }))}
      />
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
