/**
 * One action the call allows now (from `session.available()`), with a
 * select per parameter and a button to take it. Predicted R10 refusals are
 * shown before the user tries; the action can still be taken so the
 * refusal lands on the timeline.
 */
import { useState } from 'react';
import type { AvailableAction, CallAction, Choice, TargetChoice, TransferMode } from '../../runtime/call/types.ts';

export interface ActionRowProps {
  action: Exclude<AvailableAction, { type: 'wait' }>;
  onApply(action: CallAction): void;
  disabled?: boolean;
  /** This action was just taken and refused: when, and why (shown in the row, where the reviewer clicked). */
  refused?: { at: number; reason: string };
  /** Where the call waits, for a choice's title ("Look up the policy (Step)"). */
  place?: string;
}

const TITLE: Record<Exclude<AvailableAction['type'], 'wait'>, string> = {
  press: 'Caller presses a key',
  choose: 'Choose what happens',
  answer: 'Answer',
  contactAnswer: 'Contact answers',
  outsideAnswer: 'Outside party answers',
  hold: 'Hold',
  unhold: 'Take off hold',
  pause: 'Pause recording',
  resume: 'Resume recording',
  transfer: 'Transfer',
  completeTransfer: 'Complete transfer',
  cancelTransfer: 'Cancel transfer',
  conference: 'Conference',
  hangUp: 'Hang up',
};

/** A controlled choice that falls back to the first option when its value disappears. */
function pick<V>(choices: readonly Choice<V>[], value: V | undefined): V | undefined {
  return choices.some((c) => c.value === value) ? value : choices[0]?.value;
}

