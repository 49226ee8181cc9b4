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
 * (start) ─▶ route ─always─▶ the state the core is in
 *
 * playing ──(play timer)──────────┐   menu ── press | (menu timer) ──┐   menuNoTimeout ── press ──┐
 * voicemail ── # | (max length) ──┤   ringing ── answer | outsideAnswer | (ring timer) ──┐         │
 * ringingNoTimeout ── answer ─────┤   dialling ── contactAnswer ──┐                       │         │
 * talking ── hold | unhold | transfer | completeTransfer | cancelTransfer | conference | answer ──┤
 * anywhere ── pause | resume | hangUp ────────────────────────────────────────────────────────────┤
 *                                                                                                  ▼
 *                        the core carries the action out; if the lifecycle state changed,
 *                        the session sends go.<state> ─▶ that state (re-entered: its timer restarts)
 * ended ── every action refused (call-ended)
 * ```
 * States are flat, and two-party / consultation / conference are arrangements
 * of parties inside `talking` rather than states: every state change costs a
 * transition, and the runtime must stay within 2× a bare actor (see the bench).
 * Any action the current state does not list is refused (`not-available`);
 * pause/resume and hang-up are judged by the core wherever the call is, so
 * R10's reasons reach the user.
 */
import { setup } from 'xstate';
import type { CallCore, StateKey, TimedAction } from './core.ts';

/** Moves the machine into the lifecycle state the core reports (see `CallCore.key`). */
export type GoEvent = { type: `go.${StateKey}` };
export type CallMachineEvent = TimedAction | GoEvent;

/** The part of xstate's clock the delays read (a `SimulatedClock` in the session). */
export interface CallClock {
  now(): number;
}

interface CallContext {
  core: CallCore;
  clock: CallClock;
}

function isAction(ev: { type: string }): ev is TimedAction {
  return !ev.type.startsWith('go.') && !ev.type.startsWith('xstate.');
}

/** The `go.<state>` event for each state, allocated once. */
export const goEvents = Object.fromEntries(
  (['playing', 'menu', 'menuNoTimeout', 'voicemail', 'ringing', 'ringingNoTimeout', 'dialling', 'talking', 'ended'] as const).map(
    (k) => [k, { type: `go.${k}` }],
  ),
) as Record<StateKey, GoEvent>;

/**
 * What every live state accepts, listed in each state rather than once at the root: xstate finds
 * an exact match in the active state at once, but scans all of a state's keys before bubbling up.
 */
const EVERYWHERE = {
  // Sent by the session after an action or timer that changed the lifecycle state (or restarted
  // its timer): one direct transition into the state the core is now in.
  'go.playing': { target: 'playing', reenter: true, actions: 'routed' },
  'go.menu': { target: 'menu', reenter: true, actions: 'routed' },
  'go.menuNoTimeout': { target: 'menuNoTimeout', reenter: true, actions: 'routed' },
  'go.voicemail': { target: 'voicemail', reenter: true, actions: 'routed' },
  'go.ringing': { target: 'ringing', reenter: true, actions: 'routed' },
  'go.ringingNoTimeout': { target: 'ringingNoTimeout', reenter: true, actions: 'routed' },
  'go.dialling': { target: 'dialling', reenter: true, actions: 'routed' },
  'go.talking': { target: 'talking', reenter: true, actions: 'routed' },
  'go.ended': { target: 'ended', reenter: true, actions: 'routed' },
  // R10: pause/resume are judged by the core wherever the call is, so a refusal carries its reason.
  pause: { actions: 'act' },
  resume: { actions: 'act' },
  // R9: any party may hang up at any point.
  hangUp: { actions: 'act' },
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
  on: {
    // Anything no state lists is refused.
    '*': { actions: 'refuse' },
  },
  states: {
    route: {
      entry: 'routed',
      always: [
        { guard: keyIs('talking'), target: 'talking' },
        { guard: keyIs('menu'), target: 'menu' },
        { guard: keyIs('ringing'), target: 'ringing' },
        { guard: keyIs('playing'), target: 'playing' },
        { guard: keyIs('ringingNoTimeout'), target: 'ringingNoTimeout' },
        { guard: keyIs('voicemail'), target: 'voicemail' },
        { guard: keyIs('menuNoTimeout'), target: 'menuNoTimeout' },
        { guard: keyIs('dialling'), target: 'dialling' },
        { target: 'ended' },
      ],
    },
    // A timer's action changes the call; the session then sends the `go.<state>` it leads to.
    playing: { on: EVERYWHERE, after: { timer: { actions: 'fireTimer' } } },
    menu: {
      on: { ...EVERYWHERE, press: { actions: 'act' } },
      after: { timer: { actions: 'fireTimer' } },
    },
    menuNoTimeout: { on: { ...EVERYWHERE, press: { actions: 'act' } } },
    voicemail: {
      on: { ...EVERYWHERE, press: { actions: 'act' } },
      after: { timer: { actions: 'fireTimer' } },
    },
    ringing: {
      on: { ...EVERYWHERE, answer: { actions: 'act' }, outsideAnswer: { actions: 'act' } },
      after: { timer: { actions: 'fireTimer' } },
    },
    ringingNoTimeout: { on: { ...EVERYWHERE, answer: { actions: 'act' } } },
    dialling: { on: { ...EVERYWHERE, contactAnswer: { actions: 'act' } } },
    // Contact with agents and/or outside parties: two-party, consultation and conference are the
    // parties' arrangement, judged by the core (a transfer needs exactly one agent, completing one
    // needs a consultation), so they cost no state changes.
    talking: {
      on: {
        ...EVERYWHERE,
        hold: { actions: 'act' },
        unhold: { actions: 'act' },
        transfer: { actions: 'act' },
        completeTransfer: { actions: 'act' },
        cancelTransfer: { actions: 'act' },
        conference: { actions: 'act' },
        answer: { actions: 'act' },
      },
    },
    // Not `final`: a done actor would drop later actions instead of refusing them.
    ended: {
      on: { '*': { actions: 'refuseEnded' }, pause: { actions: 'refuseEnded' }, resume: { actions: 'refuseEnded' }, hangUp: { actions: 'refuseEnded' } },
    },
  },
});

export type CallMachine = typeof callMachine;
