import { describe, expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../examples/index.ts';
import { coverFlow, expectationOf } from './cover.ts';
import { checkExpectation, simulate } from './scenario.ts';
import { buildFlow, testWorkspace } from './testkit.ts';

describe('recflow cover: scenarios that reach every node and port', () => {
  const ws = loadExampleWorkspace();

  it.each(ws.flows.map((f) => [f.id, f] as const))('the example flow %s is covered in full, and each scenario passes its own expectation', (_id, flow) => {
    const report = coverFlow(ws, flow);
    expect(report.nodes.missed).toEqual([]);
    expect(report.ports.missed).toEqual([]);
    expect(report.nodes.covered).toHaveLength(flow.nodes.length);
    expect(report.ports.covered).toHaveLength(flow.edges.length);
    expect(report.scenarios.length).toBeGreaterThan(0);
    for (const s of report.scenarios) {
      const result = simulate(ws, flow, { call: s.call, actions: s.actions });
      // R9: every generated call ends (the contact hangs up after the last move if the flow did not end it).
      expect(result.ended).toBe(true);
      expect(checkExpectation(result, expectationOf(s.result))).toEqual([]);
    }
  });

  it('chooses key presses, timeouts, answers and no-answers: every menu option, the invalid key and the timeout', () => {
    const flow = buildFlow(
      [
        ['s', 'start', { numberIds: ['main'] }],
        ['m', 'menu', { timeoutSeconds: 5, options: [{ digit: '1', label: 'A' }, { digit: '2', label: 'B' }] }],
        ['a', 'assign', { target: { type: 'ringGroup', ringGroupId: 'support' }, ringTimeoutSeconds: 20 }],
        ['vm', 'voicemail', { maxLengthSeconds: 30 }],
        ['bye', 'hangup'],
      ],
      [
        ['s', 'next', 'm'],
        ['m', '1', 'a'],
        ['m', '2', 'vm'],
        ['m', 'invalid', 'm'],
        ['m', 'timeout', 'bye'],
        ['a', 'noAnswer', 'vm'],
      ],
    );
    const report = coverFlow(testWorkspace(), flow);
    expect(report.ports.covered.map((p) => `${p.nodeId}:${p.port}`).sort()).toEqual(['a:noAnswer', 'm:1', 'm:2', 'm:invalid', 'm:timeout', 's:next']);
    expect(report.nodes.missed).toEqual([]);
    const moves = report.scenarios.flatMap((s) => s.actions.map((a) => a.type));
    expect(moves).toEqual(expect.arrayContaining(['press', 'wait']));
  });

  it('R26/R27/R25: chooses every outcome of a decision, a step failing and a queue being full', () => {
    const flow = buildFlow(
      [
        ['s', 'start', { numberIds: ['main'] }],
        ['st', 'step', { seconds: 2 }],
        ['d', 'decision', { outcomes: [{ name: 'gold', condition: '$.Attributes.tier = gold' }, { name: 'silver', condition: 'tier = silver' }] }],
        ['q', 'queue', { target: { type: 'ringGroup', ringGroupId: 'support' }, maxWaitSeconds: 60 }],
        ['p', 'play', { durationSeconds: 3 }],
        ['bye', 'hangup'],
      ],
      [
        ['s', 'next', 'st'],
        ['st', 'next', 'd'],
        ['st', 'error', 'bye'],
        ['d', 'gold', 'q'],
        ['d', 'silver', 'p'],
        ['d', 'noMatch', 'bye'],
        ['q', 'timeout', 'p'],
        ['q', 'error', 'bye'],
      ],
    );
    const report = coverFlow(testWorkspace(), flow);
    expect(report.ports.missed).toEqual([]);
    expect(report.ports.covered.map((p) => `${p.nodeId}:${p.port}`).sort()).toEqual([
      'd:gold',
      'd:noMatch',
      'd:silver',
      'q:error',
      'q:timeout',
      's:next',
      'st:error',
      'st:next',
    ]);
    const chosen = report.scenarios.flatMap((s) => s.actions.flatMap((a) => (a.type === 'choose' ? [a.option] : [])));
    expect(new Set(chosen)).toEqual(new Set(['next', 'error', 'gold', 'silver', 'noMatch']));
    for (const sc of report.scenarios) expect(simulate(testWorkspace(), flow, { call: sc.call, actions: sc.actions }).ended).toBe(true);
  });

  it('lists nodes and ports no connection leads to as unreachable and does not count them', () => {
    const flow = buildFlow(
      [
        ['s', 'start', { numberIds: ['main'] }],
        ['p', 'play', { durationSeconds: 2 }],
        ['orphan', 'play', { durationSeconds: 2 }],
        ['bye', 'hangup'],
      ],
      [
        ['s', 'next', 'p'],
        ['p', 'next', 'bye'],
        ['orphan', 'next', 'bye'],
      ],
    );
    const report = coverFlow(testWorkspace(), flow);
    expect(report.nodes.unreachable).toEqual(['orphan']);
    expect(report.ports.unreachable).toEqual([{ nodeId: 'orphan', port: 'next' }]);
    expect(report.nodes.reachable).toEqual(['s', 'p', 'bye']);
    expect(report.nodes.missed).toEqual([]);
    expect(report.ports.covered).toHaveLength(2);
  });

  it('ends on flows that loop: a menu whose invalid key leads back to a message before it', () => {
    const flow = buildFlow(
      [
        ['s', 'start', { numberIds: ['main'] }],
        ['p', 'play', { durationSeconds: 1 }],
        ['m', 'menu', { timeoutSeconds: 3, options: [{ digit: '1', label: 'again' }] }],
      ],
      [
        ['s', 'next', 'p'],
        ['p', 'next', 'm'],
        ['m', '1', 'p'],
        ['m', 'invalid', 'p'],
        ['m', 'timeout', 'p'],
      ],
    );
    const report = coverFlow(testWorkspace(), flow);
    expect(report.ports.missed).toEqual([]);
    expect(report.explored).toBeLessThan(20);
  });
});
