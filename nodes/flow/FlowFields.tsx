import type { FieldsProps } from '../../editor/kit/form.ts';
import { CheckboxField, type Choice, LabelField, problemsFor, SelectField, useNodeForm } from '../../editor/kit/widgets.tsx';
import { type FlowNodeData, flowModel } from './model.ts';

export function FlowFields(props: FieldsProps<FlowNodeData>) {
  const { data, problems, workspace } = props;
  const form = useNodeForm(flowModel.schema, props);
  const choices: Choice<string>[] = [];
  // The truth stays visible: a flow not chosen yet, or one the workspace no longer has, is listed as such.
  if (data.flowId === '') choices.push({ value: '', label: 'Choose a flow…' });
  else if (!workspace.flows.some((f) => f.id === data.flowId)) choices.push({ value: data.flowId, label: `Unknown “${data.flowId}”` });
  choices.push(...workspace.flows.map((f) => ({ value: f.id, label: f.name })));
  return (
    <div className="rf-form">
      <LabelField form={form} />
      <SelectField
        label="Continue in"
        value={data.flowId}
        choices={choices}
        problems={problemsFor(problems, 'flowId')}
        error={form.error('flowId')}
        hint="The call goes on from that flow’s start."
        onSelect={(flowId) => {
          if (flowId !== '') form.edit('flowId', flowId, { ...data, flowId });
        }}
      />
      <CheckboxField
        label="Comes back when that flow ends (a module)"
        checked={data.returns}
        hint={
          data.returns
            ? 'When that flow reaches an end that does not hang up, the call returns here and takes the next port.'
            : 'Off: the call stays in that flow (a transfer to a flow).'
        }
        onToggle={(returns) => form.edit('returns', '', { ...data, returns })}
      />
    </div>
  );
}
