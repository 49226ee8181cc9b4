import { describe, expect, it } from 'vitest';
import { getModel } from '../../nodes/index.ts';
import { loadExampleWorkspace } from '../../examples/index.ts';
import { checkFlow } from '../../runtime/checks/checkFlow.ts';
import { createFlow, type FlowDoc } from '../../runtime/document/flow.ts';
import { addNode, connect, setNodeData } from '../store/edits.ts';
import { createEditorStore } from '../store/store.ts';
import { CLIPBOARD_FORMAT, copyFragment, fragmentFromText, fragmentToText } from './clipboard.ts';
import { effectiveDefaults } from './EffectiveContext.tsx';
import { estimateNode } from './estimate.ts';
import { layoutFlow } from './layout.ts';
import { groupProblems, reconcileEdges, reconcileNodes } from './reconcile.ts';
import { searchNodes, workspaceNames } from './search.ts';

function sample() {
  const ws = loadExampleWorkspace();
  return { ws, flow: ws.flows[0]! };
}

describe('reconcile', () => {
  it('gives unmeasured nodes of a large flow an estimated size and one handle per port, and keeps a measurement', () => {
    const { ws, flow } = sample();
    const problems = groupProblems(checkFlow(flow, { workspace: ws }), new Map());
    const inputs = { flow, problems, selected: new Set<string>(), sim: null };
    // Small flows: React Flow measures every node as before.
    expect(reconcileNodes([], inputs).every((n) => n.handles === undefined && n.initialWidth === undefined)).toBe(true);
    const rf = reconcileNodes([], { ...inputs, estimate: true });
    for (const n of rf) {
      const node = n.data.node;
      const ports = getModel(node.kind)!.ports(node.data as never);
      expect(n.initialWidth).toBeGreaterThanOrEqual(208);
      expect(n.initialHeight).toBeGreaterThan(0);
      expect(n.handles!.map((h) => `${h.type}:${h.id}`)).toEqual(['target:in', ...ports.map((p) => `source:${p.id}`)]);
      // Output handles sit inside the node's width, left to right.
      const xs = n.handles!.filter((h) => h.type === 'source').map((h) => h.x);
      expect([...xs].sort((a, b) => a - b)).toEqual(xs);
      for (const x of xs) {
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(n.initialWidth!);
      }
    }
    // Once React Flow has measured a node (and the canvas dropped its estimated handles) an edit keeps the measurement.
    const first = rf[0]!;
    const { handles: _h, ...measured } = { ...first, measured: { width: 300, height: 120 } };
    const edited = { ...flow, nodes: flow.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: 1, y: 2 } } : n)) };
    const again = reconcileNodes([measured, ...rf.slice(1)], { ...inputs, flow: edited, estimate: true });
    expect(again[0]!.measured).toEqual({ width: 300, height: 120 });
    expect(again[0]!.handles).toBeUndefined();
    // A switched-to flow's nodes that share ids with the previous flow's are left to React Flow to measure.
    const some = reconcileNodes([], { ...inputs, estimate: (id) => id !== first.id });
    expect(some[0]!.handles).toBeUndefined();
    expect(some[0]!.initialWidth).toBeUndefined();
    expect(some.slice(1).every((n) => n.handles !== undefined)).toBe(true);
  });

  it('estimates a Menu handle under each option cell', () => {
    const menu = sample().flow.nodes.find((n) => n.kind === 'menu')!;
    const e = estimateNode(menu);
    const ports = getModel('menu')!.ports(menu.data as never);
    expect(e.width).toBe(Math.max(208, ports.length * 72));
    expect(e.handles).toHaveLength(ports.length + 1);
  });

  it('keeps the React Flow object of every unchanged node and edge when one node changes', () => {
    const { ws } = sample();
    const store = createEditorStore(ws, 'support-line');
    const flow1 = store.getState().workspace.flows[0]!;
    const problems1 = groupProblems(checkFlow(flow1, { workspace: ws }), new Map());
    const inputs = { selected: new Set<string>(), sim: null };
    const rf1 = reconcileNodes([], { flow: flow1, problems: problems1, ...inputs });
    const e1 = reconcileEdges([], flow1);

    const bye = flow1.nodes.find((n) => n.id === 'bye')!;
    setNodeData(store, 'support-line', 'bye', { ...bye.data, label: 'See you' });
    const flow2 = store.getState().workspace.flows[0]!;
    const problems2 = groupProblems(checkFlow(flow2, { workspace: ws }), problems1);
    const rf2 = reconcileNodes(rf1, { flow: flow2, problems: problems2, ...inputs });
    const changed = rf2.filter((n, i) => n !== rf1[i]).map((n) => n.id);
    expect(changed).toEqual(['bye']);
    // Only the edge into the renamed node is rebuilt: it is announced by the nodes' names.
    const e2 = reconcileEdges(e1, flow2);
    expect(e2.filter((e, i) => e !== e1[i]).map((e) => e.id)).toEqual(flow2.edges.filter((e) => e.target === 'bye').map((e) => e.id));
    expect(e2.find((e) => e.target === 'bye')?.ariaLabel).toBe('Connection from Support voicemail, port next, to See you');
    // Nothing changed since: the very same array comes back.
    expect(reconcileEdges(e2, flow2)).toBe(e2);
    // Nothing changed: the same array, so React Flow has nothing to do.
    expect(reconcileNodes(rf2, { flow: flow2, problems: problems2, ...inputs })).toBe(rf2);
  });

  it('rebuilds only the nodes whose selection or simulation highlight changed', () => {
    const { flow } = sample();
    const base = { flow, problems: new Map(), sim: null };
    const a = reconcileNodes([], { ...base, selected: new Set<string>() });
    const b = reconcileNodes(a, { ...base, selected: new Set(['menu']) });
    expect(b.filter((n, i) => n !== a[i]).map((n) => n.id)).toEqual(['menu']);
    expect(b.find((n) => n.id === 'menu')!.selected).toBe(true);
    const c = reconcileNodes(b, { ...base, selected: new Set(['menu']), sim: { activeNodeId: 'notice', visitedNodeIds: ['start'] } });
    expect(c.filter((n, i) => n !== b[i]).map((n) => n.id)).toEqual(['start', 'notice']);
    expect(c.find((n) => n.id === 'notice')!.data.sim).toBe('active');
    expect(c.find((n) => n.id === 'start')!.data.sim).toBe('visited');
  });

  it('keeps a drag position and measured size React Flow holds locally while the flow node is unchanged', () => {
    const { flow } = sample();
    const base = { flow, problems: new Map(), sim: null, selected: new Set<string>() };
    const a = reconcileNodes([], base);
    const local = a.map((n) => (n.id === 'bye' ? { ...n, position: { x: 999, y: 999 }, measured: { width: 200, height: 80 } } : n));
    const b = reconcileNodes(local, { ...base, selected: new Set(['bye']) });
    expect(b.find((n) => n.id === 'bye')).toMatchObject({ position: { x: 999, y: 999 }, measured: { width: 200, height: 80 }, selected: true });
  });

  it('makes Start undeletable (C1: exactly one Start)', () => {
    const { flow } = sample();
    const rf = reconcileNodes([], { flow, problems: new Map(), sim: null, selected: new Set() });
    expect(rf.find((n) => n.id === 'start')!.deletable).toBe(false);
    expect(rf.find((n) => n.id === 'bye')!.deletable).toBe(true);
  });
});

