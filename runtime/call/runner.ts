/**
 * Runs one call's machine: the machine's own transition function (xstate 5's
 * `machine.transition`, what an actor runs on each event) over the call's
 * snapshot, with the machine's actions carried out as they are chosen.
 *
 * Why not an xstate `Actor`: a call is run start to end by one caller
 * (the session) that needs none of an actor's system, mailbox, observers,
 * inspection or scheduler (timers are `call.timer` events the session sends,
 * see machine.ts); creating an actor and passing each event through them cost
 * about a fifth of a simulated call (`npm run bench`). The call's state is
 * still the machine's snapshot, changed only by the machine's transitions.
 */
import type { ActorScope, SnapshotFrom } from 'xstate';
import type { CallData } from './callData.ts';
import type { CallEvent, CallMachine } from './machine.ts';

type CallSnapshot = SnapshotFrom<CallMachine>;
type Scope = ActorScope<CallSnapshot, CallEvent>;
type ExecutableAction = Parameters<Scope['actionExecutor']>[0];

/** The machine's first snapshot, without call data (the same for every call through the machine). */
const initialSnapshots = new WeakMap<CallMachine, CallSnapshot>();

/**
 * The part of an actor system the machine's algorithm reads while it transitions: it reports each microstep for
 * inspection (nobody inspects a call) and offers a scheduler for delayed events (the call machine has none).
 */
const system = {
  _sendInspectionEvent: () => {},
  _relay: () => {},
  _bookId: () => 'call',
  _register: () => 'call',
  _unregister: () => {},
  _set: () => {},
  get: () => undefined,
  getAll: () => ({}),
  inspect: () => ({ unsubscribe() {} }),
  getSnapshot: () => ({ _scheduledEvents: {} }),
  start: () => {},
  scheduler: {
    schedule: () => {
      throw new Error('The call machine has no delayed events (timers are `call.timer` events).');
    },
    cancel: () => {},
    cancelAll: () => {},
  },
  _clock: { setTimeout: () => 0, clearTimeout: () => {} },
  _logger: () => {},
} as unknown as Scope['system'];

/**
 * Work the machine's algorithm defers to the end of a step (none in the call machine today). Shared by all runners:
 * a step runs to its end before another starts, and each runner empties it after its own step.
 */
const deferred: Array<() => void> = [];

// Stryker disable next-line BlockStatement: only built-ins the call machine does not use defer work (sendTo, emit, spawning), and under the stand-in system above that work does nothing
function runDeferred(): void {
  // Stryker disable next-line ConditionalExpression: as above
  for (let fn = deferred.shift(); fn; fn = deferred.shift()) fn();
}

// The scope's functions are shared by every call: a closure made per call costs more than it seems under tsx,
// which wraps each one to keep its name.
const scopeFunctions = {
  logger: console.log,
  // Stryker disable next-line BlockStatement: as runDeferred: the call machine defers nothing
  defer(fn: () => void): void {
    deferred.push(fn);
  },
  emit(): void {},
  stopChild(): void {},
  actionExecutor(action: ExecutableAction): void {
    action.exec?.(action.info, action.params);
  },
};

export class CallRunner {
  // Stryker disable next-line StringLiteral: an actor's id and session id; nothing reads them without inspection
  readonly id = 'call';
  // Stryker disable next-line StringLiteral: as above
  readonly sessionId = 'call';
  private snapshot: CallSnapshot;
  private readonly machine: CallMachine;
  private readonly scope: Scope;

  constructor(machine: CallMachine, data: CallData) {
    this.machine = machine;
    // The runner stands for the actor (`self`) that the machine's actions are given.
    this.scope = {
      self: this as unknown as Scope['self'],
      // Stryker disable next-line StringLiteral: as the runner's own id
      id: 'call',
      // Stryker disable next-line StringLiteral: as the runner's own session id
      sessionId: 'call',
      system,
      logger: scopeFunctions.logger,
      defer: scopeFunctions.defer,
      emit: scopeFunctions.emit,
      stopChild: scopeFunctions.stopChild,
      actionExecutor: scopeFunctions.actionExecutor,
    };
    this.snapshot = this.initial(data);
  }

  /**
   * The machine's first snapshot for this call. Starting the call machine runs no action (the call begins with
   * `call.begin`), so its first snapshot is the same for every call but for the call data in its context: made once
   * per machine, and reused with this call's context.
   */
  private initial(data: CallData): CallSnapshot {
    let template = initialSnapshots.get(this.machine);
    // Stryker disable next-line ConditionalExpression: the per-machine cache; making the template again gives the same one
    if (template === undefined) {
      let acted = false;
      const noteAction = () => {
        acted = true;
      };
      // Stryker disable next-line ObjectLiteral: the input only fills the context, which the template below drops
      const input = { data };
      const first = this.machine.getInitialSnapshot({ ...this.scope, actionExecutor: noteAction, defer: noteAction } as never, input);
      if (acted || first.status !== 'active') throw new Error('The call machine must start without running actions; the call begins with `call.begin`.');
      // The template keeps no call's data.
      template = { ...first, context: {} } as CallSnapshot;
      initialSnapshots.set(this.machine, template);
    }
    // A plain copy, then the context: V8 copies an object of the template's shape at once, not property by property.
    const first = { ...template };
    first.context = { d: data };
    return first;
  }

  getSnapshot(): CallSnapshot {
    return this.snapshot;
  }

  /** The machine takes the event: one macrostep, its actions carried out as they are chosen. */
  send(event: CallEvent): void {
    const next = this.machine.transition(this.snapshot, event, this.scope as never);
    this.snapshot = next;
    runDeferred();
    if (next.status === 'error') throw next.error;
  }
}
