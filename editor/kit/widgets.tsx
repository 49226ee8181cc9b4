/**
 * Form widgets shared by the inspector forms and the settings area. Each
 * widget renders its label, its control and the messages that belong to it
 * (hint, the validation error of what was typed, and the node's problems
 * about this field), wired with `aria-invalid` and `aria-describedby`.
 */
import { type ReactNode, useId, useState } from 'react';
import type { z } from 'zod';
import type { NodeProblem } from '../../nodes/kit/contract.ts';
import './forms.css';

/** The problems that concern one field (or a part of it, such as `options.2`). */
export function problemsFor(problems: readonly NodeProblem[], field: string): NodeProblem[] {
  return problems.filter((p) => p.field !== undefined && (p.field === field || p.field.startsWith(`${field}.`)));
}

/** Problems the form shows on no field of its own. */
export function problemsOutside(problems: readonly NodeProblem[], fields: readonly string[]): NodeProblem[] {
  return problems.filter((p) => p.field === undefined || !fields.some((f) => p.field === f || p.field?.startsWith(`${f}.`)));
}

interface Draft {
  /** The refused text, for controls that show text; absent for an error found on another field's edit. */
  raw?: string;
  error: string;
}

export interface SchemaForm<D> {
  /** What a text control shows: the refused text while it is invalid, else the data's value. */
  text(key: string, current: string): string;
  /** The message for what was typed into `key` (or about `key`), if the last edit was refused. */
  error(key: string): string | undefined;
  /** Validates `next` (built from the typed `raw`) and hands it on only if the schema accepts it. */
  edit(key: string, raw: string, next: D): void;
  /** Refuses `raw` before it becomes data (e.g. letters where a number belongs). */
  refuse(key: string, raw: string, message: string): void;
  /** Forgets every refused input (after rows are added or removed, their keys move). */
  reset(): void;
}

function topKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Validate-as-you-type: a refused input keeps its raw text locally with the
 * schema's message; only data the schema accepts reaches `onChange`. Issues
 * the schema finds on other fields than the one typed into are shown on
 * those fields.
 */
export function useSchemaForm<D>(schema: z.ZodType<D>, onChange: (next: D) => void): SchemaForm<D> {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  return {
    text: (key, current) => drafts[key]?.raw ?? current,
    error: (key) => drafts[key]?.error,
    refuse: (key, raw, message) => setDrafts((prev) => ({ ...prev, [key]: { raw, error: message } })),
    reset: () => setDrafts({}),
    edit(key, raw, next) {
      const result = schema.safeParse(next);
      if (result.success) {
        // Valid as a whole: this key is fine, and so is every field a previous edit complained about.
        setDrafts((prev) => {
          const kept: Record<string, Draft> = {};
          for (const [k, d] of Object.entries(prev)) if (k !== key && d.raw !== undefined) kept[k] = d;
          return kept;
        });
        onChange(next);
        return;
      }
      const byKey: Record<string, Draft> = {};
      for (const issue of result.error.issues) {
        const path = topKey(issue.path);
        const own = path === key || path.startsWith(`${key}.`);
        const target = own ? key : path === '' ? key : path;
        if (byKey[target]) continue;
        byKey[target] = own || target === key ? { raw, error: issue.message } : { error: issue.message };
      }
      if (!byKey[key]) {
        // The typed value itself is fine; keep it shown while another field blocks the change.
        byKey[key] = { raw, error: 'Not saved yet: another field of this node needs fixing first.' };
      }
      setDrafts((prev) => ({ ...prev, ...byKey }));
    },
  };
}

/** Validates typed digits as a number and hands the built data to the form. */
export function editNumber<D>(form: SchemaForm<D>, key: string, raw: string, build: (n: number) => D): void {
  const n = parseWholeNumber(raw);
  if (typeof n === 'string') form.refuse(key, raw, n);
  else form.edit(key, raw, build(n));
}

/** Reads typed text as a whole number; the schema then checks its range. */
export function parseWholeNumber(raw: string): number | string {
  const t = raw.trim();
  if (t === '') return 'Enter a number.';
  if (!/^-?\d+(\.\d+)?$/.test(t)) return 'Enter digits only, such as 30.';
  return Number(t);
}

function describedBy(id: string, hasMessages: boolean): string | undefined {
  return hasMessages ? `${id}-msg` : undefined;
}

