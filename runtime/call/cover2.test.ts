/**
 * `recflow cover` on small flows: which situations the walk explores (every key, the timer, one answer, an outside
 * number answering), which calls become scenarios and what each covers, how nodes and ports are split into
 * reachable / covered / missed / unreachable, the number the call is placed to, and the maxStates safety net.
 */
import { describe, expect, it } from 'vitest';
import { coverCall, coverFlow, expectationOf } from './cover.ts';
import { buildFlow, testWorkspace } from './testkit.ts';

const label = (p: { nodeId: string; port: string }) => `${p.nodeId}:${p.port}`;
const start = (numberIds: string[] = ['main']) => ['s', 'start', { numberIds }] as const;

describe('recflow cover: the scenarios generated for small flows', () => {
  it('R9: a flow that hangs up at once is covered by one call with no moves, named after the port it leaves by', () => {
    const flow = buildFlow([[...start()], ['bye', 'hangup']], [['s', 'next', 'bye']]);
    const report = coverFlow(testWorkspace(), flow);
    expect(report.explored).toBe(1);
    expect(report.scenarios.map((s) => ({ name: s.name, actions: s.actions, covers: s.covers }))).toEqual([
      { name: 'Cover 01: s:next', actions: [], covers: { nodes: ['s', 'bye'], ports: [{ nodeId: 's', port: 'next' }] } },
    ]);
    expect(report.scenarios[0]!.result.ended).toBe(true);
    expect(report.scenarios[0]!.result.path).toEqual(['s', 'bye']);
  });

  it('a scenario that covers no port is named after the nodes it reaches (a Start with no connection ends the call)', () => {
    const flow = buildFlow([[...start()]], []);
    const report = coverFlow(testWorkspace(), flow);
    expect(report.scenarios.map((s) => [s.name, s.actions, s.covers])).toEqual([
      ['Cover 01: s', [], { nodes: ['s'], ports: [] }],
    ]);
    expect(report.nodes).toEqual({ reachable: ['s'], covered: ['s'], missed: [], unreachable: [] });
    expect(report.ports).toEqual({ reachable: [], covered: [], missed: [], unreachable: [] });
  });

  it('a menu: one call per way out, numbered in order, the call with the most new ports first and ties to the shorter call', () => {
    const flow = buildFlow(
      [
        [...start()],
        ['m', 'menu', { timeoutSeconds: 5, options: [{ digit: '1', label: 'A' }, { digit: '2', label: 'B' }] }],
        ['p', 'play', { durationSeconds: 2 }],
        ['bye', 'hangup'],
      ],
      [
        ['s', 'next', 'm'],
        ['m', '1', 'p'],
        ['m', '2', 'bye'],
        ['m', 'timeout', 'bye'],
        ['p', 'next', 'bye'],
      ],
    );
    const report = coverFlow(testWorkspace(), flow);
    // The menu waiting, the message playing after 1, the call ended: three situations.
    expect(report.explored).toBe(3);
    expect(report.scenarios.map((s) => [s.name, s.actions, s.covers.nodes, s.covers.ports.map(label)])).toEqual([
      [
        'Cover 01: s:next, m:1, p:next',
        [
          { type: 'press', digit: '1', at: 1 },
          { type: 'wait', at: 3 },
        ],
        ['s', 'm', 'p', 'bye'],
        ['s:next', 'm:1', 'p:next'],
      ],
      ['Cover 02: m:2', [{ type: 'press', digit: '2', at: 1 }], [], ['m:2']],
      ['Cover 03: m:timeout', [{ type: 'wait', at: 5 }], [], ['m:timeout']],
    ]);
    for (const s of report.scenarios) expect(s.result.ended).toBe(true);
    expect(report.ports.missed).toEqual([]);
    expect(report.ports.covered.map(label)).toEqual(['s:next', 'm:1', 'm:2', 'm:timeout', 'p:next']);
  });

  it('a menu whose options lead nowhere: the call ends on the first key offered, and that call is the scenario', () => {
    const flow = buildFlow([[...start()], ['m', 'menu', { timeoutSeconds: 5, options: [{ digit: '1', label: 'A' }] }]], [['s', 'next', 'm']]);
    const report = coverFlow(testWorkspace(), flow);
    // The menu waiting and the call ended (an unconnected way out ends the call).
    expect(report.explored).toBe(2);
    expect(report.scenarios.map((s) => [s.name, s.actions, s.covers.nodes])).toEqual([['Cover 01: s:next', [{ type: 'press', digit: '1', at: 1 }], ['s', 'm']]]);
    expect(report.scenarios[0]!.result.ended).toBe(true);
  });

  it('calls ending on different Hangup nodes end in one situation: the walk does not explore an ended call twice', () => {
    const flow = buildFlow(
      [
        [...start()],
        ['m', 'menu', { timeoutSeconds: 5, options: [{ digit: '1', label: 'A' }, { digit: '2', label: 'B' }] }],
        ['b1', 'hangup'],
        ['b2', 'hangup'],
      ],
      [
        ['s', 'next', 'm'],
        ['m', '1', 'b1'],
        ['m', '2', 'b2'],
        ['m', 'timeout', 'b1'],
      ],
    );
    const report = coverFlow(testWorkspace(), flow);
    expect(report.explored).toBe(2);
    expect(report.scenarios.map((s) => [s.name, s.covers.nodes])).toEqual([
      ['Cover 01: s:next, m:1', ['s', 'm', 'b1']],
      ['Cover 02: m:2', ['b2']],
      ['Cover 03: m:timeout', []],
    ]);
  });

  it('an agent answering is explored as its own situation, and the no-answer timer covers the voicemail (R25)', () => {
    const flow = buildFlow(
      [
        [...start()],
        ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 20 }],
        ['vm', 'voicemail', { maxLengthSeconds: 30 }],
      ],
      [
        ['s', 'next', 'a'],
        ['a', 'noAnswer', 'vm'],
      ],
    );
    const report = coverFlow(testWorkspace(), flow);
    // Ringing, answered by the first agent offered, leaving a voicemail, ended.
    expect(report.explored).toBe(4);
    expect(report.scenarios.map((s) => [s.name, s.actions])).toEqual([
      [
        'Cover 01: s:next, a:noAnswer',
        [
          { type: 'wait', at: 20 },
          { type: 'hangUp', party: 'contact', at: 21 },
        ],
      ],
    ]);
    expect(report.nodes.missed).toEqual([]);
  });

  it('R16: an outside number answering a transfer is explored, and its ring timing out covers the failed port', () => {
    const flow = buildFlow(
      [[...start()], ['t', 'transfer', {}], ['bye', 'hangup']],
      [
        ['s', 'next', 't'],
        ['t', 'failed', 'bye'],
      ],
    );
    const report = coverFlow(testWorkspace(), flow);
    // Ringing the outside number, the outside number answered, ended.
    expect(report.explored).toBe(3);
    expect(report.scenarios.map((s) => [s.name, s.actions])).toEqual([['Cover 01: s:next, t:failed', [{ type: 'wait', at: 30 }]]]);
  });

  it('a node only a Hangup leads to is reachable but missed: no call can take that connection', () => {
    const flow = buildFlow(
      [[...start()], ['bye', 'hangup'], ['x', 'play', {}]],
      [
        ['s', 'next', 'bye'],
        ['bye', 'next', 'x'],
      ],
    );
    const report = coverFlow(testWorkspace(), flow);
    expect(report.nodes).toEqual({ reachable: ['s', 'bye', 'x'], covered: ['s', 'bye'], missed: ['x'], unreachable: [] });
    expect(report.ports).toEqual({
      reachable: [
        { nodeId: 's', port: 'next' },
        { nodeId: 'bye', port: 'next' },
      ],
      covered: [{ nodeId: 's', port: 'next' }],
      missed: [{ nodeId: 'bye', port: 'next' }],
      unreachable: [],
    });
  });

  it('maxStates: the walk stops with an error past the limit, and a limit above the flow size changes nothing', () => {
    const flow = buildFlow(
      [
        [...start()],
        ['m', 'menu', { timeoutSeconds: 5, options: [{ digit: '1', label: 'A' }] }],
        ['p', 'play', { durationSeconds: 2 }],
      ],
      [
        ['s', 'next', 'm'],
        ['m', '1', 'p'],
        ['m', 'timeout', 'p'],
      ],
    );
    expect(() => coverFlow(testWorkspace(), flow, { maxStates: 1 })).toThrow(/limit/);
    expect(coverFlow(testWorkspace(), flow, { maxStates: 50 }).ports.missed).toEqual([]);
  });
});

