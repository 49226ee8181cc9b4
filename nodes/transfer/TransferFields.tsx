import { useState } from 'react';
import type { FieldsProps } from '../../editor/kit/form.ts';
import { PeoplePicker } from '../../editor/kit/PeoplePicker.tsx';
import { LabelField, problemsFor, SecondsField, SelectField, TextField, useNodeForm } from '../../editor/kit/widgets.tsx';
import type { TransferTarget } from '../kit/fields.ts';
import { type TransferData, transferModel } from './model.ts';

type TargetType = TransferTarget['type'];
type ExtensionSystem = Extract<TransferTarget, { type: 'extension' }>['system'];

const TYPE_CHOICES: { value: TargetType; label: string }[] = [
  { value: 'external', label: 'Outside phone number' },
  { value: 'extension', label: 'Private extension' },
  { value: 'agent', label: 'Agent' },
  { value: 'ringGroup', label: 'Ring group' },
];

const SYSTEM_CHOICES: { value: ExtensionSystem; label: string }[] = [
  { value: 'pbx', label: 'Third-party PBX extension' },
  { value: 'deskPhone', label: 'Desk phone' },
  { value: 'teams', label: 'Microsoft Teams user' },
];

export function TransferFields(props: FieldsProps<TransferData>) {
  const { data, problems, workspace } = props;
  const form = useNodeForm(transferModel.schema, props);
  // A type switched to whose value is not typed yet: shown here, saved once valid.
  const [pending, setPending] = useState<TargetType | null>(null);
  const [system, setSystem] = useState<ExtensionSystem>(data.target.type === 'extension' ? data.target.system : 'pbx');
  const target = data.target;
  const shownType = pending ?? target.type;
  const targetProblems = problemsFor(problems, 'target');
  const setTarget = (next: TransferTarget, raw: string) => {
    const candidate = { ...data, target: next };
    if (transferModel.schema.safeParse(candidate).success) setPending(null);
    form.edit('target', raw, candidate);
  };
  const switchType = (type: TargetType) => {
    form.reset();
    if (type === target.type) return setPending(null);
    if (type === 'agent' || type === 'ringGroup') {
      const first = type === 'agent' ? workspace.agents[0]?.id : workspace.ringGroups[0]?.id;
      if (first === undefined) return setPending(type);
      return setTarget(type === 'agent' ? { type, agentId: first } : { type, ringGroupId: first }, first);
    }
    setPending(type);
  };
  const external = shownType === 'external';
  return (
    <div className="rf-form">
      <LabelField form={form} />
      <SelectField
        label="Transfer to"
        value={shownType}
        choices={TYPE_CHOICES}
        hint={
          pending
            ? 'Fill in the target below to save the change.'
            : shownType === 'extension'
              ? 'A third-party PBX extension, a desk phone or a Microsoft Teams user: internal, like an agent.'
              : undefined
        }
        onSelect={switchType}
      />
      {shownType === 'external' ? (
        <TextField
          label="Outside number"
          inputMode="tel"
          placeholder="+15550100"
          value={form.text('target', target.type === 'external' ? target.number : '')}
          error={form.error('target')}
          problems={targetProblems}
          onText={(raw) => setTarget({ type: 'external', number: raw }, raw)}
        />
      ) : null}
      {shownType === 'extension' ? (
        <>
          <SelectField
            label="Extension on"
            value={target.type === 'extension' ? target.system : system}
            choices={SYSTEM_CHOICES}
            onSelect={(s) => {
              setSystem(s);
              if (target.type === 'extension') setTarget({ ...target, system: s }, target.extension);
            }}
          />
          <TextField
            label="Extension"
            placeholder="e.g. 4021 or someone@example.com"
            value={form.text('target', target.type === 'extension' ? target.extension : '')}
            error={form.error('target')}
            problems={targetProblems}
            onText={(raw) =>
              setTarget({ type: 'extension', extension: raw, system: target.type === 'extension' ? target.system : system }, raw)
            }
          />
        </>
      ) : null}
      {shownType === 'agent' || shownType === 'ringGroup' ? (
        <PeoplePicker
          kind={shownType}
          value={target.type === 'agent' ? target.agentId : target.type === 'ringGroup' ? target.ringGroupId : ''}
          workspace={workspace}
          problems={targetProblems}
          error={form.error('target')}
          onPick={(id) => setTarget(shownType === 'agent' ? { type: 'agent', agentId: id } : { type: 'ringGroup', ringGroupId: id }, id)}
        />
      ) : null}
      {/* R13 / R14 / R16: what happens to the recording depends on where the call goes. */}
      <p className={external && !workspace.account.continueOnExternalTransfer ? 'rf-warning-note' : 'rf-note'}>
        {external
          ? workspace.account.continueOnExternalTransfer
            ? 'External transfer: recording continues through the outside portion (account setting “keep recording on external transfer” is on).'
            : 'External transfer: recording stops when the call leaves for the outside number (account setting “keep recording on external transfer” is off).'
          : 'Internal transfer: recording carries on unchanged.'}
      </p>
      <SecondsField form={form} field="ringTimeoutSeconds" label="Ring for" hint="Unanswered by then, the call takes the failed port." />
    </div>
  );
}
