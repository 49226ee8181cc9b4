import type { FieldsProps } from '../../editor/inspector/fieldsTypes.ts';
import { problemsFor, TextField, useSchemaForm } from '../../editor/inspector/widgets.tsx';
import { type HangupData, hangupModel } from './model.ts';

export function HangupFields({ data, onChange, problems }: FieldsProps<HangupData>) {
  const form = useSchemaForm(hangupModel.schema, onChange);
  return (
    <div className="rf-form">
      <TextField
        label="Label"
        value={form.text('label', data.label)}
        error={form.error('label')}
        problems={problemsFor(problems, 'label')}
        onText={(raw) => form.edit('label', raw, { ...data, label: raw })}
      />
      <p className="rf-note">The call ends here: any open recording segment closes at this moment.</p>
    </div>
  );
}
