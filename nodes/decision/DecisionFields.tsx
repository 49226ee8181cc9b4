import { useId } from 'react';
import type { FieldsProps } from '../../editor/kit/form.ts';
import { DataTextField, FieldMessages, LabelField, problemsFor, TextField, useNodeForm } from '../../editor/kit/widgets.tsx';
import { type DecisionData, decisionModel } from './model.ts';

type Outcome = DecisionData['outcomes'][number];
const MAX_OUTCOMES = 50;

/** A name no outcome has yet: "outcome 2", "outcome 3", … */
function freeName(outcomes: readonly Outcome[]): string {
  for (let n = outcomes.length + 1; ; n++) {
    const name = `outcome ${n}`;
    if (!outcomes.some((o) => o.name === name)) return name;
  }
}

export function DecisionFields(props: FieldsProps<DecisionData>) {
  const { data, problems } = props;
  const form = useNodeForm(decisionModel.schema, props);
  const id = useId();
  const setOutcomes = (outcomes: Outcome[]) => {
    // Rows move or go: a refused text typed into one row must not stay on another.
    form.reset();
    form.edit('outcomes', '', { ...data, outcomes });
  };
  const editRow = (i: number, field: keyof Outcome, raw: string) =>
    form.edit(`outcomes.${i}.${field}`, raw, { ...data, outcomes: data.outcomes.map((o, j) => (j === i ? { ...o, [field]: raw } : o)) });
  return (
    <div className="rf-form">
      <LabelField form={form} />
      <DataTextField
        form={form}
        field="source"
        label="Reads"
        placeholder="e.g. key pressed, attribute tier, hours of operation"
        hint="What the platform looks at to decide."
      />
      <fieldset className="rf-field rf-fieldset" aria-describedby={`${id}-msg`}>
        <legend className="rf-label">Outcomes</legend>
        {data.outcomes.length === 0 ? <p className="rf-empty">No outcomes: every call takes noMatch.</p> : null}
        <ol className="rf-options">
          {data.outcomes.map((o, i) => {
            const nameKey = `outcomes.${i}.name`;
            const conditionKey = `outcomes.${i}.condition`;
            return (
              <li key={i} className="rf-option-row" style={{ gridTemplateColumns: '1fr 1.5fr auto' }}>
                <TextField
                  label={`Outcome ${i + 1} name`}
                  value={form.text(nameKey, o.name)}
                  error={form.error(nameKey)}
                  problems={problemsFor(problems, nameKey)}
                  onText={(raw) => editRow(i, 'name', raw)}
                />
                <TextField
                  label={`Outcome ${i + 1} condition`}
                  value={form.text(conditionKey, o.condition)}
                  placeholder="as the platform writes it"
                  error={form.error(conditionKey)}
                  problems={problemsFor(problems, conditionKey)}
                  onText={(raw) => editRow(i, 'condition', raw)}
                />
                <span className="rf-option-remove" style={{ display: 'flex', gap: 4 }}>
                  <button
                    type="button"
                    className="rf-button"
                    aria-label={`Move outcome ${o.name} up`}
                    title="Move up (the port moves left)"
                    disabled={i === 0}
                    onClick={() => setOutcomes(data.outcomes.map((x, j) => (j === i - 1 ? o : j === i ? data.outcomes[i - 1]! : x)))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="rf-button rf-button--danger"
                    aria-label={`Remove outcome ${o.name}`}
                    onClick={() => setOutcomes(data.outcomes.filter((_, j) => j !== i))}
                  >
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        <div>
          <button
            type="button"
            className="rf-button"
            disabled={data.outcomes.length >= MAX_OUTCOMES}
            onClick={() => setOutcomes([...data.outcomes, { name: freeName(data.outcomes), condition: '' }])}
          >
            Add outcome
          </button>
        </div>
        <FieldMessages
          id={id}
          hint="Each outcome adds an output port named after it; calls no outcome matches take noMatch. In a simulation you choose the outcome."
          error={form.error('outcomes')}
          problems={problemsFor(problems, 'outcomes').filter((p) => p.field === 'outcomes')}
        />
      </fieldset>
    </div>
  );
}
