import { createMachine, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { CallData } from './callData.ts';
import type { CallMachine } from './machine.ts';
import { CallRunner } from './runner.ts';

// The runner is the call machine's engine; these machines stand for it with the one behaviour each test is about
// (the call machine itself is exercised by every rule test through the session).
const asCallMachine = (m: unknown) => m as CallMachine;
const data = { now: 0 } as unknown as CallData;

describe('CallRunner: the call machine run without an actor', () => {
  it('a fault in an action reaches the caller of that event at once, with its own message (the batch reports it as the line’s error)', () => {
    const machine = setup({
      actions: {
        explode: () => {
          throw new Error('bad action');
        },
      },
    }).createMachine({ context: ({ input }) => input as { d: CallData }, on: { 'call.begin': { actions: 'explode' } } });
    const runner = new CallRunner(asCallMachine(machine), data);
    expect(() => runner.send({ type: 'call.begin' } as never)).toThrow('bad action');
  });

  it('an error event the machine does not handle reaches the caller with its error (an actor would stop with it), instead of leaving the call silently broken', () => {
    const machine = createMachine({ context: ({ input }) => input as { d: CallData }, initial: 'a', states: { a: {} } });
    const runner = new CallRunner(asCallMachine(machine), data);
    const fault = new Error('the child actor failed');
    expect(() => runner.send({ type: 'xstate.error.actor.child', error: fault } as never)).toThrow(fault);
    expect(runner.getSnapshot().status).toBe('error');
  });

  it('an event changes the snapshot only through the machine’s transitions, its actions carried out on the call data', () => {
    // Like the call machine, the context is `{ d }`: the call's data, which the actions change.
    const machine = setup({
      actions: {
        count: ({ context }) => {
          (context as { d: { seen: number } }).d.seen++;
        },
      },
    }).createMachine({
      context: ({ input }) => input as { d: CallData },
      initial: 'waiting',
      states: { waiting: { on: { 'call.begin': { target: 'talking', actions: 'count' } } }, talking: {} },
    });
    const mine = { seen: 0 } as unknown as CallData;
    const runner = new CallRunner(asCallMachine(machine), mine);
    expect(runner.getSnapshot().value).toBe('waiting');
    expect(runner.getSnapshot().context.d).toBe(mine);
    runner.send({ type: 'call.begin' } as never);
    expect(runner.getSnapshot().value).toBe('talking');
    expect(mine).toEqual({ seen: 1 });
    // A second call through the same machine starts from the machine's first state with its own data.
    const other = { seen: 0 } as unknown as CallData;
    const second = new CallRunner(asCallMachine(machine), other);
    expect(second.getSnapshot().value).toBe('waiting');
    expect(second.getSnapshot().context.d).toBe(other);
    expect(other).toEqual({ seen: 0 });
  });

  it('an action named by a transition but given no implementation does nothing (as in an actor), instead of failing the call', () => {
    const machine = createMachine({
      context: ({ input }) => input as { d: CallData },
      initial: 'a',
      states: { a: { on: { 'call.begin': { target: 'b', actions: 'notImplemented' } } }, b: {} },
    });
    const runner = new CallRunner(asCallMachine(machine), data);
    expect(() => runner.send({ type: 'call.begin' } as never)).not.toThrow();
    expect(runner.getSnapshot().value).toBe('b');
  });

  it('refuses a machine that is already done as it starts: a call machine waits for `call.begin`', () => {
    const machine = createMachine({ context: ({ input }) => input as { d: CallData }, initial: 'over', states: { over: { type: 'final' } } });
    expect(() => new CallRunner(asCallMachine(machine), data)).toThrow('The call machine must start without running actions; the call begins with `call.begin`.');
  });

  it('refuses a machine that runs actions as it starts: a call begins with `call.begin`, and a shared first snapshot would skip them', () => {
    const machine = setup({ actions: { greet: () => {} } }).createMachine({ context: ({ input }) => input as { d: CallData }, entry: 'greet' });
    expect(() => new CallRunner(asCallMachine(machine), data)).toThrow('The call machine must start without running actions; the call begins with `call.begin`.');
  });
});
