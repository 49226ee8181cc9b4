/**
 * Rules of the call runtime that the first rule suite left open, each test
 * naming its rule or limit, written against the public step API
 * (`startCall(...).apply/available/result`) so it holds for any call machine.
 */
import { describe, expect, it } from 'vitest';
import type { TransferTarget } from '../../nodes/kind.ts';
import { startCall } from './session.ts';
import { assignFlow, buildFlow, inbound, outbound, run, spans, testWorkspace } from './testkit.ts';
import type { AvailableAction, CallAction, CallSession } from './types.ts';

const answer = (agentId = 'ana'): CallAction => ({ type: 'answer', agentId });
const hangUp = (party = 'contact'): CallAction => ({ type: 'hangUp', party });
const conference = (target: TransferTarget, agentId = 'ana'): CallAction => ({ type: 'conference', agentId, target });
const outside = (n: number): TransferTarget => ({ type: 'external', number: `+1555010${n}` });
const offered = (s: CallSession) => s.available().map((a) => a.type);
const find = <T extends AvailableAction['type']>(s: CallSession, type: T) =>
  s.available().find((a): a is Extract<AvailableAction, { type: T }> => a.type === type);

describe('conference size (limit: at most 8 parties besides the contact)', () => {
  it('R12/R15: the eighth party may join; a ninth is refused and no longer offered', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 5);
    // Ana plus six outside parties: seven besides the contact.
    for (let i = 1; i <= 6; i++) expect(s.apply(conference(outside(i)), 5 + i)).toEqual({ ok: true, accepted: true });
    expect(s.parties).toHaveLength(7);
    expect(offered(s)).toContain('conference');
    expect(s.apply(conference(outside(7)), 20)).toEqual({ ok: true, accepted: true });
    expect(s.parties).toHaveLength(8);
    expect(offered(s)).not.toContain('conference');
    expect(s.apply(conference(outside(8)), 21)).toMatchObject({ accepted: false, rejection: { code: 'not-available', message: 'The conference is full.' } });
    expect(s.parties).toHaveLength(8);
    // A party leaving makes room again.
    s.apply(hangUp('external:+15550107'), 22);
    expect(offered(s)).toContain('conference');
    expect(s.apply(conference(outside(8)), 23)).toEqual({ ok: true, accepted: true });
  });
});

