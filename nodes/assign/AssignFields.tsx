import type { FieldsProps } from '../../editor/inspector/fieldsTypes.ts';
import { PeoplePicker } from '../../editor/inspector/TargetPicker.tsx';
import { editNumber, problemsFor, RadioGroupField, TextField, useSchemaForm } from '../../editor/inspector/widgets.tsx';
import { type AssignData, assignModel } from './model.ts';

type TargetType = AssignData['target']['type'];

export function AssignFields({ data, onChange, problems, workspace }: FieldsProps<AssignData>) {
  const form = useSchemaForm(assignModel.schema, onChange);
  const target = data.target;
  const targetId = target.type === 'agent' ? target.agentId : target.ringGroupId;
  const withTarget = (type: TargetType, id: string): AssignData => ({
    ...data,
    target: type === 'agent' ? { type, agentId: id } : { type, ringGroupId: id },
  });
  const switchType = (type: TargetType) => {
    if (type === target.type) return;
    const first = type === 'agent' ? workspace.agents[0]?.id : workspace.ringGroups[0]?.id;
    if (first === undefined) {
      form.refuse('target', '', `The workspace has no ${type === 'agent' ? 'agents' : 'ring groups'} to ring.`);
      return;
    }
    form.edit('target', first, withTarget(type, first));
  };
  return (
    <div className="rf-form">
      <TextField
        label="Label"
        value={form.text('label', data.label)}
        error={form.error('label')}
        problems={problemsFor(problems, 'label')}
        onText={(raw) => form.edit('label', raw, { ...data, label: raw })}
      />
      <RadioGroupField
        label="Ring"
        value={target.type}
        choices={[
          { value: 'ringGroup', label: 'A ring group' },
          { value: 'agent', label: 'One agent' },
        ]}
        onSelect={switchType}
      />
      <PeoplePicker
        kind={target.type}
        label={target.type === 'agent' ? 'Agent' : 'Ring group'}
        value={targetId}
        workspace={workspace}
        problems={problemsFor(problems, 'target')}
        error={form.error('target')}
        onPick={(id) => form.edit('target', id, withTarget(target.type, id))}
      />
      <TextField
        label="Ring for"
        inputMode="numeric"
        suffix="seconds"
        value={form.text('ringTimeoutSeconds', String(data.ringTimeoutSeconds))}
        error={form.error('ringTimeoutSeconds')}
        problems={problemsFor(problems, 'ringTimeoutSeconds')}
        hint="Unanswered by then, the call takes the noAnswer port."
        onText={(raw) => editNumber(form, 'ringTimeoutSeconds', raw, (n) => ({ ...data, ringTimeoutSeconds: n }))}
      />
    </div>
  );
}