describe('recflow cover: the call a flow is covered with', () => {
  const flowListing = (numberIds: string[]) => buildFlow([[...start(numberIds)], ['bye', 'hangup']], [['s', 'next', 'bye']]);

  it('is inbound from a fixed caller, to the first number the Start lists that the workspace has', () => {
    expect(coverCall(testWorkspace(), flowListing(['sales']))).toEqual({ direction: 'inbound', numberId: 'sales', callerNumber: '+15550199' });
    expect(coverCall(testWorkspace(), flowListing(['gone', 'sales', 'main']))).toMatchObject({ numberId: 'sales' });
    expect(coverFlow(testWorkspace(), flowListing(['sales'])).call).toMatchObject({ numberId: 'sales' });
  });

  it('falls back to the workspace first number, then the first number listed, then "cover"', () => {
    expect(coverCall(testWorkspace(), flowListing(['gone']))).toMatchObject({ numberId: 'main' });
    expect(coverCall(testWorkspace(), flowListing([]))).toMatchObject({ numberId: 'main' });
    const noNumbers = { ...testWorkspace(), numbers: [] };
    expect(coverCall(noNumbers, flowListing(['gone', 'other']))).toMatchObject({ numberId: 'gone' });
    expect(coverCall(noNumbers, flowListing([]))).toMatchObject({ numberId: 'cover' });
    // A flow without a Start: no number listed.
    expect(coverCall(noNumbers, buildFlow([['p', 'play', {}]], []))).toMatchObject({ numberId: 'cover' });
    expect(coverCall(testWorkspace(), buildFlow([['p', 'play', {}]], []))).toMatchObject({ numberId: 'main' });
  });
});

describe('recflow cover: the expectation written for a scenario', () => {
  it('keeps each segment and voicemail on the fields a reviewer reads (R25)', () => {
    const flow = buildFlow(
      [[...start()], ['r', 'recording', {}], ['vm', 'voicemail', { maxLengthSeconds: 30 }]],
      [
        ['s', 'next', 'r'],
        ['r', 'next', 'vm'],
      ],
    );
    const report = coverFlow(testWorkspace(), flow);
    const result = report.scenarios[0]!.result;
    const exp = expectationOf(result);
    expect(result.voicemails.length).toBeGreaterThan(0);
    expect(result.segments.length).toBeGreaterThan(0);
    expect(exp.segments).toEqual(
      result.segments.map((s) => ({ start: s.start, end: s.end, channelA: s.channelA, channelB: s.channelB, endReason: s.endReason, sides: s.sides })),
    );
    expect(exp.segments![0]!.start).toBe(0);
    expect(exp.voicemails).toEqual(result.voicemails.map((v) => ({ nodeId: v.nodeId, start: v.start, end: v.end, endReason: v.endReason })));
    expect(exp.voicemails![0]!.nodeId).toBe('vm');
    expect(exp.path).toEqual(['s', 'r', 'vm']);
  });
});
