import { useId } from 'react';
import type { FieldsProps } from '../../editor/kit/form.ts';
import { PeoplePicker } from '../../editor/kit/PeoplePicker.tsx';
import { DataTextField, FieldMessages, LabelField, problemsFor, RadioGroupField, SecondsField, useNodeForm } from '../../editor/kit/widgets.tsx';
import { type QueueData, queueModel } from './model.ts';

type TargetType = QueueData['target']['type'];

export function QueueFields(props: FieldsProps<QueueData>) {
  const { data, problems, workspace } = props;
  const form = useNodeForm(queueModel.schema, props);
  const agentsId = useId();
  const target = data.target;
  const switchType = (type: TargetType) => {
    if (type === target.type) return;
    if (type === 'ringGroup') {
      const first = workspace.ringGroups[0]?.id;
      if (first === undefined) return form.refuse('target', '', 'The workspace has no ring groups to serve the queue.');
      return form.edit('target', first, { ...data, target: { type, ringGroupId: first } });
    }
    const first = workspace.agents[0]?.id;
    if (first === undefined) return form.refuse('target', '', 'The workspace has no agents to serve the queue.');
    form.edit('target', first, { ...data, target: { type, agentIds: [first] } });
  };
  const targetProblems = problemsFor(problems, 'target');
  return (
    <div className="rf-form">
      <LabelField form={form} />
      <RadioGroupField
        label="Served by"
        value={target.type}
        choices={[
          { value: 'ringGroup', label: 'A ring group' },
          { value: 'agents', label: 'Some agents' },
        ]}
        onSelect={switchType}
      />
      {target.type === 'ringGroup' ? (
        <PeoplePicker
          kind="ringGroup"
          value={target.ringGroupId}
          workspace={workspace}
          problems={targetProblems}
          error={form.error('target')}
          onPick={(id) => form.edit('target', id, { ...data, target: { type: 'ringGroup', ringGroupId: id } })}
        />
      ) : (
        <fieldset className="rf-field rf-fieldset" aria-describedby={`${agentsId}-msg`}>
          <legend className="rf-label">Agents</legend>
          <div className="rf-radios">
            {[
              ...workspace.agents.map((a) => ({ id: a.id, name: a.name })),
              // An agent no longer in the workspace stays listed, so it can be taken off the queue.
              ...target.agentIds.filter((id) => !workspace.agents.some((a) => a.id === id)).map((id) => ({ id, name: `Unknown “${id}”` })),
            ].map((a) => (
              <label key={a.id} className="rf-radio">
                <input
                  type="checkbox"
                  checked={target.agentIds.includes(a.id)}
                  onChange={(e) => {
                    const agentIds = e.target.checked ? [...target.agentIds, a.id] : target.agentIds.filter((x) => x !== a.id);
                    form.edit('target', a.id, { ...data, target: { type: 'agents', agentIds } });
                  }}
                />
                <span>{a.name}</span>
              </label>
            ))}
          </div>
          <FieldMessages
            id={agentsId}
            hint="The first of them free answers; the call then leaves the flow."
            error={form.error('target')}
            problems={targetProblems}
          />
        </fieldset>
      )}
      <SecondsField form={form} field="maxWaitSeconds" label="Wait at most" hint="With no agent free by then, the call takes the timeout port." />
      <DataTextField
        form={form}
        field="queueName"
        label="Queue on the platform"
        placeholder="e.g. BasicQueue or its ARN"
        hint="Optional: the queue's name or ARN on the platform, kept for export."
      />
      <p className="rf-note">A full or closed queue takes the error port; in a simulation you choose when that happens.</p>
    </div>
  );
}
