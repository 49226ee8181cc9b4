/**
 * Driving a running call: where it is, who is on it, the clock, the
 * actions possible now, and the history to step back and forth through.
 * Everything offered comes from the session (`available()`, `parties`,
 * `nextTimerAt()`); the panel only sends the user's choice back.
 */
import type { CallAction } from '../../runtime/call/types.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import ActionRow from './ActionRow.tsx';
import { callStatus, contactNumberOf, describeAction, nodeName, secs } from './format.ts';
import type { SimSnapshot, SimStore, StepNote } from './simStore.ts';

export interface CallControlsProps {
  call: SimSnapshot;
  advance: number;
  note: StepNote | null;
  workspace: WorkspaceDoc;
  flow: FlowDoc | undefined;
  store: SimStore;
  onNewCall(): void;
}

export default function CallControls({ call, advance, note, workspace, flow, store, onNewCall }: CallControlsProps) {
  const apply = (action: CallAction) => store.apply(action);
  const actions = call.available.filter((a) => a.type !== 'wait');
  const canBack = call.historyIndex > 0;
  const canForward = call.historyIndex < call.history.length;
  const where = callStatus(call, flow);
  return (
    <div className="sim-controls">
      {/* The status line and the last step's note stay at the top while the controls under them scroll. */}
      <div className="sim-controls__head">
        <div className="sim-status" aria-live="polite">
          <strong data-testid="sim-time">t = {secs(call.time)} s</strong>
          <span data-testid="sim-where">{where}</span>
          {call.paused && !call.ended ? <span className="sim-badge sim-badge--warn">recording paused</span> : null}
          {call.onHold && !call.ended ? <span className="sim-badge">contact on hold</span> : null}
        </div>
        <div className="sim-machine sim-muted" role="note" aria-label="Call machine state" title="The call machine's state: where the call is, and what its recording is doing">
          <code>{call.machineState}</code>
        </div>
        {note ? (
          <p className={`sim-note sim-note--${note.tone}`} role={note.tone === 'ok' ? 'status' : 'alert'}>
            {note.text}
          </p>
        ) : null}
      </div>

      <h3>On the call</h3>
      {call.ended ? <p className="sim-muted">Nobody: the call has ended.</p> : null}
      <ul className="sim-parties" aria-label="Parties on the call" hidden={call.ended}>
        <li>
          <span className="sim-party-kind">contact</span> {contactNumberOf(call.start)}
          {call.onHold ? <span className="sim-muted"> (on hold)</span> : null}
        </li>
        {call.parties.map((p) => (
          <li key={p.id}>
            <span className="sim-party-kind">{p.kind}</span> {p.label} <span className="sim-muted">since {secs(p.joinedAt)} s</span>
            {p.controlling ? <span className="sim-badge">controls recording (R12)</span> : null}
            {p.consulting ? <span className="sim-badge">consulting</span> : null}
          </li>
        ))}
      </ul>

      {!call.ended ? (
        <>
          <h3>Clock</h3>
          <div className="sim-clock">
            <label className="sim-field sim-field--inline">
              <span>Seconds before each action</span>
              <input
                type="number"
                min={0}
                step={1}
                value={advance}
                onChange={(e) => store.setAdvance(Number(e.target.value))}
                style={{ width: 70 }}
              />
            </label>
            <button type="button" className="sim-btn" onClick={() => apply({ type: 'wait' })}>
              Wait {secs(advance)} s
            </button>
            <button type="button" className="sim-btn" disabled={call.nextTimerAt === null} onClick={() => store.runToNextTimer()}>
              Run to next timer{call.nextTimerAt !== null ? ` (${secs(call.nextTimerAt)} s)` : ''}
            </button>
          </div>

          <h3>What happens next</h3>
          <div className="sim-actions">
            {actions.map((a) => (
              <ActionRow
                key={a.type}
                action={a}
                onApply={apply}
                place={call.currentNodeId ? nodeName(flow, call.currentNodeId) : undefined}
                refused={note?.tone === 'refused' && note.action === a.type && note.reason ? { at: note.at ?? call.time, reason: note.reason } : undefined}
              />
            ))}
          </div>
        </>
      ) : null}

      <h3>History</h3>
      <div className="sim-history__buttons">
        <button type="button" className="sim-btn" disabled={!canBack} onClick={() => store.goTo(call.historyIndex - 1)}>
          Step back
        </button>
        <button type="button" className="sim-btn" disabled={!canForward} onClick={() => store.goTo(call.historyIndex + 1)}>
          Step forward
        </button>
        <button type="button" className="sim-btn" disabled={!canBack} onClick={() => store.restart()}>
          Restart
        </button>
        <button type="button" className="sim-btn" onClick={onNewCall}>
          New call
        </button>
      </div>
      {call.history.length === 0 ? (
        <p className="sim-muted">No steps yet.</p>
      ) : (
        <ol className="sim-history" aria-label="Steps taken">
          {call.history.map((h, i) => {
            const refusal = call.result.rejections.find((r) => r.at === h.at && r.action.type === h.action.type);
            return (
              <li key={i} className={i < call.historyIndex ? 'is-done' : 'is-undone'} aria-current={i === call.historyIndex - 1 ? 'step' : undefined}>
                <button type="button" className="sim-link" onClick={() => store.goTo(i + 1)} title="Go to just after this step">
                  {secs(h.at)} s — {describeAction(workspace, call.start, h.action)}
                </button>
                {refusal ? <span className="sim-history__refused"> refused: {refusal.message}</span> : null}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
