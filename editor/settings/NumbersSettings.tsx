/** R2: phone numbers, their override switch and tri-state settings, and the flow each runs. */
import { useState } from 'react';
import { getKind } from '../../nodes/index.ts';
import {
  type Choice,
  RadioGroupField,
  SelectField,
  SwitchField,
  schemaMessage,
  TextField,
  ValidatedTextField,
} from '../kit/widgets.tsx';
import { type PhoneNumber, phoneNumberSchema, type TriState, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { presetOf } from '../../runtime/platforms/presets.ts';
import { FixedSetting } from './FixedSetting.tsx';
import { phoneDigits, uniqueId } from './ids.ts';
import { whyFixed } from './platform.ts';
import type { PanelProps, WorkspaceChange } from './settingsTypes.ts';

type Overridable = 'inbound' | 'outbound' | 'agentPause';

const OVERRIDABLE: { key: Overridable; label: string; account(ws: WorkspaceDoc): boolean }[] = [
  { key: 'inbound', label: 'Record inbound calls', account: (ws) => ws.account.recordInbound },
  { key: 'outbound', label: 'Record outbound calls', account: (ws) => ws.account.recordOutbound },
  { key: 'agentPause', label: 'Agents may pause recording', account: (ws) => ws.account.agentPause },
];

const NO_FLOW = '__none__';

function numberMessage(raw: string, ws: WorkspaceDoc, selfId: string | null): string | undefined {
  const message = schemaMessage(phoneNumberSchema.shape.number, raw);
  if (message) return `This ${message}.`;
  const clash = ws.numbers.find((n) => n.id !== selfId && phoneDigits(n.number) === phoneDigits(raw));
  return clash ? `${clash.label || clash.number} already has this number.` : undefined;
}

function NumberCard({ number, workspace, onChange }: { number: PhoneNumber; workspace: WorkspaceDoc; onChange: WorkspaceChange }) {
  const edit = (recipe: (n: PhoneNumber) => void, label: string) =>
    onChange((d) => {
      const n = d.numbers.find((x) => x.id === number.id);
      if (n) recipe(n);
    }, label);
  const name = number.label || number.number;
  const preset = presetOf(workspace.platform);
  const flowChoices: Choice<string>[] = [
    { value: NO_FLOW, label: 'No flow: calls go straight to agents' },
    ...workspace.flows.map((f) => ({ value: f.id, label: f.name })),
  ];
  if (number.flowId !== null && !workspace.flows.some((f) => f.id === number.flowId)) {
    flowChoices.push({ value: number.flowId, label: `Unknown flow “${number.flowId}”` });
  }
  return (
    <li className="rf-card" aria-label={name}>
      <div className="rf-card-grid">
        <ValidatedTextField
          label="Number"
          inputMode="tel"
          value={number.number}
          validate={(raw) => numberMessage(raw, workspace, number.id)}
          onCommit={(raw) =>
            edit((n) => {
              n.number = raw;
            }, 'Change phone number')
          }
        />
        <ValidatedTextField
          label="Label"
          value={number.label}
          validate={(raw) => schemaMessage(phoneNumberSchema.shape.label, raw)}
          onCommit={(raw) =>
            edit((n) => {
              n.label = raw;
            }, 'Rename phone number')
          }
        />
      </div>
      <SelectField
        label="Inbound calls run"
        value={number.flowId ?? NO_FLOW}
        choices={flowChoices}
        onSelect={(v) =>
          edit((n) => {
            n.flowId = v === NO_FLOW ? null : v;
          }, `Choose the flow of ${name}`)
        }
      />
      {preset.numberOverrides ? (
        <>
          <SwitchField
            label="Override account settings"
            checked={number.override.enabled}
            hint={number.override.enabled ? undefined : 'Off: this number uses the account settings as they are.'}
            onToggle={(on) =>
              edit((n) => {
                n.override.enabled = on;
              }, `${on ? 'Override' : 'Stop overriding'} account settings on ${name}`)
            }
          />
          {number.override.enabled
            ? OVERRIDABLE.map(({ key, label, account }) => (
                <RadioGroupField<TriState>
                  key={key}
                  label={label}
                  value={number.override[key]}
                  choices={[
                    { value: 'inherit', label: `Inherit (account: ${account(workspace) ? 'on' : 'off'})` },
                    { value: 'enabled', label: 'On' },
                    { value: 'disabled', label: 'Off' },
                  ]}
                  onSelect={(v) =>
                    edit((n) => {
                      n.override[key] = v;
                    }, `${label}: ${v} on ${name}`)
                  }
                />
              ))
            : null}
        </>
      ) : (
        <FixedSetting name="Override account settings" value="no" platformName={preset.name} reason={whyFixed(preset, 'numberOverrides')} />
      )}
      <div>
        <button
          type="button"
          className="rf-button rf-button--danger"
          onClick={() =>
            onChange((d) => {
              d.numbers = d.numbers.filter((n) => n.id !== number.id);
              // A node that named the number (a Start serving it) would point at nothing: its kind drops it if it can.
              const ref = { type: 'number' as const, id: number.id };
              for (const f of d.flows)
                for (const node of f.nodes) {
                  const drop = getKind(node.kind)?.traits.dropReference;
                  if (!drop) continue;
                  const next = drop(node.data, ref);
                  if (next !== node.data) node.data = next;
                }
            }, `Remove number ${name}`)
          }
        >
          Remove {name}
        </button>
      </div>
    </li>
  );
}

function AddNumber({ workspace, onChange }: PanelProps) {
  const [raw, setRaw] = useState('');
  const [label, setLabel] = useState('');
  const [touched, setTouched] = useState(false);
  const error = raw === '' && !touched ? undefined : numberMessage(raw, workspace, null);
  const add = () => {
    setTouched(true);
    if (numberMessage(raw, workspace, null) !== undefined) return;
    const id = uniqueId(label || raw, workspace.numbers.map((n) => n.id));
    onChange((d) => {
      d.numbers.push(
        phoneNumberSchema.parse({ id, number: raw, label, flowId: null }),
      );
    }, `Add number ${label || raw}`);
    setRaw('');
    setLabel('');
    setTouched(false);
  };
  return (
    <form
      className="rf-card rf-add"
      aria-label="Add a phone number"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <div className="rf-card-grid">
        <TextField label="New number" inputMode="tel" placeholder="+15550100" value={raw} error={error} onText={setRaw} />
        <TextField label="New number label" placeholder="e.g. Billing line" value={label} onText={setLabel} />
      </div>
      <div>
        <button type="submit" className="rf-button">
          Add number
        </button>
      </div>
    </form>
  );
}

export default function NumbersSettings({ workspace, onChange }: PanelProps) {
  return (
    <section className="rf-form rf-settings-panel" aria-labelledby="rf-numbers-title">
      <h3 id="rf-numbers-title">Phone numbers</h3>
      <p className="rf-muted">
        {presetOf(workspace.platform).numberOverrides
          ? 'Each number can override the account’s inbound, outbound and agent-pause settings. Dual channel, retention and external transfers stay account-wide. A Recording node in the flow still has the last word.'
          : `${presetOf(workspace.platform).name} has no per-number recording settings: each number runs its flow, and the flow’s recording block decides.`}
      </p>
      {workspace.numbers.length === 0 ? <p className="rf-empty">No phone numbers yet. Add the first one below.</p> : null}
      <ul className="rf-cards">
        {workspace.numbers.map((n) => (
          <NumberCard key={n.id} number={n} workspace={workspace} onChange={onChange} />
        ))}
      </ul>
      <AddNumber workspace={workspace} onChange={onChange} />
    </section>
  );
}
