import type { FieldsProps } from '../../editor/kit/form.ts';
import { DataTextField, LabelField, SecondsField, useNodeForm } from '../../editor/kit/widgets.tsx';
import { type VoicemailData, voicemailModel } from './model.ts';

export function VoicemailFields(props: FieldsProps<VoicemailData>) {
  const form = useNodeForm(voicemailModel.schema, props);
  return (
    <div className="rf-form">
      <LabelField form={form} />
      <DataTextField form={form} field="prompt" label="Prompt" multiline hint="Played to the caller before the tone." />
      <SecondsField form={form} field="maxLengthSeconds" label="Maximum message length" />
      {/* R19 */}
      <p className="rf-note">
        The message is kept as its own voicemail recording (mono, caller only), whatever the call recording settings say.
      </p>
    </div>
  );
}
