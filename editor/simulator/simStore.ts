/**
 * The simulator's own small store: one call being simulated with the
 * runtime's step API (`startCall` → `CallSession`). It is not part of the
 * workspace undo history; stepping a call never changes the workspace.
 *
 * Every value it exposes is read from the session (available actions,
 * result, effective settings, parties); the store only decides WHEN to ask
 * (the clock offset before each action) and keeps the session in step with
 * the documents: when the workspace changes, the call is replayed on the new
 * documents so the reviewer sees what the edit did.
 *
 * No React here (see `useSim.ts`), so it runs in Node tests.
 */
import { startCall } from '../../runtime/call/session.ts';
import type {
  ApplyOutcome,
  AvailableAction,
  CallAction,
  CallResult,
  CallSession,
  CallStart,
  EffectiveSettings,
  HistoryEntry,
  PartyInfo,
  PhaseKind,
} from '../../runtime/call/types.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { describeAction, secs } from './format.ts';

/** How the call picks its flow: the number's own (R4), or the flow on screen. */
export type FlowChoice = { kind: 'number' } | { kind: 'flow'; flowId: string };

/** What the last step did, for the status line. */
export type StepNote =
  | { tone: 'ok'; text: string }
  /** `action` and `reason` say which action was refused and why, for the row it was taken from. */
  | { tone: 'refused'; text: string; action?: CallAction['type']; at?: number; reason?: string }
  | { tone: 'error'; text: string };

/** Everything the UI reads about the running call, taken from the session after each step. */
export interface SimSnapshot {
  start: CallStart;
  flowChoice: FlowChoice;
  /** The flow the call runs (null: none, e.g. outbound or a number without a flow). */
  flowId: string | null;
  time: number;
  ended: boolean;
  currentNodeId: string | null;
  path: readonly string[];
  parties: readonly PartyInfo[];
  onHold: boolean;
  paused: boolean;
  controllingAgentId: string | null;
  /** The call machine's state: where the call is and what its recording is doing. */
  machineState: string;
  /** What the call is doing now (the machine's `where` state, as the timeline names it). */
  phase: PhaseKind | null;
  history: readonly HistoryEntry[];
  historyIndex: number;
  available: AvailableAction[];
  nextTimerAt: number | null;
  result: CallResult;
  settings: EffectiveSettings;
}

export interface SimState {
  call: SimSnapshot | null;
  /** Seconds the clock moves before each action. */
  advance: number;
  note: StepNote | null;
}

export interface SimStore {
  getState(): SimState;
  subscribe(listener: () => void): () => void;
  /** Starts a new call on the current documents. */
  start(start: CallStart, flowChoice?: FlowChoice): void;
  /** Starts a call and replays `entries` (a saved scenario); returns the outcomes that failed. */
  load(start: CallStart, flowChoice: FlowChoice, entries: readonly HistoryEntry[]): string[];
  stop(): void;
  /** Applies an action `advance` seconds after the current time (a choice at the current time). */
  apply(action: CallAction): ApplyOutcome | null;
  runToNextTimer(): ApplyOutcome | null;
  goTo(index: number): void;
  /** Back to t = 0, keeping the history for stepping forward. */
  restart(): void;
  setAdvance(seconds: number): void;
  /** The workspace changed: replay the call on it. */
  setWorkspace(ws: WorkspaceDoc): void;
}

/** The flow a call with this choice runs: inbound follows the number's flow unless told otherwise; outbound runs none (R8). */
export function flowFor(ws: WorkspaceDoc, start: CallStart, choice: FlowChoice): FlowDoc | undefined {
  if (start.direction === 'outbound') return undefined;
  if (choice.kind === 'flow') return ws.flows.find((f) => f.id === choice.flowId);
  const flowId = ws.numbers.find((n) => n.id === start.numberId)?.flowId;
  return flowId ? ws.flows.find((f) => f.id === flowId) : undefined;
}

