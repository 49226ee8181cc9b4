import { useId } from 'react';
import type { FieldsProps } from '../../editor/kit/form.ts';
import {
  CheckboxField,
  DataTextField,
  FieldMessages,
  LabelField,
  problemsFor,
  SecondsField,
  TextField,
  useNodeForm,
} from '../../editor/kit/widgets.tsx';
import { MENU_DIGITS, type MenuData, menuModel } from './model.ts';

type Digit = (typeof MENU_DIGITS)[number];
const DEFAULT_TIMEOUT = 10;

export function MenuFields(props: FieldsProps<MenuData>) {
  const { data, problems } = props;
  const form = useNodeForm(menuModel.schema, props);
  const id = useId();
  const used = new Set(data.options.map((o) => o.digit));
  const counts = new Map<Digit, number>();
  for (const o of data.options) counts.set(o.digit, (counts.get(o.digit) ?? 0) + 1);
  const nextDigit = MENU_DIGITS.find((d) => !used.has(d));
  const setOptions = (options: MenuData['options'], key = 'options') => form.edit(key, '', { ...data, options });
  return (
    <div className="rf-form">
      <LabelField form={form} />
      <DataTextField form={form} field="prompt" label="Prompt" multiline />
      <fieldset className="rf-field rf-fieldset" aria-describedby={`${id}-msg`}>
        <legend className="rf-label">Options</legend>
        {data.options.length === 0 ? <p className="rf-empty">No options: every key press takes the invalid path.</p> : null}
        <ol className="rf-options">
          {data.options.map((o, i) => {
            const duplicate = (counts.get(o.digit) ?? 0) > 1;
            const labelKey = `options.${i}.label`;
            return (
              <li key={i} className="rf-option-row">
                <label className="rf-field">
                  <span className="rf-label">Key</span>
                  <select
                    className="rf-input rf-select"
                    aria-label={`Key of option ${i + 1}`}
                    value={o.digit}
                    aria-invalid={duplicate || undefined}
                    onChange={(e) => {
                      const digit = MENU_DIGITS.find((d) => d === e.target.value);
                      if (digit) setOptions(data.options.map((x, j) => (j === i ? { ...x, digit } : x)));
                    }}
                  >
                    {MENU_DIGITS.map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                </label>
                <TextField
                  label={`Option ${o.digit} label`}
                  value={form.text(labelKey, o.label)}
                  error={form.error(labelKey) ?? (duplicate ? `Key ${o.digit} is used by another option.` : undefined)}
                  onText={(raw) =>
                    form.edit(labelKey, raw, {
                      ...data,
                      options: data.options.map((x, j) => (j === i ? { ...x, label: raw } : x)),
                    })
                  }
                />
                <button
                  type="button"
                  className="rf-button rf-button--danger rf-option-remove"
                  aria-label={`Remove option ${o.digit}`}
                  onClick={() => {
                    form.reset();
                    setOptions(data.options.filter((_, j) => j !== i));
                  }}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ol>
        <div>
          <button
            type="button"
            className="rf-button"
            disabled={nextDigit === undefined}
            onClick={() => {
              if (nextDigit) setOptions([...data.options, { digit: nextDigit, label: '' }]);
            }}
          >
            Add option{nextDigit ? ` (key ${nextDigit})` : ''}
          </button>
        </div>
        <FieldMessages
          id={id}
          hint="Each option adds an output port named after its key."
          error={form.error('options')}
          problems={problemsFor(problems, 'options')}
        />
      </fieldset>
      <CheckboxField
        label="No timeout (wait for a key forever)"
        checked={data.timeoutSeconds === null}
        problems={data.timeoutSeconds === null ? problemsFor(problems, 'timeoutSeconds') : []}
        onToggle={(none) => {
          form.reset();
          form.edit('timeoutSeconds', '', { ...data, timeoutSeconds: none ? null : DEFAULT_TIMEOUT });
        }}
      />
      {data.timeoutSeconds === null ? null : (
        <SecondsField
          form={form}
          field="timeoutSeconds"
          label="Timeout"
          hint="With no key pressed by then, the call takes the timeout port."
        />
      )}
    </div>
  );
}
