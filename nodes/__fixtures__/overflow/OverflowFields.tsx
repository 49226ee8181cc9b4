import type { FieldsProps } from '../../../editor/kit/form.ts';
import { PeoplePicker } from '../../../editor/kit/PeoplePicker.tsx';
import { LabelField, problemsFor, SecondsField, useNodeForm } from '../../../editor/kit/widgets.tsx';
import { type OverflowData, overflowModel } from './model.ts';

export function OverflowFields(props: FieldsProps<OverflowData>) {
  const { data, problems, workspace } = props;
  const form = useNodeForm(overflowModel.schema, props);
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
