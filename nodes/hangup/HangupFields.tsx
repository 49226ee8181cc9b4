import type { FieldsProps } from '../../editor/kit/form.ts';
import { LabelField, useNodeForm } from '../../editor/kit/widgets.tsx';
import { type HangupData, hangupModel } from './model.ts';

export function HangupFields(props: FieldsProps<HangupData>) {
  const form = useNodeForm(hangupModel.schema, props);
  return (
    <div className="rf-form">
      <LabelField form={form} />
      <p className="rf-note">The call ends here: any open recording segment closes at this moment.</p>
    </div>
  );
}