export function FieldMessages({
  id,
  hint,
  error,
  problems = [],
}: {
  id: string;
  hint?: ReactNode;
  error?: string | undefined;
  problems?: readonly NodeProblem[];
}) {
  if (!hint && !error && problems.length === 0) return null;
  return (
    <div className="rf-field-messages" id={`${id}-msg`}>
      {hint ? <p className="rf-hint">{hint}</p> : null}
      {error ? (
        <p className="rf-error" aria-live="polite">
          {error}
        </p>
      ) : null}
      {problems.map((p, i) => (
        <p key={`${p.code}-${i}`} className={`rf-problem rf-problem--${p.severity}`} data-code={p.code}>
          <span className="rf-problem-badge">{p.severity === 'error' ? 'Error' : 'Warning'}</span> {p.message}
        </p>
      ))}
    </div>
  );
}

interface CommonProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  problems?: readonly NodeProblem[];
  disabled?: boolean;
}

export function TextField({
  label,
  value,
  onText,
  hint,
  error,
  problems = [],
  multiline = false,
  rows = 3,
  placeholder,
  inputMode,
  suffix,
  disabled,
  name,
}: CommonProps & {
  value: string;
  onText(raw: string): void;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'tel';
  suffix?: ReactNode;
  name?: string;
}) {
  const id = useId();
  const hasMsg = Boolean(hint || error || problems.length > 0);
  const invalid = Boolean(error) || problems.some((p) => p.severity === 'error');
  const common = {
    id,
    name,
    value,
    placeholder,
    disabled,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy(id, hasMsg),
    className: 'rf-input',
  };
  return (
    <div className={`rf-field${invalid ? ' rf-field--invalid' : ''}`}>
      <label className="rf-label" htmlFor={id}>
        {label}
      </label>
      <div className="rf-control-row">
        {multiline ? (
          <textarea {...common} rows={rows} onChange={(e) => onText(e.target.value)} />
        ) : (
          <input {...common} type={inputMode === 'tel' ? 'tel' : 'text'} inputMode={inputMode} onChange={(e) => onText(e.target.value)} />
        )}
        {suffix ? <span className="rf-suffix">{suffix}</span> : null}
      </div>
      <FieldMessages id={id} hint={hint} error={error} problems={problems} />
    </div>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
}

export function SelectField<V extends string>({
  label,
  value,
  choices,
  onSelect,
  hint,
  error,
  problems = [],
  disabled,
}: CommonProps & { value: V; choices: readonly Choice<V>[]; onSelect(value: V): void }) {
  const id = useId();
  const hasMsg = Boolean(hint || error || problems.length > 0);
  const invalid = Boolean(error) || problems.some((p) => p.severity === 'error');
  return (
    <div className={`rf-field${invalid ? ' rf-field--invalid' : ''}`}>
      <label className="rf-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="rf-input rf-select"
        value={value}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hasMsg)}
        onChange={(e) => {
          const picked = choices.find((c) => c.value === e.target.value);
          if (picked) onSelect(picked.value);
        }}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} error={error} problems={problems} />
    </div>
  );
}

type CheckProps = CommonProps & { checked: boolean; onToggle(checked: boolean): void };

export function CheckboxField(props: CheckProps) {
  return <CheckControl {...props} asSwitch={false} />;
}

/** A switch: a checkbox with `role="switch"`, for settings that turn a behaviour on or off. */
export function SwitchField(props: CheckProps) {
  return <CheckControl {...props} asSwitch />;
}

function CheckControl({ label, checked, onToggle, hint, problems = [], disabled, asSwitch }: CheckProps & { asSwitch: boolean }) {
  const id = useId();
  const hasMsg = Boolean(hint || problems.length > 0);
  return (
    <div className="rf-field rf-field--check">
      <input
        id={id}
        type="checkbox"
        role={asSwitch ? 'switch' : undefined}
        className={asSwitch ? 'rf-switch' : 'rf-checkbox'}
        checked={checked}
        aria-checked={asSwitch ? checked : undefined}
        disabled={disabled}
        aria-describedby={describedBy(id, hasMsg)}
        onChange={(e) => onToggle(e.target.checked)}
      />
      <label className="rf-label rf-label--inline" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} problems={problems} />
    </div>
  );
}