describe('what the call offers now (available)', () => {
  it('R7: a ringing ring group offers its members to answer, the contact to hang up, and the ring timeout', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    expect(s.available()).toEqual([
      { type: 'answer', agents: [{ value: 'ana', label: 'Ana' }, { value: 'ben', label: 'Ben' }], ringGroupId: 'support' },
      { type: 'hangUp', parties: [{ value: 'contact', label: 'contact +15559999' }] },
      { type: 'wait', nextTimerAt: 30 },
    ]);
  });

  it('R10/R12: with one agent on the call: hold, pause and resume with predicted refusals, transfer and conference targets', () => {
    const s = startCall(testWorkspace({ account: { agentPause: true } }), assignFlow(), inbound());
    s.apply(answer(), 5);
    const targets = [
      { target: { type: 'agent', agentId: 'ben' }, label: 'agent Ben', external: false },
      { target: { type: 'agent', agentId: 'cy' }, label: 'agent Cy', external: false },
      { target: { type: 'ringGroup', ringGroupId: 'support' }, label: 'ring group Support', external: false },
      { target: { type: 'external', number: '+15550100' }, label: 'outside number +15550100', external: true },
      { target: { type: 'extension', extension: '200', system: 'pbx' }, label: 'extension 200', external: false },
    ];
    const ana = [{ value: 'ana', label: 'Ana' }];
    expect(s.available()).toEqual([
      { type: 'hold', agents: ana },
      { type: 'pause', agents: ana, refusals: {} },
      { type: 'resume', agents: ana, refusals: { ana: { code: 'not-paused', message: 'The recording is not paused.' } } },
      { type: 'transfer', agents: ana, modes: ['blind', 'warm'], targets },
      { type: 'conference', agents: ana, targets },
      { type: 'hangUp', parties: [{ value: 'contact', label: 'contact +15559999' }, { value: 'agent:ana', label: 'Ana' }] },
      { type: 'wait', nextTimerAt: null },
    ]);
    s.apply({ type: 'hold', agentId: 'ana' }, 6);
    s.apply({ type: 'pause', agentId: 'ana' }, 7);
    expect(find(s, 'unhold')).toEqual({ type: 'unhold', agents: ana });
    expect(find(s, 'pause')?.refusals).toEqual({ ana: { code: 'already-paused', message: 'The recording is already paused.' } });
    expect(find(s, 'resume')?.refusals).toEqual({});
  });

  it('R10/R12: in a conference only the controlling agent may pause; the second agent gets the reason in advance', () => {
    const s = startCall(testWorkspace({ account: { agentPause: true } }), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply(conference({ type: 'ringGroup', ringGroupId: 'support' }), 6);
    // While the invitation rings, Ben (the only free member) may answer it; the caller is not offered a second invitation.
    expect(find(s, 'answer')).toEqual({ type: 'answer', agents: [{ value: 'ben', label: 'Ben' }], ringGroupId: 'support' });
    expect(offered(s)).not.toContain('conference');
    s.apply(answer('ben'), 7);
    expect(find(s, 'pause')?.refusals).toEqual({ ben: { code: 'not-controlling-agent', message: 'Ben does not control the recording of this call.' } });
    // A transfer needs the contact and one agent only.
    expect(offered(s)).not.toContain('transfer');
    expect(find(s, 'conference')?.targets.map((t) => t.label)).toEqual(['agent Cy', 'ring group Support', 'outside number +15550100', 'extension 200']);
    // R23: Ben received the call through the ring group's invitation.
    expect(s.result().handledBy).toEqual({ agentIds: ['ana', 'ben'], ringGroupIds: ['support'] });
  });

  it('R10: with agent pause disabled every agent is told why before trying', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 5);
    const why = { code: 'not-allowed-by-settings', message: 'Agent-initiated pause is not enabled for this call.' };
    expect(find(s, 'pause')?.refusals).toEqual({ ana: why });
    expect(find(s, 'resume')?.refusals).toEqual({ ana: why });
  });

  it('R15: a warm transfer offers completion only once the target answered, and cancellation throughout', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply({ type: 'transfer', agentId: 'ana', mode: 'warm', target: { type: 'agent', agentId: 'cy' } }, 6);
    expect(find(s, 'answer')).toEqual({ type: 'answer', agents: [{ value: 'cy', label: 'Cy' }], ringGroupId: null });
    expect(offered(s)).toContain('cancelTransfer');
    expect(offered(s)).not.toContain('completeTransfer');
    expect(offered(s)).not.toContain('transfer');
    expect(offered(s)).not.toContain('conference');
    s.apply(answer('cy'), 8);
    expect(find(s, 'completeTransfer')).toEqual({ type: 'completeTransfer', agents: [{ value: 'ana', label: 'Ana' }] });
    expect(find(s, 'cancelTransfer')).toEqual({ type: 'cancelTransfer', agents: [{ value: 'ana', label: 'Ana' }] });
    expect(s.parties.map((p) => [p.id, p.controlling, p.consulting])).toEqual([
      ['agent:ana', true, false],
      ['agent:cy', false, true],
    ]);
  });

  it('R8: an outbound call being dialled offers the contact answering, and either side hanging up', () => {
    const s = startCall(testWorkspace(), undefined, outbound());
    expect(s.available()).toEqual([
      { type: 'contactAnswer' },
      { type: 'hangUp', parties: [{ value: 'contact', label: 'contact +15558888' }, { value: 'agent:ana', label: 'Ana' }] },
      { type: 'wait', nextTimerAt: null },
    ]);
  });

  it('R16: a flow transfer ringing an outside number offers it answering, named', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['t', 'transfer', { target: { type: 'extension', extension: '4711', system: 'deskPhone' }, ringTimeoutSeconds: 20 }],
      ],
      [['s', 'next', 't']],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    expect(find(s, 'outsideAnswer')).toEqual({ type: 'outsideAnswer', party: { value: 'extension:deskPhone:4711', label: 'extension 4711' } });
    expect(s.nextTimerAt()).toBe(20);
  });

  it('R16: outside numbers and extensions of the flow are offered as targets instead of the examples', () => {
    const flow = buildFlow(
      [
        ['s', 'start'],
        ['a', 'assign', { target: { type: 'agent', agentId: 'ana' } }],
        ['t1', 'transfer', { target: { type: 'external', number: '+15550777' } }],
        ['t2', 'transfer', { target: { type: 'external', number: '+15550777' } }],
        ['t3', 'transfer', { target: { type: 'extension', extension: '31', system: 'teams' } }],
      ],
      [
        ['s', 'next', 'a'],
        ['a', 'noAnswer', 't1'],
        ['t1', 'failed', 't2'],
        ['t2', 'failed', 't3'],
      ],
    );
    const s = startCall(testWorkspace(), flow, inbound());
    s.apply(answer(), 5);
    expect(find(s, 'transfer')?.targets.filter((t) => t.target.type === 'external' || t.target.type === 'extension')).toEqual([
      { target: { type: 'external', number: '+15550777' }, label: 'outside number +15550777', external: true },
      { target: { type: 'extension', extension: '31', system: 'teams' }, label: 'extension 31', external: false },
    ]);
  });

  it('R9: an ended call offers nothing', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(hangUp(), 3);
    expect(s.available()).toEqual([]);
    expect(s.nextTimerAt()).toBeNull();
  });
});