function snapshot(session: CallSession, flowChoice: FlowChoice, flowId: string | null): SimSnapshot {
  return {
    start: session.start,
    flowChoice,
    flowId,
    time: session.time,
    ended: session.ended,
    currentNodeId: session.currentNodeId,
    path: [...session.path],
    parties: [...session.parties],
    onHold: session.onHold,
    paused: session.paused,
    controllingAgentId: session.controllingAgentId,
    machineState: session.state,
    phase: session.phase,
    history: [...session.history],
    historyIndex: session.historyIndex,
    available: session.available(),
    nextTimerAt: session.nextTimerAt(),
    result: session.result(),
    settings: session.effectiveSettings(),
  };
}

function noteOf(outcome: ApplyOutcome, what: string): StepNote {
  if (!outcome.ok) return { tone: 'error', text: outcome.error };
  if (!outcome.accepted) {
    const r = outcome.rejection;
    return { tone: 'refused', text: `Refused: ${r.message}`, action: r.action.type, at: r.at, reason: r.message };
  }
  return { tone: 'ok', text: what };
}

export function createSimStore(initialWorkspace: WorkspaceDoc, initialAdvance = 5): SimStore {
  let ws = initialWorkspace;
  let session: CallSession | null = null;
  let choice: FlowChoice = { kind: 'number' };
  let flowId: string | null = null;
  let state: SimState = { call: null, advance: initialAdvance, note: null };
  const listeners = new Set<() => void>();

  const emit = (next: SimState) => {
    state = next;
    for (const l of [...listeners]) l();
  };
  const refresh = (note: StepNote | null = state.note) => {
    emit({ ...state, call: session ? snapshot(session, choice, flowId) : null, note });
  };

  /** A fresh session on the current documents with `entries` replayed, positioned at `index`. */
  const rebuild = (start: CallStart, entries: readonly HistoryEntry[], index: number): string[] => {
    const flow = flowFor(ws, start, choice);
    flowId = flow?.id ?? null;
    const s = startCall(ws, flow, start);
    const failures: string[] = [];
    for (const e of entries) {
      const out = s.apply(e.action, e.at);
      if (!out.ok) failures.push(out.error);
    }
    s.goTo(Math.min(index, s.history.length));
    session = s;
    return failures;
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(start, flowChoice = { kind: 'number' }) {
      choice = flowChoice;
      rebuild(start, [], 0);
      refresh({ tone: 'ok', text: 'Call started.' });
    },
    load(start, flowChoice, entries) {
      choice = flowChoice;
      const failures = rebuild(start, entries, entries.length);
      refresh(failures.length ? { tone: 'error', text: failures.join(' ') } : { tone: 'ok', text: 'Scenario loaded.' });
      return failures;
    },
    stop() {
      session = null;
      flowId = null;
      emit({ ...state, call: null, note: null });
    },
    apply(action) {
      if (!session) return null;
      // R25–R27: a choice is what the platform decides about the wait the call is in now (a step failing while it
      // runs, a decision's outcome), so it takes no time: moving the clock first could let the step's own timer
      // decide instead.
      const at = session.time + (action.type === 'choose' ? 0 : state.advance);
      const outcome = session.apply(action, at);
      refresh(noteOf(outcome, `${secs(at)} s: ${describeAction(ws, session.start, action)}.`));
      return outcome;
    },
    runToNextTimer() {
      if (!session) return null;
      const outcome = session.runToNextTimer();
      refresh(noteOf(outcome, `${secs(session.time)} s: a timer fell due and the call moved on.`));
      return outcome;
    },
    goTo(index) {
      if (!session) return;
      session.goTo(Math.max(0, Math.min(index, session.history.length)));
      refresh(null);
    },
    restart() {
      if (!session) return;
      session.goTo(0);
      refresh({ tone: 'ok', text: 'Back to the start of the call; step forward to replay it.' });
    },
    setAdvance(seconds) {
      if (!Number.isFinite(seconds) || seconds < 0 || seconds === state.advance) return;
      emit({ ...state, advance: seconds });
    },
    setWorkspace(next) {
      if (next === ws) return;
      ws = next;
      if (!session) return;
      // Editing while a call is simulated: replay the same steps on the edited documents.
      const failures = rebuild(session.start, session.history, session.historyIndex);
      refresh(failures.length ? { tone: 'error', text: `After the edit: ${failures.join(' ')}` } : state.note);
    },
  };
}
