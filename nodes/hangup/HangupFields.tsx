import type { FieldsProps } from '../../editor/inspector/fieldsTypes.ts';
import { LabelField, useNodeForm } from '../../editor/inspector/widgets.tsx';
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
