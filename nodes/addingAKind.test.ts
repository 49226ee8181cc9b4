/**
 * Adding a kind is one folder plus one registry line. This test adds a
 * throwaway Queue kind (`nodes/__fixtures__/queue/`, written as a newcomer
 * would) to the registry's list, exactly as its line in `nodes/index.ts`
 * would, and shows that everything that reads kinds picks it up with no other
 * edit: documents and their JSON Schema, the flow checks (through its
 * traits), the call runtime (through its behaviour), the editor's canvas
 * view, form, palette, search, colours and size estimate, and the stories
 * scaffold.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReactFlowProvider } from '@xyflow/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadExampleWorkspace } from '../examples/index.ts';
import { searchNodes } from '../editor/canvas/search.ts';
import { estimateNode } from '../editor/canvas/estimate.ts';
import { nodeTypes } from '../editor/canvas/nodeTypes.ts';
import { fieldsFor } from '../editor/inspector/Inspector.tsx';
import { loadKindUis, uiOf } from '../editor/kindUi.ts';
import { KindLookupContext } from '../editor/kit/kindLookup.ts';
import { kindStyleSheet } from '../editor/kit/kindStyles.ts';
import { paletteKinds } from '../editor/palette/Palette.tsx';
import { startCall } from '../runtime/call/session.ts';
import { checkFlow } from '../runtime/checks/checkFlow.ts';
import { type FlowDoc, type FlowNode, parseFlow, serializeFlow } from '../runtime/document/flow.ts';
import { buildSchemas } from '../runtime/document/jsonSchema.ts';
import { nodeStories } from '../stories/nodeStory.tsx';
import { QueueFields } from './__fixtures__/queue/QueueFields.tsx';
import { queueKind } from './__fixtures__/queue/kind.ts';
import { QueueNode } from './__fixtures__/queue/QueueNode.tsx';
import { getKind, kindNames, kinds } from './index.ts';

// The one registry line: the list in nodes/index.ts, plus the new kind.
vi.mock('./index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./index.ts')>();
  const { queueKind: queue } = await import('./__fixtures__/queue/kind.ts');
  const kindList = [...real.kindList, queue];
  return { ...real.registryFor(kindList), kindList, registryFor: real.registryFor };
});

const workspace = loadExampleWorkspace();

/** The support line's flow redrawn with a queue: Start (serving the support number) → Queue → (timeout) → Hang up. */
function queueFlow(queueData: object = queueKind.model.defaults()): FlowDoc {
  const parsed = parseFlow({
    format: 'recflow.flow',
    version: 2,
    // The support line's own id: a second flow serving the support number would be a C1 error of its own.
    id: 'support-line',
    name: 'Queued support',
    nodes: [
      { id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: { label: 'Incoming call', numberIds: ['num-support'] } },
      { id: 'queue', kind: 'queue', position: { x: 0, y: 200 }, data: { ...queueData, maxWaitSeconds: 60 } },
      { id: 'bye', kind: 'hangup', position: { x: 0, y: 400 }, data: { label: 'Goodbye' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'queue' },
      { id: 'e2', source: 'queue', sourcePort: 'timeout', target: 'bye' },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe('a kind added as one folder and one registry line', () => {
  it('is registered after the existing kinds', () => {
    expect(kindNames.at(-1)).toBe('queue');
    expect(getKind('queue')).toBe(queueKind);
  });

  it('is read and written by the flow document, and only its own data is accepted', () => {
    const flow = queueFlow();
    expect(parseFlow(serializeFlow(flow))).toEqual({ ok: true, value: flow });
    const bad = parseFlow({ ...JSON.parse(serializeFlow(flow)), nodes: flow.nodes.map((n) => (n.id === 'queue' ? { ...n, data: { label: 'Q' } } : n)) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toContain('$.nodes[1].data.ringGroupId');
  });

  it('appears in the generated flow JSON Schema with its data schema', () => {
    const schema = JSON.stringify(buildSchemas().flow);
    expect(schema).toContain('"const":"queue"');
    expect(schema).toContain(`Queue: ${queueKind.model.description}`);
    expect(schema).toContain('"maxWaitSeconds"');
  });

  it('is checked through its traits: an agent answers there (C2), the call can leave the flow there (C4), and its own check runs', () => {
    const flow = queueFlow();
    const problems = checkFlow(flow, { workspace });
    // R7: inbound recording is on for the support number, and nobody said the call is recorded.
    expect(problems).toContainEqual(expect.objectContaining({ code: 'C2-no-notice', nodeId: 'queue', severity: 'warning' }));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);

    // C4: a loop queue → "still busy" → queue has a way out (an agent answers); the same loop through a Voicemail has none.
    const sorry = { id: 'sorry', kind: 'play', position: { x: 200, y: 300 }, data: { label: 'Sorry', text: 'Still busy.', durationSeconds: 2, recordingNotice: false } };
    const loopThrough = (node: FlowNode, port: string): FlowDoc => ({
      ...flow,
      nodes: [flow.nodes[0]!, node, sorry as FlowNode],
      edges: [
        { id: 'e1', source: 'start', sourcePort: 'next', target: node.id },
        { id: 'e2', source: node.id, sourcePort: port, target: 'sorry' },
        { id: 'e3', source: 'sorry', sourcePort: 'next', target: node.id },
      ],
    });
    const queue = flow.nodes[1]!;
    const voicemail = { id: 'vm', kind: 'voicemail', position: { x: 0, y: 200 }, data: { label: 'VM', prompt: 'Speak.', maxLengthSeconds: 30 } } as FlowNode;
    expect(checkFlow(loopThrough(queue, 'timeout'), { workspace }).map((p) => p.code)).not.toContain('C4-loop-no-exit');
    expect(checkFlow(loopThrough(voicemail, 'next'), { workspace }).map((p) => p.code)).toContain('C4-loop-no-exit');

    const unknownGroup = queueFlow({ ...queueKind.model.defaults(), ringGroupId: 'rg-gone' });
    expect(checkFlow(unknownGroup, { workspace })).toContainEqual(
      expect.objectContaining({ code: 'unknown-ring-group', nodeId: 'queue', field: 'ringGroupId' }),
    );
  });

  it('runs in a simulated call through its behaviour: ringing its group, recording once an agent answers (R7)', () => {
    const flow = queueFlow();
    const call = startCall(workspace, flow, { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' });
    expect(call.nextTimerAt()).toBe(60);
    expect(call.apply({ type: 'answer', agentId: 'ag-ben' }, 10)).toMatchObject({ ok: true, accepted: true });
    call.apply({ type: 'hangUp', party: 'contact' }, 70);
    const result = call.result();
    expect(result.segments).toEqual([expect.objectContaining({ start: 10, end: 70, endReason: 'hang-up' })]);
    expect(result.handledBy).toEqual({ agentIds: ['ag-ben'], ringGroupIds: ['rg-support'] });

    const unanswered = startCall(workspace, flow, { direction: 'inbound', numberId: 'num-support', callerNumber: '+15550111' });
    unanswered.runToNextTimer();
    expect(unanswered.result().recorded).toBe(false);
  });

  describe('in the editor', () => {
    beforeAll(async () => {
      await loadKindUis();
    });

    it('has its canvas view, its inspector form, a palette entry, a colour and a size estimate', () => {
      expect(uiOf('queue')).toEqual({ View: QueueNode, Form: QueueFields });
      expect(fieldsFor('queue')).toBe(QueueFields);
      expect(Object.keys(nodeTypes())).toContain('queue');
      expect(paletteKinds).toContain('queue');
      expect(kindStyleSheet(kinds)).toContain(`--kind-queue: ${queueKind.look.color.light};`);
      expect(kindStyleSheet(kinds)).toContain(`--kind-queue: ${queueKind.look.color.dark};`);
      const node = queueFlow().nodes.find((n) => n.id === 'queue')!;
      expect(estimateNode(node)).toMatchObject({ height: queueKind.look.estimatedHeight, width: 208 });
      expect(searchNodes(queueFlow(), 'support queue').map((h) => h.node.id)).toEqual(['queue']);
    });

    it('draws through the shared node frame with its title, icon colour, fields and port', () => {
      const node = queueFlow().nodes.find((n) => n.id === 'queue')!;
      const html = renderToStaticMarkup(
        createElement(
          KindLookupContext.Provider,
          { value: getKind },
          createElement(ReactFlowProvider, null, createElement(QueueNode as never, { id: 'queue', data: { node, problems: [], sim: null }, selected: false })),
        ),
      );
      expect(html).toContain('>Queue<');
      expect(html).toContain('var(--kind-queue');
      expect(html).toContain('Waits up to');
      expect(html).toContain('>timeout<');
    });
  });

  it('gets the standard node stories from the scaffold, with a node of its defaults where the sample flow has none', () => {
    const kit = nodeStories('queue' as FlowNode['kind'], QueueNode as never, { data: (d) => ({ ...(d as object), ringGroupId: 'rg-gone' }) as never });
    expect(kit.node.kind).toBe('queue');
    expect(kit.meta.args.view).toBe(QueueNode);
    expect(Object.keys(kit.stories)).toEqual(['Default', 'Selected', 'WithProblems', 'ActiveInSimulation', 'ChangedInComparison']);
    expect(kit.stories.WithProblems.args?.problems).toContainEqual(expect.objectContaining({ code: 'unknown-ring-group' }));
  });
});
