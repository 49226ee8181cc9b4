import type { FieldsProps } from '../../editor/inspector/fieldsTypes.ts';
import { editNumber, problemsFor, TextField, useSchemaForm } from '../../editor/inspector/widgets.tsx';
import { type VoicemailData, voicemailModel } from './model.ts';

export function VoicemailFields({ data, onChange, problems }: FieldsProps<VoicemailData>) {
  const form = useSchemaForm(voicemailModel.schema, onChange);
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
        label="Prompt"
        multiline
        value={form.text('prompt', data.prompt)}
        error={form.error('prompt')}
        problems={problemsFor(problems, 'prompt')}
        hint="Played to the caller before the tone."
        onText={(raw) => form.edit('prompt', raw, { ...data, prompt: raw })}
      />
      <TextField
        label="Maximum message length"
        inputMode="numeric"
        suffix="seconds"
        value={form.text('maxLengthSeconds', String(data.maxLengthSeconds))}
        error={form.error('maxLengthSeconds')}
        problems={problemsFor(problems, 'maxLengthSeconds')}
        onText={(raw) => editNumber(form, 'maxLengthSeconds', raw, (n) => ({ ...data, maxLengthSeconds: n }))}
      />
      {/* R19 */}
      <p className="rf-note">
        The message is kept as its own voicemail recording (mono, caller only), whatever the call recording settings say.
      </p>
    </div>
  );
}
