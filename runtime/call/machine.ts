/**
 * The call lifecycle as an xstate 5 statechart. States say which actions a
 * call accepts at each point and own its timers (play, menu timeout, ring
 * timeout, voicemail maximum); the rules themselves live in `CallCore`.
 *
 * Timers are xstate delayed transitions on a `SimulatedClock`, so a
 * simulation is deterministic: the session moves the clock to each due timer
 * before it delivers the next action.
 *
 * ```
 *            ┌──────────────── route (picks the state the core is in) ◀──────────────┐
 *            ▼                                                                          │
 * playing ─(play timer)─▶ · menu ─ press | timeout ─▶ · menuNoTimeout ─ press ─▶ ·      │ any action or timer
 * voicemail ─ # | max length ─▶ · ringing ─ answer | ring timeout ─▶ ·                 │ that changed the state
 * ringingNoTimeout ─ answer ─▶ · dialling ─ contactAnswer ─▶ ·  (outbound)             │
 * agent ─ transfer ─▶ · consultation ─ completeTransfer | cancelTransfer ─▶ ·          │
 * conference, outside ─ conference | answer | hold | unhold | hangUp ─▶ · ─────────────┘
 * ended
 * ```
 * States are kept flat on purpose: nested state values cost allocations on
 * every event, and the runtime must stay within 2× a bare actor (see the bench).
 * Any action the current state does not list is refused (`not-available`);
 * pause/resume and hang-up are judged by the core wherever the call is, so
 * R10's reasons reach the user.
 */
import { setup } from 'xstate';
import type { CallCore, StateKey, TimedAction } from './core.ts';

export type CallMachineEvent = TimedAction;

/** The part of xstate's clock the delays read (a `SimulatedClock` in the session). */
export interface CallClock {
  now(): number;
}

interface CallContext {
  core: CallCore;
  clock: CallClock;
}

function isAction(ev: { type: string }): ev is TimedAction {
  return !ev.type.startsWith('xstate.');
}

/** What every talking state accepts besides its own events. */
const TALKING = {
  hold: { actions: 'act' },
  unhold: { actions: 'act' },
  conference: { actions: 'act' },
  answer: { actions: 'act' },
} as const;

const keyIs = (key: StateKey) => ({ type: 'keyIs' as const, params: { key } });

/**
 * Builds the call machine. Its context holds the `CallCore`, which the
 * session creates and begins before starting the actor.
 *
 * @example
 * const core = new CallCore(ws, flow, start); core.begin();
 * const clock = new SimulatedClock();
 * const actor = createActor(callMachine, { input: { core, clock }, clock }).start();
 * actor.send({ type: 'press', digit: '1', at: 3 });
 */
export const callMachine = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallMachineEvent,
    input: {} as { core: CallCore; clock: CallClock },
  },
  delays: {
    // The due time in call seconds, as a delay from the clock's now in milliseconds.
    timer: ({ context }) => Math.max(0, Math.round((context.core.timerAt ?? 0) * 1000) - context.clock.now()),
  },
  guards: {
    keyIs: ({ context }, params: { key: StateKey }) => context.core.key === params.key,
    rerouteNeeded: ({ context }) => context.core.rerouteNeeded,
  },
  actions: {
    /** Carries out an accepted action; the core flags `rerouteNeeded` when the lifecycle state or its timer changed. */
    act: ({ context, event }) => {
      if (isAction(event)) context.core.handle(event);
    },
    routed: ({ context }) => {
      context.core.rerouteNeeded = false;
    },
    fireTimer: ({ context }) => context.core.fireTimer(),
    refuse: ({ context, event }) => {
      if (isAction(event)) context.core.refuse(event, 'not-available');
    },
    refuseEnded: ({ context, event }) => {
      if (isAction(event)) context.core.refuse(event, 'call-ended');
    },
  },
}).createMachine({
  id: 'call',
  context: ({ input }) => ({ core: input.core, clock: input.clock }),
  initial: 'route',
  // After an action that changed the lifecycle state or its timer, go through `route` again.
  always: { guard: 'rerouteNeeded', target: '.route' },
  on: {
    // R10: pause/resume are judged by the core wherever the call is, so a refusal carries its reason.
    pause: { actions: 'act' },
    resume: { actions: 'act' },
    hangUp: { actions: 'act' },
    '*': { actions: 'refuse' },
  },
  states: {
    route: {
      entry: 'routed',
      always: [
        { guard: keyIs('agent'), target: 'agent' },
        { guard: keyIs('menu'), target: 'menu' },
        { guard: keyIs('ringing'), target: 'ringing' },
        { guard: keyIs('playing'), target: 'playing' },
        { guard: keyIs('ringingNoTimeout'), target: 'ringingNoTimeout' },
        { guard: keyIs('conference'), target: 'conference' },
        { guard: keyIs('consultation'), target: 'consultation' },
        { guard: keyIs('outside'), target: 'outside' },
        { guard: keyIs('voicemail'), target: 'voicemail' },
        { guard: keyIs('menuNoTimeout'), target: 'menuNoTimeout' },
        { guard: keyIs('dialling'), target: 'dialling' },
        { target: 'ended' },
      ],
    },
    playing: { after: { timer: { target: 'route', actions: 'fireTimer' } } },
    menu: {
      on: { press: { actions: 'act' } },
      after: { timer: { target: 'route', actions: 'fireTimer' } },
    },
    menuNoTimeout: { on: { press: { actions: 'act' } } },
    voicemail: {
      on: { press: { actions: 'act' } },
      after: { timer: { target: 'route', actions: 'fireTimer' } },
    },
    ringing: {
      on: { answer: { actions: 'act' }, outsideAnswer: { actions: 'act' } },
      after: { timer: { target: 'route', actions: 'fireTimer' } },
    },
    ringingNoTimeout: { on: { answer: { actions: 'act' } } },
    dialling: { on: { contactAnswer: { actions: 'act' } } },
    agent: { on: { ...TALKING, transfer: { actions: 'act' } } },
    consultation: { on: { ...TALKING, completeTransfer: { actions: 'act' }, cancelTransfer: { actions: 'act' } } },
    conference: { on: TALKING },
    outside: { on: TALKING },
    // Not `final`: a done actor would drop later actions instead of refusing them.
    ended: {
      on: { '*': { actions: 'refuseEnded' }, pause: { actions: 'refuseEnded' }, resume: { actions: 'refuseEnded' }, hangUp: { actions: 'refuseEnded' } },
    },
  },
});

export type CallMachine = typeof callMachine;
