import { useId } from 'react';
import type { FieldsProps } from '../../editor/inspector/fieldsTypes.ts';
import {
  CheckboxField,
  editNumber,
  FieldMessages,
  problemsFor,
  TextField,
  useSchemaForm,
} from '../../editor/inspector/widgets.tsx';
import { MENU_DIGITS, type MenuData, menuModel } from './model.ts';

type Digit = (typeof MENU_DIGITS)[number];
const DEFAULT_TIMEOUT = 10;

export function MenuFields({ data, onChange, problems }: FieldsProps<MenuData>) {
  const form = useSchemaForm(menuModel.schema, onChange);
  const id = useId();
  const used = new Set(data.options.map((o) => o.digit));
  const counts = new Map<Digit, number>();
  for (const o of data.options) counts.set(o.digit, (counts.get(o.digit) ?? 0) + 1);
  const nextDigit = MENU_DIGITS.find((d) => !used.has(d));
  const setOptions = (options: MenuData['options'], key = 'options') => form.edit(key, '', { ...data, options });
  return (
    <div className="rf-form">
      <TextField
        label="Label"
        value={form.text('label', data.label)}
        error={form.error('label')}
        problems={problemsFor(problems, 'label')}
        onText={(raw) => form.edit('label', raw, { ...data, label: raw })}
      />
      <TextField
        label="Prompt"
        multiline
        value={form.text('prompt', data.prompt)}
        error={form.error('prompt')}
        problems={problemsFor(problems, 'prompt')}
        onText={(raw) => form.edit('prompt', raw, { ...data, prompt: raw })}
      />
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
        <TextField
          label="Timeout"
          inputMode="numeric"
          suffix="seconds"
          value={form.text('timeoutSeconds', String(data.timeoutSeconds))}
          error={form.error('timeoutSeconds')}
          problems={problemsFor(problems, 'timeoutSeconds')}
          hint="With no key pressed by then, the call takes the timeout port."
          onText={(raw) => editNumber(form, 'timeoutSeconds', raw, (n) => ({ ...data, timeoutSeconds: n }))}
        />
      )}
    </div>
  );
}
