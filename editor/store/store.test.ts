import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFlow, type FlowDoc } from '../../runtime/document/flow.ts';
import { createWorkspace, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { addNode, connect, connectionProblem, moveNodes, pasteFragment, portProblem, removeElements, setNodeData } from './edits.ts';
import { createFlowIn, deleteFlow, duplicateFlow, renameFlow } from './flows.ts';
import { MemoryStorage } from './memoryStorage.ts';
import { attachAutosave, errorText, type Persistence, restore, SAVED_FORMAT, type SavedState } from './persistence.ts';
import { createEditorStore, currentFlow, type EditorStore } from './store.ts';

function workspace(): WorkspaceDoc {
  const ws = createWorkspace('Test');
  ws.flows.push(createFlow('main', 'Main'));
  return ws;
}

function flowOf(store: EditorStore, id = store.getState().currentFlowId): FlowDoc {
  return store.getState().workspace.flows.find((f) => f.id === id)!;
}

describe('history', () => {
  it('one change is one undo step; undo and redo replay it', () => {
    const store = createEditorStore(workspace(), 'main');
    const before = store.getState().workspace;
    const id = addNode(store, 'main', 'play', { x: 10, y: 20 });
    expect(flowOf(store).nodes.map((n) => n.id)).toEqual(['start', id]);
    expect(store.getState().past).toHaveLength(1);
    store.undo();
    expect(store.getState().workspace).toEqual(before);
    expect(store.getState().future).toHaveLength(1);
    store.redo();
    expect(flowOf(store).nodes.map((n) => n.id)).toEqual(['start', id]);
  });

  it('a recipe that changes nothing leaves no step', () => {
    const store = createEditorStore(workspace(), 'main');
    expect(store.change(() => {}, 'nothing')).toBe(false);
    expect(store.getState().past).toHaveLength(0);
  });

  it('a new change after undo clears redo', () => {
    const store = createEditorStore(workspace(), 'main');
    addNode(store, 'main', 'play', { x: 0, y: 0 });
    store.undo();
    addNode(store, 'main', 'hangup', { x: 0, y: 0 });
    expect(store.getState().future).toHaveLength(0);
    expect(flowOf(store).nodes.map((n) => n.kind)).toEqual(['start', 'hangup']);
  });

  it('selection is not history', () => {
    const store = createEditorStore(workspace(), 'main');
    const id = addNode(store, 'main', 'play', { x: 0, y: 0 });
    store.setSelection([id]);
    store.setSelection(['start']);
    expect(store.getState().past).toHaveLength(1);
    store.undo();
    // The selected Start still exists, so the selection survives the undo.
    expect(store.getState().selection).toEqual(['start']);
  });

  it('undo drops the selection of nodes it removes', () => {
    const store = createEditorStore(workspace(), 'main');
    const id = addNode(store, 'main', 'play', { x: 0, y: 0 });
    store.setSelection([id]);
    store.undo();
    expect(store.getState().selection).toEqual([]);
  });

  it('a node drag is one step: every dragged node moves back on one undo', () => {
    const store = createEditorStore(workspace(), 'main');
    const a = addNode(store, 'main', 'play', { x: 0, y: 100 });
    const b = addNode(store, 'main', 'hangup', { x: 0, y: 200 });
    const steps = store.getState().past.length;
    // During the drag React Flow moves the nodes locally; only the drag end reaches the store.
    moveNodes(
      store,
      'main',
      new Map([
        [a, { x: 160, y: 132 }],
        [b, { x: 160, y: 232 }],
      ]),
    );
    expect(store.getState().past).toHaveLength(steps + 1);
    expect(store.getState().past.at(-1)!.label).toBe('Move 2 nodes');
    store.undo();
    expect(flowOf(store).nodes.find((n) => n.id === a)!.position).toEqual({ x: 0, y: 100 });
    expect(flowOf(store).nodes.find((n) => n.id === b)!.position).toEqual({ x: 0, y: 200 });
  });

  it('a drag that ends where it started leaves no step', () => {
    const store = createEditorStore(workspace(), 'main');
    expect(moveNodes(store, 'main', new Map([['start', { x: 0, y: 0 }]]))).toBe(false);
    expect(store.getState().past).toHaveLength(0);
  });

  it('typing into one node coalesces into one step', () => {
    let t = 0;
    const store = createEditorStore(workspace(), 'main', () => t);
    const id = addNode(store, 'main', 'play', { x: 0, y: 0 });
    for (const text of ['H', 'He', 'Hel', 'Hell', 'Hello']) {
      t += 100;
      setNodeData(store, 'main', id, { label: 'Message', text, durationSeconds: 5, recordingNotice: false });
    }
    expect(store.getState().past).toHaveLength(2);
    store.undo();
    expect(flowOf(store).nodes.find((n) => n.id === id)!.data).toMatchObject({ text: '' });
  });

  it('quick edits of different fields of one node are steps of their own; only successive edits of one field merge', () => {
    let t = 0;
    const store = createEditorStore(workspace(), 'main', () => t);
    const id = addNode(store, 'main', 'play', { x: 0, y: 0 });
    const data = { label: 'Message', text: '', durationSeconds: 5, recordingNotice: false };
    const edit = (patch: Partial<typeof data>) => {
      t += 100;
      Object.assign(data, patch);
      setNodeData(store, 'main', id, { ...data });
    };
    edit({ label: 'W' });
    edit({ label: 'Welcome' });
    edit({ text: 'Hi' });
    edit({ durationSeconds: 3 });
    edit({ durationSeconds: 4 });
    expect(store.getState().past).toHaveLength(4);
    const node = () => flowOf(store).nodes.find((n) => n.id === id)!.data;
    store.undo();
    expect(node()).toMatchObject({ label: 'Welcome', text: 'Hi', durationSeconds: 5 });
    store.undo();
    expect(node()).toMatchObject({ label: 'Welcome', text: '' });
    store.undo();
    expect(node()).toMatchObject({ label: 'Message' });
  });

  it('a data edit keeps the edge list unless a port goes, so an undo step grows with the edit, not the flow', () => {
    const store = createEditorStore(workspace(), 'main');
    const menu = addNode(store, 'main', 'menu', { x: 0, y: 0 });
    const hang = addNode(store, 'main', 'hangup', { x: 0, y: 0 });
    expect(connect(store, 'main', menu, '1', hang)).toBeNull();
    expect(connect(store, 'main', menu, '2', hang)).toBeNull();
    const edges = flowOf(store).edges;
    const options = [{ digit: '1', label: 'Sales' }];
    setNodeData(store, 'main', menu, { label: 'Renamed', prompt: 'Press 1.', options: [...options, { digit: '2', label: 'Help' }], timeoutSeconds: 10 });
    expect(flowOf(store).edges).toBe(edges);
    expect(JSON.stringify(store.getState().past.at(-1)!.inverse)).not.toContain('"edges"');
    // Removing option 2 takes its edge with it.
    setNodeData(store, 'main', menu, { label: 'Renamed', prompt: 'Press 1.', options, timeoutSeconds: 10 });
    expect(flowOf(store).edges.map((e) => e.sourcePort)).toEqual(['1']);
    store.undo();
    expect(flowOf(store).edges).toEqual(edges);
  });

  it('a port renamed where it stands keeps its edge and its "ends the call" mark; undo renames it back', () => {
    const store = createEditorStore(workspace(), 'main');
    const menu = addNode(store, 'main', 'menu', { x: 0, y: 0 });
    const hang = addNode(store, 'main', 'hangup', { x: 0, y: 0 });
    expect(connect(store, 'main', menu, '1', hang)).toBeNull();
    const base = { label: 'M', prompt: 'Press.', timeoutSeconds: 10 };
    setNodeData(store, 'main', menu, { ...base, options: [{ digit: '1', label: 'Sales' }, { digit: '2', label: 'Help' }] });
    store.change((d) => {
      d.flows[0]!.nodes.find((n) => n.id === menu)!.endsCall = ['2'];
    }, 'Mark 2 as ending the call');
    setNodeData(store, 'main', menu, { ...base, options: [{ digit: '3', label: 'Sales' }, { digit: '4', label: 'Help' }] });
    // Two ports changed at once: no telling which is which, so neither keeps its edge.
    expect(flowOf(store).edges).toEqual([]);
    store.undo();
    setNodeData(store, 'main', menu, { ...base, options: [{ digit: '3', label: 'Sales' }, { digit: '2', label: 'Help' }] });
    expect(flowOf(store).edges.map((e) => [e.sourcePort, e.target])).toEqual([['3', hang]]);
    setNodeData(store, 'main', menu, { ...base, options: [{ digit: '3', label: 'Sales' }, { digit: '5', label: 'Help' }] });
    expect(flowOf(store).nodes.find((n) => n.id === menu)?.endsCall).toEqual(['5']);
    // Both renames were typed into the options within a second: one undo step.
    store.undo();
    expect(flowOf(store).edges.map((e) => e.sourcePort)).toEqual(['1']);
    expect(flowOf(store).nodes.find((n) => n.id === menu)?.endsCall).toEqual(['2']);
  });

  it('refuses node data its schema refuses', () => {
    const store = createEditorStore(workspace(), 'main');
    const id = addNode(store, 'main', 'play', { x: 0, y: 0 });
    expect(setNodeData(store, 'main', id, { label: 'x', text: '', durationSeconds: -3, recordingNotice: false })).toBe(false);
    expect(store.getState().past).toHaveLength(1);
  });
});

describe('connections', () => {
  it('refuses an edge into Start, a second edge out of one port, and a node into itself', () => {
    const store = createEditorStore(workspace(), 'main');
    const play = addNode(store, 'main', 'play', { x: 0, y: 0 });
    const hang = addNode(store, 'main', 'hangup', { x: 0, y: 0 });
    expect(connectionProblem(flowOf(store), play, 'next', 'start')).toMatch(/no incoming/);
    expect(connectionProblem(flowOf(store), play, 'next', play)).toMatch(/itself/);
    expect(connect(store, 'main', play, 'next', hang)).toBeNull();
    expect(connectionProblem(flowOf(store), play, 'next', hang)).toMatch(/already has a connection/);
    expect(flowOf(store).edges).toHaveLength(1);
  });

  it('says a port is taken whatever the target, before any target is known', () => {
    const store = createEditorStore(workspace(), 'main');
    const play = addNode(store, 'main', 'play', { x: 0, y: 0 });
    const hang = addNode(store, 'main', 'hangup', { x: 0, y: 0 });
    expect(portProblem(flowOf(store), play, 'next')).toBeNull();
    expect(portProblem(flowOf(store), play, 'nope')).toMatch(/has no port "nope"/);
    expect(portProblem(flowOf(store), 'gone', 'next')).toMatch(/no longer exists/);
    expect(connect(store, 'main', play, 'next', hang)).toBeNull();
    expect(portProblem(flowOf(store), play, 'next')).toMatch(/Port "next" already has a connection/);
    // The taken port is the reason even where the target would refuse too (the Start, itself, a node not there).
    for (const target of ['start', play, 'gone']) expect(connectionProblem(flowOf(store), play, 'next', target)).toMatch(/already has a connection/);
  });

  it('deleting a node removes its edges in the same step', () => {
    const store = createEditorStore(workspace(), 'main');
    const play = addNode(store, 'main', 'play', { x: 0, y: 0 });
    connect(store, 'main', 'start', 'next', play);
    removeElements(store, 'main', [play, 'start'], []);
    // Start stays: a flow has exactly one (C1).
    expect(flowOf(store).nodes.map((n) => n.id)).toEqual(['start']);
    expect(flowOf(store).edges).toEqual([]);
    store.undo();
    expect(flowOf(store).edges).toHaveLength(1);
  });

  it('pastes with fresh ids and keeps edges inside the fragment', () => {
    const store = createEditorStore(workspace(), 'main');
    const play = addNode(store, 'main', 'play', { x: 0, y: 0 });
    const hang = addNode(store, 'main', 'hangup', { x: 0, y: 100 });
    connect(store, 'main', play, 'next', hang);
    const f = flowOf(store);
    const ids = pasteFragment(store, 'main', { nodes: f.nodes, edges: f.edges }, { x: 32, y: 32 });
    expect(ids).toHaveLength(2);
    expect(ids).not.toContain(play);
    const after = flowOf(store);
    expect(after.nodes.filter((n) => n.kind === 'start')).toHaveLength(1);
    expect(after.edges).toHaveLength(2);
    expect(after.edges[1]).toMatchObject({ source: ids[0], target: ids[1], sourcePort: 'next' });
    expect(after.nodes.find((n) => n.id === ids[0])!.position).toEqual({ x: 32, y: 32 });
  });
});

describe('flows', () => {
  it('create, rename, duplicate and delete are each undoable, and undo shows the flow it touched', () => {
    const store = createEditorStore(workspace(), 'main');
    const created = createFlowIn(store, 'Sales line');
    expect(store.getState().currentFlowId).toBe(created);
    expect(renameFlow(store, created, '  Sales  ')).toBe(true);
    expect(flowOf(store, created).name).toBe('Sales');
    const copy = duplicateFlow(store, created)!;
    expect(flowOf(store, copy).name).toBe('Copy of Sales');
    expect(store.getState().currentFlowId).toBe(copy);
    expect(deleteFlow(store, 'main')).toBe(true);
    expect(store.getState().workspace.flows.map((f) => f.id)).toEqual([created, copy]);

    store.undo(); // delete
    expect(store.getState().workspace.flows.map((f) => f.id)).toEqual(['main', created, copy]);
    store.undo(); // duplicate
    expect(store.getState().workspace.flows.map((f) => f.id)).toEqual(['main', created]);
    expect(store.getState().currentFlowId).toBe(created);
    store.undo(); // rename
    expect(flowOf(store, created).name).toBe('Sales line');
    store.undo(); // create
    expect(store.getState().workspace.flows.map((f) => f.id)).toEqual(['main']);
    expect(store.getState().currentFlowId).toBe('main');
    store.redo();
    expect(store.getState().currentFlowId).toBe(created);
  });

  it('never deletes the last flow, and refuses an empty name', () => {
    const store = createEditorStore(workspace(), 'main');
    expect(deleteFlow(store, 'main')).toBe(false);
    expect(renameFlow(store, 'main', '   ')).toBe(false);
    expect(store.getState().past).toHaveLength(0);
  });

  it('deleting a flow unlinks the numbers that ran it, and undo links them again', () => {
    const ws = workspace();
    ws.flows.push(createFlow('other', 'Other'));
    ws.numbers.push({
      id: 'n1',
      number: '+15550100',
      label: '',
      flowId: 'other',
      override: { enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit' },
    });
    const store = createEditorStore(ws, 'main');
    deleteFlow(store, 'other');
    expect(store.getState().workspace.numbers[0]!.flowId).toBeNull();
    store.undo();
    expect(store.getState().workspace.numbers[0]!.flowId).toBe('other');
  });

  it('falls back to the first flow when the current id is unknown', () => {
    const store = createEditorStore(workspace(), 'nope');
    expect(currentFlow(store.getState())!.id).toBe('main');
  });
});

/** One tab over in-memory storage, passed where a Persistence is expected (the tests reach its knobs directly). */
class FakePersistence extends MemoryStorage implements Persistence {
  private readonly own = this.tab();
  load() {
    return this.own.load();
  }
  save(value: SavedState) {
    return this.own.save(value);
  }
  keepCorrupt(value: unknown) {
    return this.own.keepCorrupt(value);
  }
}

describe('autosave and restore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once, shortly after a burst of changes, and restores workspace and current flow', async () => {
    const p = new FakePersistence();
    const store = createEditorStore(workspace(), 'main');
    const autosave = attachAutosave(store, p, 400);
    const created = createFlowIn(store, 'Second');
    addNode(store, created, 'play', { x: 0, y: 0 });
    addNode(store, created, 'hangup', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(399);
    expect(p.saves).toBe(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(p.saves).toBe(1);
    expect(store.getState().save.state).toBe('saved');
    autosave.dispose();

    const restored = await restore(p, workspace);
    expect(restored.notice).toBeNull();
    expect(restored.currentFlowId).toBe(created);
    expect(restored.workspace).toEqual(store.getState().workspace);
  });

  it('a failed save is reported and keeps the last good copy; the next change saves again', async () => {
    const p = new FakePersistence();
    const store = createEditorStore(workspace(), 'main');
    const autosave = attachAutosave(store, p, 400);
    addNode(store, 'main', 'play', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(500);
    const good = structuredClone(p.value);
    p.failNext = true;
    addNode(store, 'main', 'hangup', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(500);
    const status = store.getState().save;
    expect(status.state).toBe('failed');
    expect(status.state === 'failed' && status.message).toMatch(/storage is full/);
    expect(p.value).toEqual(good);
    addNode(store, 'main', 'menu', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(500);
    expect(store.getState().save.state).toBe('saved');
    expect((p.value as SavedState).workspace.flows[0]!.nodes).toHaveLength(4);
    autosave.dispose();
  });

  it('an aborted write (IndexedDB rejects with null) says what happened, never "null"', () => {
    expect(errorText(null)).toMatch(/^the browser stopped the write before it finished/);
    expect(errorText(undefined)).not.toContain('undefined');
    expect(errorText(new DOMException('x', 'AbortError'))).toBe('the browser stopped the write before it finished');
    expect(errorText(new DOMException('full', 'QuotaExceededError'))).toBe('the browser storage is full');
  });

  it('storage that keeps refusing is tried once per change and on Try again, not in a loop', async () => {
    const p = new FakePersistence();
    p.failAll = true;
    const store = createEditorStore(workspace(), 'main');
    const autosave = attachAutosave(store, p, 400);
    addNode(store, 'main', 'play', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(p.saves).toBe(1);
    expect(store.getState().save.state).toBe('failed');
    p.failAll = false;
    await vi.advanceTimersByTimeAsync(10_000);
    // The failure stays on screen until the user retries or edits again.
    expect(p.saves).toBe(1);
    expect(store.getState().save.state).toBe('failed');
    await autosave.flush();
    expect(p.saves).toBe(2);
    expect(store.getState().save.state).toBe('saved');
    expect((p.value as SavedState).workspace.flows[0]!.nodes).toHaveLength(2);
    autosave.dispose();
  });

  it('a corrupt saved copy falls back to the sample, says so, and keeps the copy aside', async () => {
    const corrupt = { format: SAVED_FORMAT, version: 1, workspace: { format: 'recflow.workspace', flows: 'oops' }, currentFlowId: 'x' };
    const p = new FakePersistence(corrupt);
    const restored = await restore(p, workspace);
    expect(restored.workspace.flows[0]!.id).toBe('main');
    expect(restored.notice?.tone).toBe('warning');
    expect(p.kept).toEqual([corrupt]);
  });

  it('unavailable storage opens the sample and warns that nothing will be kept', async () => {
    const p = new FakePersistence();
    p.load = () => Promise.reject(new Error('private mode'));
    const restored = await restore(p, workspace);
    expect(restored.workspace.flows).toHaveLength(1);
    expect(restored.notice?.text).toMatch(/private mode/);
  });
});

describe('save status', () => {
  it('reads "pending" from the first change until the save lands', async () => {
    vi.useFakeTimers();
    try {
      const p = new FakePersistence();
      const store = createEditorStore(workspace(), 'main');
      const autosave = attachAutosave(store, p, 400);
      addNode(store, 'main', 'play', { x: 0, y: 0 });
      expect(store.getState().save.state).toBe('pending');
      await vi.advanceTimersByTimeAsync(500);
      expect(store.getState().save.state).toBe('saved');
      autosave.dispose();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('two tabs on one saved workspace', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A tab as main.tsx opens one: restore from the shared storage, then autosave to it. */
  async function openTab(storage: MemoryStorage) {
    const persistence = storage.tab();
    const restored = await restore(persistence, workspace);
    const store = createEditorStore(restored.workspace, restored.currentFlowId);
    const autosave = attachAutosave(store, persistence, 400, restored.revision);
    return { store, autosave };
  }
  const nodeCount = (store: EditorStore) => flowOf(store, 'main').nodes.length;
  /** A adds a Play and B a Hang up before either saves: A saves first, and B is left with the conflict. */
  async function clash(storage: MemoryStorage) {
    const a = await openTab(storage);
    const b = await openTab(storage);
    addNode(a.store, 'main', 'play', { x: 0, y: 0 });
    addNode(b.store, 'main', 'hangup', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(5000);
    return { a, b };
  }

  it('each save is the next revision, and a reload carries on from the one it restored', async () => {
    const storage = new MemoryStorage();
    const a = await openTab(storage);
    addNode(a.store, 'main', 'play', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(500);
    addNode(a.store, 'main', 'hangup', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(500);
    expect(storage.revision).toBe(2);
    a.autosave.dispose();
    const reloaded = await openTab(storage);
    addNode(reloaded.store, 'main', 'menu', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(500);
    expect(reloaded.store.getState().save.state).toBe('saved');
    expect(storage.revision).toBe(3);
  });

  it('a tab with nothing unsaved takes what another tab saved, as one undo step, and saves nothing back', async () => {
    const storage = new MemoryStorage();
    const a = await openTab(storage);
    const b = await openTab(storage);
    addNode(a.store, 'main', 'play', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(500);
    expect(nodeCount(b.store)).toBe(2);
    expect(b.store.getState().notice?.text).toMatch(/changes saved in another tab/);
    expect(b.store.getState().save.state).toBe('saved');
    await vi.advanceTimersByTimeAsync(5000);
    // Taking the other version is not an edit: no save bounces back (which would make the tabs ping-pong).
    expect(storage.saves).toBe(1);
    b.store.undo();
    expect(nodeCount(b.store)).toBe(1);
  });

  it('saves from another tab in quick succession are each taken, not mistaken for edits of this tab', async () => {
    const storage = new MemoryStorage();
    const a = await openTab(storage);
    const b = await openTab(storage);
    addNode(a.store, 'main', 'play', { x: 0, y: 0 });
    await a.autosave.flush();
    await vi.advanceTimersByTimeAsync(50);
    addNode(a.store, 'main', 'hangup', { x: 0, y: 0 });
    await a.autosave.flush();
    await vi.advanceTimersByTimeAsync(50);
    expect(b.store.getState().save.state).toBe('saved');
    expect(nodeCount(b.store)).toBe(3);
  });

  it('when both tabs changed, the later one saves nothing and asks; "load the other" keeps this tab’s work one undo away', async () => {
    const storage = new MemoryStorage();
    const { a, b } = await clash(storage);
    // A saved first; B's changes were unsaved when it heard of A's save, so B is in conflict and A's copy stands.
    expect(a.store.getState().save.state).toBe('saved');
    expect(b.store.getState().save.state).toBe('conflict');
    expect((storage.value as SavedState).workspace.flows[0]!.nodes).toHaveLength(2);
    // More edits in B are not saved over A's copy while the conflict stands.
    addNode(b.store, 'main', 'menu', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(b.store.getState().save.state).toBe('conflict');
    expect(storage.revision).toBe(1);

    await b.autosave.loadOther();
    expect(nodeCount(b.store)).toBe(2);
    expect(b.store.getState().save.state).toBe('saved');
    b.store.undo();
    expect(flowOf(b.store, 'main').nodes.map((n) => n.kind)).toEqual(['start', 'hangup', 'menu']);
    // Undoing is an edit like any other: it saves as the next revision, and A (with nothing unsaved) takes it.
    await vi.advanceTimersByTimeAsync(500);
    expect(storage.revision).toBe(2);
    expect(nodeCount(a.store)).toBe(3);
  });

  it('"keep this tab’s version" saves over the other one, which the other tab then takes', async () => {
    const storage = new MemoryStorage();
    const { a, b } = await clash(storage);
    expect(b.store.getState().save.state).toBe('conflict');
    await b.autosave.keepMine();
    expect(b.store.getState().save.state).toBe('saved');
    expect(storage.revision).toBe(2);
    expect(flowOf(a.store, 'main').nodes.map((n) => n.kind)).toEqual(['start', 'hangup']);
  });

  it('a save that finds a newer copy than it started from is refused, not written (another window, no message)', async () => {
    const storage = new MemoryStorage();
    const a = await openTab(storage);
    // Another writer that does not announce itself (watch unavailable): revision 1 lands behind A's back.
    const other = createEditorStore(workspace(), 'main');
    addNode(other, 'main', 'voicemail', { x: 0, y: 0 });
    await storage.tab().save({ format: SAVED_FORMAT, version: 1, workspace: other.getState().workspace, currentFlowId: 'main', revision: 1 });
    a.autosave.dispose();
    const quiet = { ...storage.tab(), watch: undefined };
    const store = a.store;
    const autosave = attachAutosave(store, quiet, 400, 0);
    addNode(store, 'main', 'play', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(500);
    expect(store.getState().save.state).toBe('conflict');
    expect((storage.value as SavedState).workspace.flows[0]!.nodes.map((n) => n.kind)).toEqual(['start', 'voicemail']);
    autosave.dispose();
  });
});

