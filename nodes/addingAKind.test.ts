/**
 * Adding a kind is one folder plus one registry line. This test adds a
 * throwaway Overflow kind (`nodes/__fixtures__/overflow/`, written as a newcomer
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
import { OverflowFields } from './__fixtures__/overflow/OverflowFields.tsx';
import { overflowKind } from './__fixtures__/overflow/kind.ts';
import { OverflowNode } from './__fixtures__/overflow/OverflowNode.tsx';
import { getKind, kindNames, kinds } from './index.ts';

// The one registry line: the list in nodes/index.ts, plus the new kind.
vi.mock('./index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('./index.ts')>();
  const { overflowKind: overflow } = await import('./__fixtures__/overflow/kind.ts');
  const kindList = [...real.kindList, overflow];
  return { ...real.registryFor(kindList), kindList, registryFor: real.registryFor };
});

const workspace = loadExampleWorkspace();

/** The support line's flow redrawn with an overflow: Start (serving the support number) → Overflow → (timeout) → Hang up. */
function overflowFlow(overflowData: object = overflowKind.model.defaults()): FlowDoc {
  const parsed = parseFlow({
    format: 'recflow.flow',
    version: 2,
    // The support line's own id: a second flow serving the support number would be a C1 error of its own.
    id: 'support-line',
    name: 'Overflow support',
    nodes: [
      { id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: { label: 'Incoming call', numberIds: ['num-support'] } },
      { id: 'overflow', kind: 'overflow', position: { x: 0, y: 200 }, data: { ...overflowData, maxWaitSeconds: 60 } },
      { id: 'bye', kind: 'hangup', position: { x: 0, y: 400 }, data: { label: 'Goodbye' } },
    ],
    edges: [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'overflow' },
      { id: 'e2', source: 'overflow', sourcePort: 'timeout', target: 'bye' },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

describe('a kind added as one folder and one registry line', () => {
  it('is registered after the existing kinds', () => {
    expect(kindNames.at(-1)).toBe('overflow');
    expect(getKind('overflow')).toBe(overflowKind);
  });

  it('is read and written by the flow document, and only its own data is accepted', () => {
    const flow = overflowFlow();
    expect(parseFlow(serializeFlow(flow))).toEqual({ ok: true, value: flow });
    const bad = parseFlow({ ...JSON.parse(serializeFlow(flow)), nodes: flow.nodes.map((n) => (n.id === 'overflow' ? { ...n, data: { label: 'Q' } } : n)) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toContain('$.nodes[1].data.ringGroupId');
  });

  it('appears in the generated flow JSON Schema with its data schema', () => {
    const schema = JSON.stringify(buildSchemas().flow);
    expect(schema).toContain('"const":"overflow"');
    expect(schema).toContain(`Overflow: ${overflowKind.model.description}`);
    expect(schema).toContain('"maxWaitSeconds"');
  });

  it('is checked through its traits: an agent answers there (C2), the call can leave the flow there (C4), and its own check runs', () => {
    const flow = overflowFlow();
    const problems = checkFlow(flow, { workspace });
    // R7: inbound recording is on for the support number, and nobody said the call is recorded.
    expect(problems).toContainEqual(expect.objectContaining({ code: 'C2-no-notice', nodeId: 'overflow', severity: 'warning' }));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);

    // C4: a loop overflow → "still busy" → overflow has a way out (an agent answers); the same loop through a Voicemail has none.
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
    const overflow = flow.nodes[1]!;
    const voicemail = { id: 'vm', kind: 'voicemail', position: { x: 0, y: 200 }, data: { label: 'VM', prompt: 'Speak.', maxLengthSeconds: 30 } } as FlowNode;
    expect(checkFlow(loopThrough(overflow, 'timeout'), { workspace }).map((p) => p.code)).not.toContain('C4-loop-no-exit');
    expect(checkFlow(loopThrough(voicemail, 'next'), { workspace }).map((p) => p.code)).toContain('C4-loop-no-exit');

    const unknownGroup = overflowFlow({ ...overflowKind.model.defaults(), ringGroupId: 'rg-gone' });
    expect(checkFlow(unknownGroup, { workspace })).toContainEqual(
      expect.objectContaining({ code: 'unknown-ring-group', nodeId: 'overflow', field: 'ringGroupId' }),
    );
  });

  it('runs in a simulated call through its behaviour: ringing its group, recording once an agent answers (R7)', () => {
    const flow = overflowFlow();
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
      expect(uiOf('overflow')).toEqual({ View: OverflowNode, Form: OverflowFields });
      expect(fieldsFor('overflow')).toBe(OverflowFields);
      expect(Object.keys(nodeTypes())).toContain('overflow');
      expect(paletteKinds).toContain('overflow');
      expect(kindStyleSheet(kinds)).toContain(`--kind-overflow: ${overflowKind.look.color.light};`);
      expect(kindStyleSheet(kinds)).toContain(`--kind-overflow: ${overflowKind.look.color.dark};`);
      const node = overflowFlow().nodes.find((n) => n.id === 'overflow')!;
      expect(estimateNode(node)).toMatchObject({ height: overflowKind.look.estimatedHeight, width: 208 });
      expect(searchNodes(overflowFlow(), 'overflow team').map((h) => h.node.id)).toEqual(['overflow']);
    });

    it('draws through the shared node frame with its title, icon colour, fields and port', () => {
      const node = overflowFlow().nodes.find((n) => n.id === 'overflow')!;
      const html = renderToStaticMarkup(
        createElement(
          KindLookupContext.Provider,
          { value: getKind },
          createElement(ReactFlowProvider, null, createElement(OverflowNode as never, { id: 'overflow', data: { node, problems: [], sim: null }, selected: false })),
        ),
      );
      expect(html).toContain('>Overflow<');
      expect(html).toContain('var(--kind-overflow');
      expect(html).toContain('Waits up to');
      expect(html).toContain('>timeout<');
    });
  });

  it('gets the standard node stories from the scaffold, with a node of its defaults where the sample flow has none', () => {
    const kit = nodeStories('overflow' as FlowNode['kind'], OverflowNode as never, { data: (d) => ({ ...(d as object), ringGroupId: 'rg-gone' }) as never });
    expect(kit.node.kind).toBe('overflow');
    expect(kit.meta.args.view).toBe(OverflowNode);
    expect(Object.keys(kit.stories)).toEqual(['Default', 'Selected', 'WithProblems', 'ActiveInSimulation', 'ChangedInComparison']);
    expect(kit.stories.WithProblems.args?.problems).toContainEqual(expect.objectContaining({ code: 'unknown-ring-group' }));
  });
});
