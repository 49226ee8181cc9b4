import type { FieldsProps } from '../../editor/kit/form.ts';
import { DataTextField, LabelField, SecondsField, SelectField, useNodeForm } from '../../editor/kit/widgets.tsx';
import { STEP_ACTION_TEXT, STEP_ACTIONS, type StepData, stepModel } from './model.ts';

export function StepFields(props: FieldsProps<StepData>) {
  const { data } = props;
  const form = useNodeForm(stepModel.schema, props);
  return (
    <div className="rf-form">
      <LabelField form={form} />
      <SelectField
        label="Does"
        value={data.action}
        choices={STEP_ACTIONS.map((value) => ({ value, label: STEP_ACTION_TEXT[value] }))}
        onSelect={(action) => form.edit('action', action, { ...data, action })}
      />
      <DataTextField form={form} field="system" label="Calls" placeholder="e.g. CRM lookup, claims-api" hint="What it talks to, in your words." />
      <SecondsField
        form={form}
        field="seconds"
        label="Takes"
        hint="In a simulation the call waits this long, then goes on by next unless you choose that the step fails (error)."
      />
      <p className="rf-note">A step never changes what is recorded: recording goes on as it was while it runs.</p>
      {data.original !== undefined ? (
        <details className="rf-field">
          <summary className="rf-label">Platform configuration (imported, read-only)</summary>
          <textarea
            className="rf-input"
            aria-label="Platform configuration"
            readOnly
            rows={10}
            spellCheck={false}
            style={{ fontFamily: 'var(--mono, monospace)', fontSize: 12, resize: 'vertical' }}
            value={JSON.stringify(data.original, null, 2)}
          />
          <p className="rf-hint">Kept exactly as the platform wrote it; Recflow shows it and never changes it.</p>
        </details>
      ) : null}
    </div>
  );
}
