/**
 * The call machine owns the call: where the call is and what its recording
 * is doing are the machine's states (read through the session), and every
 * action of the action table is an event the machine handles.
 */
import { describe, expect, it } from 'vitest';
import { actionTypes, callActionSchema, timedActionSchema } from './actions.ts';
import { CallClock, CallData } from './callData.ts';
import { callMachineFor } from './machine.ts';
import { startCall } from './session.ts';
import { assignFlow, buildFlow, inbound, outbound, testWorkspace } from './testkit.ts';

describe('the call machine', () => {
  it('handles every action of the action table in some state (no action exists in one place only)', () => {
    const ws = testWorkspace();
    // R26/R27: `choose` exists only where a flow has a decision or a step, so the flow has one of each.
    const flow = buildFlow(
      [
        ['s', 'start', { numberIds: ['main'] }],
        ['d', 'decision', { outcomes: [{ name: 'gold', condition: '$.Attributes.tier = gold' }] }],
        ['st', 'step'],
        ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 30 }],
        ['vm', 'voicemail', { maxLengthSeconds: 60 }],
      ],
      [
        ['s', 'next', 'd'],
        ['d', 'gold', 'st'],
        ['d', 'noMatch', 'a'],
        ['st', 'next', 'a'],
        ['a', 'noAnswer', 'vm'],
      ],
    );
    const machine = callMachineFor(new CallData(ws, flow, inbound(), new CallClock()).flowIx, ws);
    const handled = new Set(machine.events);
    // `wait` only moves the clock: the session fires due timers and sends nothing.
    expect(actionTypes.filter((t) => t !== 'wait' && !handled.has(t))).toEqual([]);
  });

  it('validates actions and timed actions against the one schema the CallAction type is derived from', () => {
    expect(callActionSchema.safeParse({ type: 'press', digit: '1' }).success).toBe(true);
    expect(callActionSchema.safeParse({ type: 'press', digit: '12' }).success).toBe(false);
    expect(timedActionSchema.safeParse({ at: 3, type: 'hangUp', party: 'contact' }).success).toBe(true);
    expect(timedActionSchema.safeParse({ at: 3, type: 'fly' }).success).toBe(false);
  });

  it('its state says where the call is and what the recording does (R5, R7, R11)', () => {
    const ws = testWorkspace({ account: { agentPause: true } });
    const s = startCall(ws, assignFlow(), inbound());
    expect(s.state).toBe('where: "a" (ringing) · recording: pending');
    s.apply({ type: 'answer', agentId: 'ana' }, 4);
    expect(s.state).toBe('where: agent · recording: recording');
    s.apply({ type: 'pause', agentId: 'ana' }, 10);
    expect(s.state).toBe('where: agent · recording: paused');
    s.apply({ type: 'conference', agentId: 'ana', target: { type: 'external', number: '+15550100' } }, 12);
    expect(s.state).toBe('where: conference · recording: paused');
    s.apply({ type: 'hangUp', party: 'contact' }, 20);
    expect(s.state).toBe('where: ended · recording: ended');
  });

  it('R8: an outbound call is dialling until the contact answers, then recording by default', () => {
    const s = startCall(testWorkspace(), undefined, outbound());
    expect(s.state).toBe('where: dialling · recording: pending');
    s.apply({ type: 'contactAnswer' }, 5);
    expect(s.state).toBe('where: agent · recording: recording');
  });

  it('its phase names what the call does now, as the machine\'s where state: dialling, talking, consultation, conference', () => {
    const out = startCall(testWorkspace(), undefined, outbound());
    expect(out.phase).toBe('dialling');
    out.apply({ type: 'contactAnswer' }, 5);
    expect(out.phase).toBe('agent');
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    expect(s.phase).toBe('ringing');
    s.apply({ type: 'answer', agentId: 'ana' }, 4);
    expect(s.phase).toBe('agent');
    // R15: a warm transfer consults first; completing it leaves the contact talking with the one consulted.
    s.apply({ type: 'transfer', agentId: 'ana', mode: 'warm', target: { type: 'agent', agentId: 'ben' } }, 6);
    s.apply({ type: 'answer', agentId: 'ben' }, 8);
    expect(s.phase).toBe('consultation');
    s.apply({ type: 'completeTransfer', agentId: 'ana' }, 9);
    expect(s.phase).toBe('agent');
    s.apply({ type: 'conference', agentId: 'ben', target: { type: 'external', number: '+15550100' } }, 10);
    expect([s.phase, s.state]).toEqual(['conference', expect.stringMatching(/^where: conference /)]);
    s.apply({ type: 'hangUp', party: 'contact' }, 20);
    expect(s.phase).toBe('conference');
  });

  it('R14: past the external portion with continue-on-external off the recording region is stopped for good', () => {
    const ws = testWorkspace({ account: { continueOnExternalTransfer: false } });
    const s = startCall(ws, assignFlow(), inbound());
    s.apply({ type: 'answer', agentId: 'ana' }, 4);
    s.apply({ type: 'transfer', agentId: 'ana', mode: 'blind', target: { type: 'external', number: '+15550100' } }, 10);
    expect(s.state).toBe('where: outside · recording: stopped');
  });

  it('a warm transfer is a consultation until it completes or is cancelled', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply({ type: 'answer', agentId: 'ana' }, 4);
    s.apply({ type: 'transfer', agentId: 'ana', mode: 'warm', target: { type: 'agent', agentId: 'cy' } }, 10);
    expect(s.state).toMatch(/^where: consultation/);
    s.apply({ type: 'cancelTransfer', agentId: 'ana' }, 12);
    expect(s.state).toMatch(/^where: agent/);
  });

  it('a flow node the call waits at is a state of its own; instant nodes are passed in the same step', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['r', 'recording', { record: 'on' }],
        ['p', 'play', { durationSeconds: 3 }],
      ],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 'p'],
      ],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    expect(s.state).toBe('where: "p" (playing a message) · recording: recording');
    expect(s.path).toEqual(['s', 'r', 'p']);
    expect(s.traversed).toEqual([
      { nodeId: 's', port: 'next' },
      { nodeId: 'r', port: 'next' },
    ]);
  });
});
