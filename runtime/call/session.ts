/**
 * The step API the simulator drives: start a call, ask what may happen now,
 * apply actions at chosen times, read the result so far, step back and forth.
 * The call itself is the machine in `machine.ts`; a session only feeds it
 * timed actions, moves its clock and keeps the history. Headless: no React, no DOM.
 */
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import { availableActions } from './actions.ts';
import { CallClock, CallData, type CallView } from './callData.ts';
import { callMachineFor, describeState, readState } from './machine.ts';
import { CallRunner } from './runner.ts';
import { CALL_LIMITS } from './limits.ts';
import { deriveResult } from './result.ts';
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
  PortRef,
} from './types.ts';

/** The timer of the flow node the call waits at falls due (one event object for every call). */
const TIMER = { type: 'call.timer' } as const;
const BEGIN = { type: 'call.begin' } as const;

class Session implements CallSession {
  readonly start: CallStart;
  private readonly ws: WorkspaceDoc;
  private readonly flow: FlowDoc | undefined;
  private data!: CallData;
  private machine!: CallRunner;
  private clock!: CallClock;
  private entries: HistoryEntry[] = [];
  private index = 0;

  constructor(ws: WorkspaceDoc, flow: FlowDoc | undefined, start: CallStart) {
    this.ws = ws;
    this.flow = flow;
    this.start = start;
    this.boot();
  }

  private boot(): void {
    this.clock = new CallClock();
    this.data = new CallData(this.ws, this.flow, this.start, this.clock);
    this.machine = new CallRunner(callMachineFor(this.data.flowIx, this.ws), this.data);
    this.machine.send(BEGIN);
  }

  /** The data and the two regions' states, as the offers and the result read them. */
  private view(): CallView {
    const { where, recording } = readState(this.machine.getSnapshot().value, this.data);
    return { d: this.data, where, recording };
  }

  get time(): number {
    return this.data.now;
  }
  get ended(): boolean {
    return (this.machine.getSnapshot().value as { where: string }).where === 'ended';
  }
  get currentNodeId(): string | null {
    return this.data.nodeId;
  }
  get path(): readonly string[] {
    return this.data.path;
  }
  get traversed(): readonly PortRef[] {
    return this.data.traversed;
  }
  get parties(): readonly PartyInfo[] {
    return this.data.partyInfos();
  }
  get onHold(): boolean {
    return this.data.held;
  }
  get controllingAgentId(): string | null {
    return this.data.controller;
  }
  get paused(): boolean {
    return this.view().recording === 'paused';
  }
  get state(): string {
    return describeState(this.machine.getSnapshot().value, this.data);
  }
  get phase(): PhaseKind | null {
    return this.data.currentPhase;
  }
  get history(): readonly HistoryEntry[] {
    return this.entries;
  }
  get historyIndex(): number {
    return this.index;
  }

  available(): AvailableAction[] {
    return availableActions(this.view());
  }

  nextTimerAt(): number | null {
    return this.ended ? null : this.data.timerAt;
  }

  apply(action: CallAction, at: number = this.data.now): ApplyOutcome {
    const outcome = this.step(action, at);
    if (outcome.ok) {
      // A step taken from an earlier point starts a new branch: the old future goes.
      if (this.index < this.entries.length) this.entries.length = this.index;
      this.entries.push({ at, action });
      this.index++;
    }
    return outcome;
  }

  runToNextTimer(): ApplyOutcome {
    const at = this.nextTimerAt();
    if (at === null) return { ok: false, error: 'No timer is running.' };
    return this.apply({ type: 'wait' }, at);
  }

  result(): CallResult {
    return deriveResult(this.data, this.ended);
  }

  effectiveSettings(): EffectiveSettings {
    return this.data.settings;
  }

  goTo(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index > this.entries.length) {
      throw new RangeError(`history index ${index} is outside 0..${this.entries.length}`);
    }
    this.boot();
    for (let i = 0; i < index; i++) {
      const e = this.entries[i]!;
      this.step(e.action, e.at);
    }
    this.index = index;
  }

  /** Moves the clock to `at` (firing due timers first, each at its own moment) and delivers the action. */
  private step(action: CallAction, at: number): ApplyOutcome {
    const d = this.data;
    if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
      return { ok: false, error: `The time must be a number of seconds ≥ 0 (got ${String(at)}).` };
    }
    if (at < d.now) {
      return { ok: false, error: `The time ${at}s is earlier than the call's current time ${d.now}s; time cannot go backwards.` };
    }
    if (typeof action !== 'object' || action === null || typeof action.type !== 'string') {
      return { ok: false, error: 'An action must be an object with a "type".' };
    }
    // Per-call time limit (limits.ts): nothing happens after it; the call ends there.
    const until = Math.min(at, CALL_LIMITS.seconds);
    // A timer due before (or at the same second as) the action fires first, at its own moment.
    while (d.timerAt !== null && d.timerAt <= until) {
      const due = d.timerAt;
      this.clock.seconds = due;
      this.machine.send(TIMER);
      if (d.timerAt === due) break; // the machine holds no such timer; do not spin
    }
    if (at > CALL_LIMITS.seconds && !this.ended) {
      this.clock.seconds = CALL_LIMITS.seconds;
      this.machine.send({ type: 'call.limit' });
    }
    this.clock.seconds = Math.max(d.now, at);
    if (action.type === 'wait') return { ok: true, accepted: true };
    d.lastRejection = null;
    // The action is the machine's event as it is: the clock already reads its time.
    this.machine.send(action);
    const rejection = d.lastRejection;
    return rejection ? { ok: true, accepted: false, rejection } : { ok: true, accepted: true };
  }
}

/**
 * Starts a simulated call. An inbound call runs `flow` (or, when omitted,
 * the flow of the number dialled; with none, it rings every agent, R7); an
 * outbound call runs no flow (R8).
 *
 * @example
 * const s = startCall(ws, flow, { direction: 'inbound', numberId: 'main', callerNumber: '+15550111' });
 * s.apply({ type: 'press', digit: '1' }, 4);
 * s.apply({ type: 'answer', agentId: 'ana' }, 20);
 * s.apply({ type: 'hangUp', party: 'contact' }, 95);
 * s.result().totalRecordedSeconds; // 75
 */
export function startCall(ws: WorkspaceDoc, flow: FlowDoc | undefined, start: CallStart): CallSession {
  return new Session(ws, flow, start);
}