describe('layout', () => {
  it('places every node top to bottom: each edge goes downwards, positions on the 16 px grid', () => {
    const { flow } = sample();
    const pos = layoutFlow(flow, new Map());
    expect(pos.size).toBe(flow.nodes.length);
    for (const p of pos.values()) {
      expect(p.x % 16).toBe(0);
      expect(p.y % 16).toBe(0);
    }
    // Edges that are not part of a loop go down the page.
    expect(pos.get('notice')!.y).toBeGreaterThan(pos.get('start')!.y);
    expect(pos.get('menu')!.y).toBeGreaterThan(pos.get('notice')!.y);
    expect(pos.get('bye')!.y).toBeGreaterThan(pos.get('voicemail')!.y);
  });

  it("keeps a node's outgoing edges in port order: the menu's targets sit left to right as its ports 1, 2, invalid do", () => {
    const { flow } = sample();
    const pos = layoutFlow(flow, new Map());
    const centre = (id: string) => pos.get(id)!.x + 110;
    // Ports 1 and timeout lead to "record", 2 to "billing", invalid to "invalid".
    expect(centre('record')).toBeLessThan(centre('billing'));
    expect(centre('billing')).toBeLessThan(centre('invalid'));
    expect(Math.min(...[...pos.values()].map((p) => p.x))).toBe(0);
  });
});

