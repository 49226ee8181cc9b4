/**
 * Where an inbound call enters its flow (R4), and flows holding a node this version of Recflow does not know
 * (a file from a newer version, or a kind removed since): the call runs up to that node instead of failing.
 */
import { describe, expect, it } from 'vitest';
import type { FlowDoc, FlowNode } from '../document/flow.ts';
import { startCall } from './session.ts';
import { buildFlow, testWorkspace } from './testkit.ts';

const inbound = { direction: 'inbound', numberId: 'main', callerNumber: '+15550111' } as const;

describe('R4: the entry a call takes', () => {
  it('enters at the Start wherever it stands in the node list, not at the first node', () => {
    const flow = buildFlow(
      [
        ['hello', 'play', { durationSeconds: 5 }],
        ['s', 'start', { numberIds: [] }],
        ['bye', 'hangup', {}],
      ],
      [
        ['s', 'next', 'bye'],
        ['hello', 'next', 'bye'],
      ],
    );
    const call = startCall(testWorkspace(), flow, inbound);
    expect(call.path).toEqual(['s', 'bye']);
    expect(call.ended).toBe(true);
  });
});

describe('a node of a kind this version does not know', () => {
  const withUnknown = (): FlowDoc => {
    const flow = buildFlow(
      [
        ['s', 'start', { numberIds: ['main'] }],
        ['bye', 'hangup', {}],
      ],
      [['s', 'next', 'future']],
    );
    const future = { id: 'future', kind: 'teleport', position: { x: 0, y: 0 }, data: {} } as unknown as FlowNode;
    return { ...flow, nodes: [...flow.nodes, future] };
  };

  it('ends the call where it would enter that node, saying why, instead of failing the simulation', () => {
    const call = startCall(testWorkspace(), withUnknown(), inbound);
    expect(call.ended).toBe(true);
    expect(call.path).toEqual(['s']);
    expect(call.result().timeline.markers.at(-1)).toMatchObject({ at: 0, kind: 'hang-up', label: 'the flow has no usable node "future"' });
  });
});
