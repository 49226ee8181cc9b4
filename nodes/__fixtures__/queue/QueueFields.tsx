import type { FieldsProps } from '../../../editor/kit/form.ts';
import { PeoplePicker } from '../../../editor/kit/PeoplePicker.tsx';
import { LabelField, problemsFor, SecondsField, useNodeForm } from '../../../editor/kit/widgets.tsx';
import { type QueueData, queueModel } from './model.ts';

export function QueueFields(props: FieldsProps<QueueData>) {
  const { data, problems, workspace } = props;
  const form = useNodeForm(queueModel.schema, props);
  return (
    <div className="rf-form">
      <LabelField form={form} />
      <PeoplePicker
        kind="ringGroup"
        value={data.ringGroupId}
        workspace={workspace}
        problems={problemsFor(problems, 'ringGroupId')}
        error={form.error('ringGroupId')}
        onPick={(id) => form.edit('ringGroupId', id, { ...data, ringGroupId: id })}
      />
      <SecondsField form={form} field="maxWaitSeconds" label="Wait at most" />
    </div>
  );
}