describe('clipboard', () => {
  it('round-trips selected nodes and the edges among them, never the Start', () => {
    const { flow } = sample();
    const fragment = copyFragment(flow, ['start', 'voicemail', 'bye'])!;
    expect(fragment.nodes.map((n) => n.id)).toEqual(['voicemail', 'bye']);
    expect(fragment.edges.every((e) => e.source === 'voicemail' && e.target === 'bye')).toBe(true);
    const text = fragmentToText(fragment);
    expect(JSON.parse(text).format).toBe(CLIPBOARD_FORMAT);
    expect(fragmentFromText(text)).toEqual(fragment);
  });

  it('ignores text that is not a valid fragment', () => {
    expect(fragmentFromText('hello')).toBeNull();
    expect(fragmentFromText('{"format":"recflow.clipboard","nodes":[{"id":"x","kind":"nope","position":{"x":0,"y":0},"data":{}}],"edges":[]}')).toBeNull();
    const hostile = '{"format":"recflow.clipboard","nodes":[{"id":"h","kind":"hangup","position":{"x":0,"y":0},"data":{"label":"x","__proto__":{"polluted":true}}}],"edges":[]}';
    expect(fragmentFromText(hostile)).toBeNull();
  });
});

describe('search', () => {
  it('finds nodes by label and by field value', () => {
    const { flow } = sample();
    expect(searchNodes(flow, 'goodbye').map((h) => h.node.id)).toEqual(['bye']);
    // A field value: the menu's prompt text.
    expect(searchNodes(flow, 'technical support').map((h) => h.node.id)).toContain('menu');
    expect(searchNodes(flow, 'no such thing')).toEqual([]);
    expect(searchNodes(flow, '   ')).toEqual([]);
  });

  it('shows the names of numbers, agents and ring groups, not their ids, and matches both', () => {
    const { flow } = sample();
    const names = workspaceNames(loadExampleWorkspace());
    const start = searchNodes(flow, 'support line', 50, names).find((h) => h.node.id === 'start')!;
    expect(start.excerpt).not.toContain('num-support');
    expect(start.excerpt).toContain(names.get('num-support')!);
    const ring = searchNodes(flow, 'rg-support', 50, names);
    expect(ring.map((h) => h.node.id)).toEqual(['ring-support']);
    expect(ring[0]!.excerpt).not.toContain('rg-support');
  });

  it('shows a transfer target in a user\'s words ("ring group Billing"), not the schema\'s ("ringGroup")', () => {
    const { flow } = sample();
    const hits = searchNodes(flow, 'billing', 50, workspaceNames(loadExampleWorkspace()));
    const transfer = hits.find((h) => h.title === 'Transfer')!;
    expect(transfer.excerpt).toBe('To billing ring group Billing');
    expect(searchNodes(flow, 'ringGroup', 50, new Map())).toEqual([]);
    expect(searchNodes(flow, 'ring group billing').map((h) => h.node.id)).toEqual([transfer.node.id]);
  });
});

describe('effective defaults (R3)', () => {
  it('shows the account value, or a number override that applies to the flow', () => {
    const store = createEditorStore(loadExampleWorkspace(), 'support-line');
    const ws = store.getState().workspace;
    const none = effectiveDefaults(ws, 'nothing-runs-this', []);
    expect(none.agentPause).toEqual({ value: ws.account.agentPause, source: 'account', varies: false });
    expect(none.channels.value).toBe(ws.account.dualChannel ? 'dual' : 'mono');

    const flow: FlowDoc = createFlow('f', 'F');
    const numbers = [
      { id: 'n1', number: '+15550101', label: 'One', flowId: 'f', override: { enabled: true, inbound: 'inherit' as const, outbound: 'inherit' as const, agentPause: 'enabled' as const } },
      { id: 'n2', number: '+15550102', label: 'Two', flowId: 'f', override: { enabled: false, inbound: 'inherit' as const, outbound: 'inherit' as const, agentPause: 'inherit' as const } },
    ];
    const account = { ...ws.account, agentPause: false };
    const mixed = effectiveDefaults({ account, numbers }, flow.id, []);
    expect(mixed.agentPause.varies).toBe(true);
    const one = effectiveDefaults({ account, numbers: numbers.slice(0, 1) }, flow.id, []);
    expect(one.agentPause).toEqual({ value: true, source: 'number One', varies: false });
  });
});

describe('menu edits', () => {
  it('removing a menu option drops the edge from its port in the same step', () => {
    const ws = loadExampleWorkspace();
    const store = createEditorStore(ws, 'support-line');
    const id = addNode(store, 'support-line', 'menu', { x: 0, y: 0 });
    const hang = addNode(store, 'support-line', 'hangup', { x: 0, y: 0 });
    connect(store, 'support-line', id, '2', hang);
    const menu = store.getState().workspace.flows[0]!.nodes.find((n) => n.id === id)!;
    if (menu.kind !== 'menu') throw new Error('not a menu');
    setNodeData(store, 'support-line', id, { ...menu.data, options: menu.data.options.slice(0, 1) });
    expect(store.getState().workspace.flows[0]!.edges.some((e) => e.source === id)).toBe(false);
    store.undo();
    expect(store.getState().workspace.flows[0]!.edges.some((e) => e.source === id && e.sourcePort === '2')).toBe(true);
  });
});
