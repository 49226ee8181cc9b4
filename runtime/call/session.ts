/**
 * The step API the simulator drives: start a call, ask what may happen now,
 * apply actions at chosen times, read the result so far, step back and forth.
 * Headless: no React, no DOM.
 */
import { type Actor, createActor, SimulatedClock } from 'xstate';
import type { FlowDoc } from '../document/flow.ts';
import type { WorkspaceDoc } from '../document/workspace.ts';
import { CallCore } from './core.ts';
import { CALL_LIMITS } from './limits.ts';
import { type CallMachine, callMachine, goEvents } from './machine.ts';
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
} from './types.ts';

const toMs = (seconds: number) => Math.round(seconds * 1000);

class Session implements CallSession {
  readonly start: CallStart;
  private readonly ws: WorkspaceDoc;
  private readonly flow: FlowDoc | undefined;
  private core!: CallCore;
  private actor!: Actor<CallMachine>;
  private clock!: SimulatedClock;
  private entries: HistoryEntry[] = [];
  private index = 0;

  constructor(ws: WorkspaceDoc, flow: FlowDoc | undefined, start: CallStart) {
    this.ws = ws;
    this.flow = flow;
    this.start = start;
    this.boot();
  }

  private boot(): void {
    this.actor?.stop();
    this.clock = new SimulatedClock();
    this.core = new CallCore(this.ws, this.flow, this.start);
    this.core.begin();
    this.actor = createActor(callMachine, { input: { core: this.core, clock: this.clock }, clock: this.clock });
    this.actor.start();
  }

  get time(): number {
    return this.core.now;
  }
  get ended(): boolean {
    return this.core.ended;
  }
  get currentNodeId(): string | null {
    return this.core.nodeId;
  }
  get path(): readonly string[] {
    return this.core.path;
  }
  get parties(): readonly PartyInfo[] {
    return this.core.partyInfos();
  }
  get onHold(): boolean {
    return this.core.isHeld;
  }
  get controllingAgentId(): string | null {
    return this.core.controllingAgent;
  }
  get paused(): boolean {
    return this.core.isPaused;
  }
  get history(): readonly HistoryEntry[] {
    return this.entries;
  }
  get historyIndex(): number {
    return this.index;
  }

  available(): AvailableAction[] {
    return this.core.available();
  }

  nextTimerAt(): number | null {
    return this.core.ended ? null : this.core.timerAt;
  }

  apply(action: CallAction, at: number = this.core.now): ApplyOutcome {
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
    return deriveResult(this.core);
  }

  effectiveSettings(): EffectiveSettings {
    return this.core.settings;
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

  /** Moves the clock to `at` (firing due timers first) and delivers the action. */
  private step(action: CallAction, at: number): ApplyOutcome {
    const core = this.core;
    if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) {
      return { ok: false, error: `The time must be a number of seconds ≥ 0 (got ${String(at)}).` };
    }
    if (at < core.now) {
      return { ok: false, error: `The time ${at}s is earlier than the call's current time ${core.now}s; time cannot go backwards.` };
    }
    if (typeof action !== 'object' || action === null || typeof action.type !== 'string') {
      return { ok: false, error: 'An action must be an object with a "type".' };
    }
    // Per-call time limit (limits.ts): nothing happens after it; the call ends there.
    const until = Math.min(at, CALL_LIMITS.seconds);
    // Timers due at or before the action fire first, each at its own moment. The clock only
    // moves to fire timers: delays are computed from the clock's own now (see machine.ts).
    while (!core.ended && core.timerAt !== null && core.timerAt <= until) {
      const due = core.timerAt;
      this.clock.set(Math.max(this.clock.now(), toMs(due)));
      if (core.rerouteNeeded) this.actor.send(goEvents[core.key]);
      if (core.timerAt === due) break; // the machine holds no such timer; do not spin
    }
    if (!core.ended && at > CALL_LIMITS.seconds) {
      core.now = CALL_LIMITS.seconds;
      core.stopAtLimit('seconds');
      if (core.rerouteNeeded) this.actor.send(goEvents[core.key]);
    }
    core.now = Math.max(core.now, at);
    if (action.type === 'wait') return { ok: true, accepted: true };
    const event = { ...action, at };
    core.lastRejection = null;
    if (core.ended) core.refuse(event, 'call-ended');
    else {
      this.actor.send(event);
      // The lifecycle state or its timer changed: the machine re-enters the state the call is now in.
      if (core.rerouteNeeded) this.actor.send(goEvents[core.key]);
    }
    const rejection = core.lastRejection;
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
