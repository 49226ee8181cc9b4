import { useId } from 'react';
import type { FieldsProps } from '../../editor/kit/form.ts';
import { FieldMessages, LabelField, problemsFor, useNodeForm } from '../../editor/kit/widgets.tsx';
import { type StartData, startModel } from './model.ts';

export function StartFields(props: FieldsProps<StartData>) {
  const { data, problems, workspace } = props;
  const form = useNodeForm(startModel.schema, props);
  const id = useId();
  const known = new Set(workspace.numbers.map((n) => n.id));
  const unknown = data.numberIds.filter((n) => !known.has(n));
  const numberProblems = problemsFor(problems, 'numberIds');
  const toggle = (numberId: string, on: boolean) => {
    const ids = on ? [...data.numberIds, numberId] : data.numberIds.filter((n) => n !== numberId);
    form.edit('numberIds', '', { ...data, numberIds: ids });
  };
  const flowName = (flowId: string | null) =>
    flowId === null ? 'no flow: straight to agents' : (workspace.flows.find((f) => f.id === flowId)?.name ?? flowId);
  return (
    <div className="rf-form">
      <LabelField form={form} />
      <fieldset className="rf-field rf-fieldset" aria-describedby={`${id}-msg`}>
        <legend className="rf-label">Numbers this flow answers</legend>
        {workspace.numbers.length === 0 ? (
          <p className="rf-empty">The workspace has no phone numbers yet. Add them under Settings → Phone numbers.</p>
        ) : null}
        <div className="rf-radios">
          {workspace.numbers.map((n) => (
            <label key={n.id} className="rf-radio">
              <input type="checkbox" checked={data.numberIds.includes(n.id)} onChange={(e) => toggle(n.id, e.target.checked)} />
              <span>
                {n.label ? `${n.label} · ` : ''}
                {n.number} <span className="rf-muted">(runs {flowName(n.flowId)})</span>
              </span>
            </label>
          ))}
          {unknown.map((n) => (
            <label key={n} className="rf-radio">
              <input type="checkbox" checked onChange={() => toggle(n, false)} aria-invalid />
              <span>Unknown number “{n}”: uncheck to remove</span>
            </label>
          ))}
        </div>
        <FieldMessages
          id={id}
          hint="Inbound calls to the checked numbers enter the flow here."
          error={form.error('numberIds')}
          problems={numberProblems}
        />
      </fieldset>
    </div>
  );
}