/** A set of radio buttons in a fieldset; arrow keys move between them. */
export function RadioGroupField<V extends string>({
  label,
  value,
  choices,
  onSelect,
  hint,
  error,
  problems = [],
  disabled,
  inline = true,
}: CommonProps & { value: V; choices: readonly Choice<V>[]; onSelect(value: V): void; inline?: boolean }) {
  const id = useId();
  const hasMsg = Boolean(hint || error || problems.length > 0);
  const invalid = Boolean(error) || problems.some((p) => p.severity === 'error');
  return (
    <fieldset
      className={`rf-field rf-fieldset${invalid ? ' rf-field--invalid' : ''}`}
      aria-describedby={describedBy(id, hasMsg)}
      disabled={disabled}
    >
      <legend className="rf-label">{label}</legend>
      <div className={inline ? 'rf-radios rf-radios--inline' : 'rf-radios'}>
        {choices.map((c) => (
          <label key={c.value} className="rf-radio">
            <input type="radio" name={id} value={c.value} checked={value === c.value} onChange={() => onSelect(c.value)} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      <FieldMessages id={id} hint={hint} error={error} problems={problems} />
    </fieldset>
  );
}

/** Problems of the node that belong to no field shown by the form. */
export function ProblemList({ problems, title = 'Problems' }: { problems: readonly NodeProblem[]; title?: string }) {
  if (problems.length === 0) return null;
  return (
    <section className="rf-problem-list" aria-label={title}>
      {problems.map((p, i) => (
        <p key={`${p.code}-${i}`} className={`rf-problem rf-problem--${p.severity}`} data-code={p.code}>
          <span className="rf-problem-badge">{p.severity === 'error' ? 'Error' : 'Warning'}</span> {p.message}
        </p>
      ))}
    </section>
  );
}

/**
 * A text field that checks what is typed with `validate` and reports only
 * accepted text through `onCommit`; refused text stays shown with its message.
 */
export function ValidatedTextField({
  value,
  validate,
  onCommit,
  ...rest
}: Omit<Parameters<typeof TextField>[0], 'value' | 'onText' | 'error'> & {
  value: string;
  /** The message for refused text, or undefined when it is fine. */
  validate(raw: string): string | undefined;
  onCommit(raw: string): void;
}) {
  const [draft, setDraft] = useState<{ raw: string; error: string } | null>(null);
  return (
    <TextField
      {...rest}
      value={draft?.raw ?? value}
      error={draft?.error}
      onText={(raw) => {
        const error = validate(raw);
        if (error !== undefined) return setDraft({ raw, error });
        setDraft(null);
        if (raw !== value) onCommit(raw);
      }}
    />
  );
}

/** The first message a zod schema gives for `value`, or undefined when it accepts it. */
export function schemaMessage(schema: z.ZodType, value: unknown): string | undefined {
  const r = schema.safeParse(value);
  return r.success ? undefined : (r.error.issues[0]?.message ?? 'Invalid value');
}

/** A node form: the schema form plus the data and problems its field widgets read. */
export interface NodeForm<D> extends SchemaForm<D> {
  data: D;
  problems: readonly NodeProblem[];
}

/** `useSchemaForm` for a `<Kind>Fields` form, carrying the node's data and problems for the bound widgets below. */
export function useNodeForm<D>(
  schema: z.ZodType<D>,
  { data, onChange, problems }: { data: D; onChange(next: D): void; problems: readonly NodeProblem[] },
): NodeForm<D> {
  return { ...useSchemaForm(schema, onChange), data, problems };
}

type StringKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;
type SecondsKey<D> = { [K in keyof D]: D[K] extends number | null ? K : never }[keyof D] & string;
type BoundTextProps = Omit<Parameters<typeof TextField>[0], 'value' | 'onText' | 'error' | 'problems'>;

/** A text field bound to one string field of the node's data: shows its refused text, error and problems. */
export function DataTextField<D>({ form, field, ...rest }: BoundTextProps & { form: NodeForm<D>; field: StringKey<D> }) {
  return (
    <TextField
      {...rest}
      value={form.text(field, form.data[field] as string)}
      error={form.error(field)}
      problems={problemsFor(form.problems, field)}
      onText={(raw) => form.edit(field, raw, { ...form.data, [field]: raw })}
    />
  );
}

/** The "Label" field every node form starts with. */
export function LabelField<D extends { label: string }>({ form }: { form: NodeForm<D> }) {
  return <DataTextField form={form} field={'label' as StringKey<D>} label="Label" />;
}

/** A whole number of seconds bound to one field of the node's data; typed text that is not a number is refused. */
export function SecondsField<D>({
  form,
  field,
  ...rest
}: Omit<BoundTextProps, 'inputMode' | 'suffix'> & { form: NodeForm<D>; field: SecondsKey<D> }) {
  return (
    <TextField
      {...rest}
      inputMode="numeric"
      suffix="seconds"
      value={form.text(field, String(form.data[field]))}
      error={form.error(field)}
      problems={problemsFor(form.problems, field)}
      onText={(raw) => editNumber(form, field, raw, (n) => ({ ...form.data, [field]: n }))}
    />
  );
}