function Select({ label, value, options, onChange }: { label: string; value: string; options: Array<{ value: string; label: string }>; onChange(v: string): void }) {
  return (
    <label className="sim-field sim-field--inline">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const targetKey = (t: TargetChoice) => JSON.stringify(t.target);

/** The reason an action just taken was refused, inside its own row. */
function Refused({ refused }: { refused: ActionRowProps['refused'] }) {
  if (!refused) return null;
  return (
    <p className="sim-action__refused" role="alert">
      Refused at {Math.round(refused.at * 100) / 100} s: {refused.reason}
    </p>
  );
}

export default function ActionRow({ action, onApply, disabled, refused, place }: ActionRowProps) {
  const [agent, setAgent] = useState<string>();
  const [party, setParty] = useState<string>();
  const [mode, setMode] = useState<TransferMode>('blind');
  const [target, setTarget] = useState<string>();
  const title = TITLE[action.type];

  if (action.type === 'press') {
    // Keys the node names get a full button; the rest sit on a compact keypad (pressing them is allowed, e.g. invalid input).
    const named = action.digits.filter((d) => d.label !== d.value && !d.label.endsWith('(invalid)'));
    const others = action.digits.filter((d) => !named.includes(d));
    return (
      <div className="sim-action" role="group" aria-label={title}>
        <span className="sim-action__title">{title}</span>
        <div className="sim-action__keys">
          {named.map((d) => (
            <button key={d.value} type="button" className="sim-btn" disabled={disabled} onClick={() => onApply({ type: 'press', digit: d.value })}>
              Press {d.label}
            </button>
          ))}
        </div>
        {others.length ? (
          <div className="sim-keypad" role="group" aria-label="Other keys">
            {others.map((d) => (
              <button
                key={d.value}
                type="button"
                className="sim-key"
                disabled={disabled}
                aria-label={`Press ${d.label}`}
                title={`Press ${d.label}`}
                onClick={() => onApply({ type: 'press', digit: d.value })}
              >
                {d.value}
              </button>
            ))}
          </div>
        ) : null}
        <Refused refused={refused} />
      </div>
    );
  }
  if (action.type === 'choose') {
    // R25–R27: what the platform would decide here (a decision's outcome, a step's error, a full queue).
    return (
      <div className="sim-action" role="group" aria-label={title}>
        <span className="sim-action__title">
          {title}
          {place ? ` at ${place}` : ''}
        </span>
        <div className="sim-action__keys">
          {action.options.map((o) => (
            <button
              key={o.value}
              type="button"
              className="sim-btn"
              disabled={disabled}
              data-option={o.value}
              title={`Choose "${o.value}": the call leaves by that port`}
              onClick={() => onApply({ type: 'choose', option: o.value })}
            >
              {o.label}
            </button>
          ))}
        </div>
        <span className="sim-muted sim-action__hint">decided at once: the clock does not move</span>
        <Refused refused={refused} />
      </div>
    );
  }
  if (action.type === 'contactAnswer') {
    return (
      <div className="sim-action" role="group" aria-label={title}>
        <button type="button" className="sim-btn" disabled={disabled} onClick={() => onApply({ type: 'contactAnswer' })}>
          {title}
        </button>
        <Refused refused={refused} />
      </div>
    );
  }
  if (action.type === 'outsideAnswer') {
    return (
      <div className="sim-action" role="group" aria-label={title}>
        <button type="button" className="sim-btn" disabled={disabled} onClick={() => onApply({ type: 'outsideAnswer' })}>
          {action.party.label} answers
        </button>
        <Refused refused={refused} />
      </div>
    );
  }
  if (action.type === 'hangUp') {
    const p = pick(action.parties, party) ?? 'contact';
    return (
      <div className="sim-action" role="group" aria-label={title}>
        <Select label="Who hangs up" value={p} options={action.parties} onChange={setParty} />
        <button type="button" className="sim-btn" disabled={disabled} onClick={() => onApply({ type: 'hangUp', party: p })}>
          {title}
        </button>
        <Refused refused={refused} />
      </div>
    );
  }

  const a = pick(action.agents, agent) ?? '';
  const agentLabel =
    action.type === 'answer'
      ? action.ringGroupId
        ? `Agent answering (ring group)`
        : 'Agent answering'
      : action.type === 'pause' || action.type === 'resume'
        ? `Agent who ${action.type}s`
        : 'Agent';
  const agentSelect = <Select label={agentLabel} value={a} options={action.agents} onChange={setAgent} />;

  if (action.type === 'transfer' || action.type === 'conference') {
    const t = action.targets.find((x) => targetKey(x) === target) ?? action.targets[0];
    const options = action.targets.map((x) => ({ value: targetKey(x), label: x.external ? `${x.label} (external)` : x.label }));
    const send = () => {
      if (!t) return;
      onApply(action.type === 'transfer' ? { type: 'transfer', agentId: a, mode, target: t.target } : { type: 'conference', agentId: a, target: t.target });
    };
    return (
      <div className="sim-action" role="group" aria-label={title}>
        {agentSelect}
        {action.type === 'transfer' ? (
          <Select
            label="How"
            value={mode}
            options={action.modes.map((m) => ({ value: m, label: m === 'blind' ? 'blind' : 'warm (consult first)' }))}
            onChange={(v) => setMode(v === 'warm' ? 'warm' : 'blind')}
          />
        ) : null}
        <Select label={action.type === 'transfer' ? 'Transfer to' : 'Bring in'} value={t ? targetKey(t) : ''} options={options} onChange={setTarget} />
        <button type="button" className="sim-btn" disabled={disabled || !t} onClick={send}>
          {title}
        </button>
        {t?.external ? <span className="sim-muted sim-action__hint">external: R14 applies</span> : null}
        <Refused refused={refused} />
      </div>
    );
  }

  const refusal = action.type === 'pause' || action.type === 'resume' ? action.refusals[a] : undefined;
  return (
    <div className="sim-action" role="group" aria-label={title}>
      {agentSelect}
      <button
        type="button"
        className={refusal ? 'sim-btn sim-btn--warn' : 'sim-btn'}
        disabled={disabled}
        onClick={() => onApply({ type: action.type, agentId: a })}
      >
        {title}
      </button>
      {refusal && !refused ? <span className="sim-action__hint sim-warn">will be refused: {refusal.message}</span> : null}
      <Refused refused={refused} />
    </div>
  );
}
