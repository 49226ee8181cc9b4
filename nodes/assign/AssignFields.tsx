import type { FieldsProps } from '../../editor/kit/form.ts';
import { PeoplePicker } from '../../editor/kit/PeoplePicker.tsx';
import { LabelField, problemsFor, RadioGroupField, SecondsField, useNodeForm } from '../../editor/kit/widgets.tsx';
import { type AssignData, assignModel } from './model.ts';

type TargetType = AssignData['target']['type'];

export function AssignFields(props: FieldsProps<AssignData>) {
  const { data, problems, workspace } = props;
  const form = useNodeForm(assignModel.schema, props);
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
      <LabelField form={form} />
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
        value={targetId}
        workspace={workspace}
        problems={problemsFor(problems, 'target')}
        error={form.error('target')}
        onPick={(id) => form.edit('target', id, withTarget(target.type, id))}
      />
      <SecondsField form={form} field="ringTimeoutSeconds" label="Ring for" hint="Unanswered by then, the call takes the noAnswer port." />
    </div>
  );
}
