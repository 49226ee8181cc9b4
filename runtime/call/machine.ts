/**
 * The call lifecycle as an xstate 5 statechart. States say which actions a
 * call accepts at each point and own its timers (play, menu timeout, ring
 * timeout, voicemail maximum); the rules themselves live in `CallCore`.
 *
 * Timers are xstate delayed transitions, so on a `SimulatedClock` the
 * simulation is deterministic: the session moves the clock to each due
 * timer before it delivers the next action.
 *
 * ```
 * route ──▶ ivr.playing ─(play timer)──▶ route
 *       ──▶ ivr.menu.{timed,untimed} ─ press / timeout ─▶ route
 *       ──▶ voicemail ─ # / max length ─▶ route
 *       ──▶ ringing.{timed,untimed} ─ answer / ring timeout ─▶ route
 *       ──▶ dialling ─ contactAnswer ─▶ route            (outbound)
 *       ──▶ talking.{agent,consultation,conference,outside}
 *       ──▶ ended (final)
 * ```
 * Any action the current state does not list is refused (`not-available`);
 * pause/resume are accepted everywhere so R10's reasons reach the user.
 */
import { enqueueActions, setup } from 'xstate';
import type { CallCore, StateKey, TimedAction } from './core.ts';

export type CallMachineEvent = TimedAction | { type: 'route' };

interface CallContext {
  core: CallCore;
}

function isAction(ev: CallMachineEvent): ev is TimedAction {
  return ev.type !== 'route';
}

const keyIs = (key: StateKey) => ({ type: 'keyIs' as const, params: { key } });

/**
 * Builds the call machine. Its context holds the `CallCore`, which the
 * session creates and begins before starting the actor.
 *
 * @example
 * const core = new CallCore(ws, flow, start); core.begin();
 * const actor = createActor(callMachine, { input: { core }, clock: new SimulatedClock() }).start();
 * actor.send({ type: 'press', digit: '1', at: 3 });
 */
export const callMachine = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallMachineEvent,
    input: {} as { core: CallCore },
  },
  delays: {
    // Seconds on the call clock → milliseconds on the xstate clock.
    timer: ({ context }) => Math.max(0, Math.round(((context.core.timerAt ?? context.core.now) - context.core.now) * 1000)),
  },
  guards: {
    keyIs: ({ context }, params: { key: StateKey }) => context.core.key === params.key,
  },
  actions: {
    /** Carries out an accepted action; re-routes only when the lifecycle state or its timer changed. */
    act: enqueueActions(({ context, event, enqueue }) => {
      if (isAction(event) && context.core.handle(event)) enqueue.raise({ type: 'route' });
    }),
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
  context: ({ input }) => ({ core: input.core }),
  initial: 'route',
  on: {
    route: { target: '.route' },
    // R10: pause/resume are judged by the core wherever the call is, so a refusal carries its reason.
    pause: { actions: 'act' },
    resume: { actions: 'act' },
    '*': { actions: 'refuse' },
  },
  states: {
    route: {
      always: [
        { guard: keyIs('ivr.playing'), target: 'ivr.playing' },
        { guard: keyIs('ivr.menu.timed'), target: 'ivr.menu.timed' },
        { guard: keyIs('ivr.menu.untimed'), target: 'ivr.menu.untimed' },
        { guard: keyIs('voicemail'), target: 'voicemail' },
        { guard: keyIs('ringing.timed'), target: 'ringing.timed' },
        { guard: keyIs('ringing.untimed'), target: 'ringing.untimed' },
        { guard: keyIs('dialling'), target: 'dialling' },
        { guard: keyIs('talking.agent'), target: 'talking.agent' },
        { guard: keyIs('talking.consultation'), target: 'talking.consultation' },
        { guard: keyIs('talking.conference'), target: 'talking.conference' },
        { guard: keyIs('talking.outside'), target: 'talking.outside' },
        { target: 'ended' },
      ],
    },
    ivr: {
      initial: 'playing',
      on: { hangUp: { actions: 'act' } },
      states: {
        playing: { after: { timer: { target: '#call.route', actions: 'fireTimer' } } },
        menu: {
          initial: 'timed',
          on: { press: { actions: 'act' } },
          states: {
            timed: { after: { timer: { target: '#call.route', actions: 'fireTimer' } } },
            untimed: {},
          },
        },
      },
    },
    voicemail: {
      on: { press: { actions: 'act' }, hangUp: { actions: 'act' } },
      after: { timer: { target: 'route', actions: 'fireTimer' } },
    },
    ringing: {
      initial: 'untimed',
      on: { answer: { actions: 'act' }, hangUp: { actions: 'act' } },
      states: {
        timed: { after: { timer: { target: '#call.route', actions: 'fireTimer' } } },
        untimed: {},
      },
    },
    dialling: {
      on: { contactAnswer: { actions: 'act' }, hangUp: { actions: 'act' } },
    },
    talking: {
      initial: 'agent',
      on: {
        hold: { actions: 'act' },
        unhold: { actions: 'act' },
        conference: { actions: 'act' },
        answer: { actions: 'act' },
        hangUp: { actions: 'act' },
      },
      states: {
        agent: { on: { transfer: { actions: 'act' } } },
        consultation: { on: { completeTransfer: { actions: 'act' }, cancelTransfer: { actions: 'act' } } },
        conference: {},
        outside: {},
      },
    },
    // Not `final`: a done actor would drop later actions instead of refusing them.
    ended: {
      on: { '*': { actions: 'refuseEnded' } },
    },
  },
});

export type CallMachine = typeof callMachine;