describe('hang-ups (R9, R12, R15)', () => {
  it('R9: the agent hanging up while an outbound call is still being dialled ends it, unrecorded', () => {
    const { session, result } = run(testWorkspace(), undefined, outbound(), [[3, hangUp('agent:ana')]]);
    expect(session.ended).toBe(true);
    expect(result).toMatchObject({ ended: true, duration: 3, recorded: false, deletionDate: null, handledBy: { agentIds: ['ana'] } });
  });

  it('R9/R15: the consulting agent hanging up ends the consultation too; with nobody left the call ends', () => {
    const { result } = run(testWorkspace(), assignFlow(), inbound(), [
      [5, answer()],
      [6, { type: 'transfer', agentId: 'ana', mode: 'warm', target: outside(0) }],
      [8, hangUp('agent:ana')],
    ]);
    expect(result.ended).toBe(true);
    expect(spans(result)).toEqual([[5, 8, 'hang-up']]);
    expect(result.externalPortionAt).toBeNull();
  });

  it('R9: an agent who invited someone and hangs up withdraws the invitation', () => {
    const s = startCall(testWorkspace(), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply(conference(outside(1)), 6);
    s.apply(conference({ type: 'agent', agentId: 'cy' }), 6);
    expect(find(s, 'answer')?.agents).toEqual([{ value: 'cy', label: 'Cy' }]);
    s.apply(hangUp('agent:ana'), 7);
    expect(s.ended).toBe(false);
    expect(offered(s)).not.toContain('answer');
    expect(s.apply(answer('cy'), 8)).toMatchObject({ accepted: false, rejection: { code: 'unknown-party' } });
  });

  it('R12: the controlling agent leaving a conference passes control even mid-pause; the pause holds', () => {
    const s = startCall(testWorkspace({ account: { agentPause: true } }), assignFlow(), inbound());
    s.apply(answer(), 5);
    s.apply(conference({ type: 'agent', agentId: 'ben' }), 6);
    s.apply(answer('ben'), 7);
    s.apply({ type: 'pause', agentId: 'ana' }, 10);
    s.apply(hangUp('agent:ana'), 12);
    expect(s.controllingAgentId).toBe('ben');
    expect(s.paused).toBe(true);
    expect(s.apply({ type: 'resume', agentId: 'ben' }, 15)).toEqual({ ok: true, accepted: true });
    s.apply(hangUp(), 20);
    expect(spans(s.result())).toEqual([
      [5, 10, 'paused'],
      [15, 20, 'hang-up'],
    ]);
  });
});

describe('flows the call cannot finish (C1, C4 safety nets)', () => {
  it('C4: a loop of nodes that never wait is ended, with the reason on the timeline', () => {
    const loop = buildFlow(
      [
        ['s', 'start'],
        ['r1', 'recording', { record: 'on' }],
        ['r2', 'recording', { record: 'off' }],
      ],
      [
        ['s', 'next', 'r1'],
        ['r1', 'next', 'r2'],
        ['r2', 'next', 'r1'],
      ],
    );
    const s = startCall(testWorkspace(), loop, inbound());
    expect(s.ended).toBe(true);
    expect(s.result().timeline.markers.at(-1)).toEqual({ at: 0, kind: 'hang-up', label: 'the flow loops without waiting; the call was ended', nodeId: 'r2' });
    // The safety net lets the call take the Start and 10,000 instant steps after it, then ends it.
    expect(s.path).toHaveLength(10_001);
    expect(s.result().segments).toEqual([]);
  });

  it('C1: an edge to a node the flow does not have ends the call, naming the node', () => {
    const s = startCall(testWorkspace(), buildFlow([['s', 'start']], [['s', 'next', 'ghost']]), inbound());
    expect(s.ended).toBe(true);
    expect(s.result().timeline.markers.at(-1)).toEqual({ at: 0, kind: 'hang-up', label: 'the flow has no usable node "ghost"', nodeId: 's' });
  });

  it('C1: a port that leads nowhere ends the call, naming the port and node', () => {
    const s = startCall(testWorkspace(), buildFlow([['s', 'start'], ['p', 'play', { durationSeconds: 3 }]], [['s', 'next', 'p']]), inbound());
    s.runToNextTimer();
    expect(s.ended).toBe(true);
    expect(s.result().timeline.markers.at(-1)).toEqual({ at: 3, kind: 'hang-up', label: 'port "next" of p leads nowhere: the call ends', nodeId: 'p' });
  });

  it('C4: a menu without a timeout waits for a key forever; there is no timer to run to', () => {
    const flow = buildFlow([['s', 'start'], ['m', 'menu', { timeoutSeconds: null }]], [['s', 'next', 'm']], 'f');
    const s = startCall(testWorkspace(), flow, inbound());
    expect(s.nextTimerAt()).toBeNull();
    expect(s.runToNextTimer()).toEqual({ ok: false, error: 'No timer is running.' });
    expect(s.apply({ type: 'wait' }, 3600)).toEqual({ ok: true, accepted: true });
    expect(s.ended).toBe(false);
    expect(s.currentNodeId).toBe('m');
  });
});
