/**
 * Starting a simulated call: inbound (the number dialled, so its flow and
 * overrides apply, R4; the caller's number) or outbound (the agent, the
 * number dialled from, the contact's number), and for both when the call
 * starts: the wall-clock moment of t = 0 in UTC, from which the deletion date
 * is counted (R20). It defaults to now, read here in the editor: the runtime
 * never reads the clock, so a call replays the same whenever it is run.
 */
import { type FormEvent, useId, useState } from 'react';
import type { CallStart } from '../../runtime/call/types.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import type { FlowChoice } from './simStore.ts';

export interface StartFormProps {
  workspace: WorkspaceDoc;
  /** The flow on screen, offered as "run this flow instead of the number's". */
  currentFlowId: string | null;
  onStart(start: CallStart, flowChoice: FlowChoice): void;
  /** The clock the start time defaults from (stories and tests pass a fixed one). */
  now?: () => Date;
}

const PHONE = /^\+?[0-9 ()-]{3,20}$/;

/** A moment as a `datetime-local` value in UTC, to the minute: "2026-12-02T05:10". */
export function utcMinute(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/** The `datetime-local` value (read as UTC) as the call's `startedAt`, or null when it is not a complete date and time. */
export function startedAtOf(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const ms = Date.parse(`${value}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export default function StartForm({ workspace, currentFlowId, onStart, now = () => new Date() }: StartFormProps) {
  const id = useId();
  const [direction, setDirection] = useState<'inbound' | 'outbound'>('inbound');
  const [numberId, setNumberId] = useState(workspace.numbers[0]?.id ?? '');
  const [caller, setCaller] = useState('+15550111');
  const [agentId, setAgentId] = useState(workspace.agents[0]?.id ?? '');
  const [contact, setContact] = useState('+15550199');
  const [useScreenFlow, setUseScreenFlow] = useState(false);
  const [startsAt, setStartsAt] = useState(() => utcMinute(now()));

  const number = workspace.numbers.find((n) => n.id === numberId) ?? workspace.numbers[0];
  const agent = workspace.agents.find((a) => a.id === agentId) ?? workspace.agents[0];
  const flowOfNumber = number?.flowId ? workspace.flows.find((f) => f.id === number.flowId) : undefined;
  const screenFlow = workspace.flows.find((f) => f.id === currentFlowId);
  const phone = direction === 'inbound' ? caller : contact;
  const phoneOk = PHONE.test(phone.trim());
  const startedAt = startedAtOf(startsAt);
  const ready = number !== undefined && phoneOk && startedAt !== null && (direction === 'inbound' || agent !== undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready || !number || startedAt === null) return;
    if (direction === 'inbound') {
      const choice: FlowChoice = useScreenFlow && screenFlow ? { kind: 'flow', flowId: screenFlow.id } : { kind: 'number' };
      onStart({ direction: 'inbound', numberId: number.id, callerNumber: caller.trim(), startedAt }, choice);
    } else if (agent) {
      onStart({ direction: 'outbound', agentId: agent.id, fromNumberId: number.id, contactNumber: contact.trim(), startedAt }, { kind: 'number' });
    }
  };

  if (workspace.numbers.length === 0) {
    return (
      <p className="sim-note sim-note--warn">
        Add a phone number in Settings first: every call is to or from one of the workspace's numbers (R4).
      </p>
    );
  }

  return (
    <form className="sim-start" onSubmit={submit} aria-label="Start a call">
      <fieldset className="sim-start__dir">
        <legend>Direction</legend>
        <label>
          <input type="radio" name={`${id}-dir`} checked={direction === 'inbound'} onChange={() => setDirection('inbound')} /> Inbound
        </label>
        <label>
          <input type="radio" name={`${id}-dir`} checked={direction === 'outbound'} onChange={() => setDirection('outbound')} /> Outbound
        </label>
      </fieldset>
      {direction === 'outbound' ? (
        <label className="sim-field">
          <span>Agent dialling</span>
          <select value={agent?.id ?? ''} onChange={(e) => setAgentId(e.target.value)}>
            {workspace.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="sim-field">
        <span>{direction === 'inbound' ? 'Number dialled' : 'Dialled from (caller ID)'}</span>
        <select value={number?.id ?? ''} onChange={(e) => setNumberId(e.target.value)}>
          {workspace.numbers.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label ? `${n.label} ${n.number}` : n.number}
              {n.override.enabled ? ' (overrides)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="sim-field">
        <span>{direction === 'inbound' ? 'Caller number' : 'Contact number'}</span>
        <input
          type="tel"
          value={phone}
          aria-invalid={!phoneOk}
          onChange={(e) => (direction === 'inbound' ? setCaller(e.target.value) : setContact(e.target.value))}
        />
      </label>
      {!phoneOk ? <p className="sim-no">Enter a phone number such as +15550111.</p> : null}
      <div className="sim-field">
        <label htmlFor={`${id}-starts`}>Call starts</label>
        <span className="sim-start__when">
          <input
            id={`${id}-starts`}
            type="datetime-local"
            step={60}
            value={startsAt}
            required
            aria-invalid={startedAt === null}
            aria-describedby={`${id}-utc`}
            onChange={(e) => setStartsAt(e.target.value)}
          />
          <span id={`${id}-utc`}>UTC</span>
          <button type="button" className="sim-btn" onClick={() => setStartsAt(utcMinute(now()))}>
            Now
          </button>
        </span>
      </div>
      {startedAt === null ? (
        <p className="sim-no">Enter the date and time the call starts (UTC); the deletion date is counted from it (R20).</p>
      ) : null}
      {direction === 'inbound' ? (
        <>
          <p className="sim-muted sim-start__hint">
            {flowOfNumber ? `This number runs “${flowOfNumber.name}”.` : 'This number runs no flow: the call rings every agent (R7).'}
          </p>
          {screenFlow && screenFlow.id !== flowOfNumber?.id ? (
            <label className="sim-check">
              <input type="checkbox" checked={useScreenFlow} onChange={(e) => setUseScreenFlow(e.target.checked)} /> Run the flow on screen (“
              {screenFlow.name}”) instead
            </label>
          ) : null}
        </>
      ) : (
        <p className="sim-muted sim-start__hint">Outbound calls run no flow; recording starts when the contact answers (R8).</p>
      )}
      <button type="submit" className="sim-btn sim-btn--primary" disabled={!ready}>
        Start call
      </button>
    </form>
  );
}
