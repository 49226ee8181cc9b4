import { describe, expect, it } from 'vitest';
import { createFlow, serializeFlow } from '../../runtime/document/flow.ts';
import { createWorkspace, serializeWorkspace, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { addNode } from '../store/edits.ts';
import { createEditorStore } from '../store/store.ts';
import { applyImport, chooseSameId, newFlowReport, planImport, refuseBySize } from './importDoc.ts';

function ws(): WorkspaceDoc {
  const w = createWorkspace('Mine');
  w.flows.push(createFlow('main', 'Main'));
  return w;
}

describe('import', () => {
  it('R30: a workspace naming no known platform, or setting what its platform fixes, is refused with the JSON path', () => {
    const here = ws();
    const doc = JSON.parse(serializeWorkspace(here)) as Record<string, unknown>;
    const unknown = planImport(JSON.stringify({ ...doc, platform: 'genesys' }), here);
    expect(unknown.kind).toBe('refused');
    expect(unknown.kind === 'refused' && unknown.errors.map((e) => e.path)).toEqual(['$.platform']);
    const fixed = planImport(JSON.stringify({ ...doc, platform: 'amazon-connect' }), here);
    // The document says recordInbound: true, which Amazon Connect fixes to false.
    expect(fixed.kind === 'refused' && fixed.errors.find((e) => e.path === '$.account.recordInbound')?.message).toMatch(
      /^Amazon Connect has no such setting: it is always false\./,
    );
  });

  it('a flow whose id is taken waits for a choice; as a new flow it gets a fresh id, as one undoable step', () => {
    const store = createEditorStore(ws(), 'main');
    addNode(store, 'main', 'play', { x: 0, y: 0 });
    const text = serializeFlow(store.getState().workspace.flows[0]!);
    const asked = planImport(text, store.getState().workspace);
    expect(asked).toMatchObject({ kind: 'same-id', existing: { id: 'main', name: 'Main' }, flow: { id: 'main' } });
    expect(applyImport(store, asked)).toBe(false);
    if (asked.kind !== 'same-id') throw new Error('expected a choice');
    const plan = chooseSameId(asked, 'new-flow');
    expect(plan).toMatchObject({ kind: 'flow', renamedFrom: 'main', flow: { id: 'main-2' } });
    expect(applyImport(store, plan)).toBe(true);
    expect(store.getState().currentFlowId).toBe('main-2');
    expect(store.getState().workspace.flows[1]!.nodes).toHaveLength(2);
    store.undo();
    expect(store.getState().workspace.flows).toHaveLength(1);
  });

  it('as a new flow, a name another flow has gets the next free number, and the report says it was renamed', () => {
    const store = createEditorStore(ws(), 'main');
    store.change((d) => {
      d.flows.push(createFlow('other', 'Main (2)'));
    }, 'Add');
    const asked = planImport(serializeFlow(store.getState().workspace.flows[0]!), store.getState().workspace);
    if (asked.kind !== 'same-id') throw new Error('expected a choice');
    const plan = chooseSameId(asked, 'new-flow');
    expect(plan).toMatchObject({ kind: 'flow', renamedFrom: 'main', nameWas: 'Main', flow: { id: 'main-2', name: 'Main (3)' } });
    if (plan.kind !== 'flow') throw new Error('expected a flow');
    expect(newFlowReport(plan)).toBe('Imported “Main” as a new flow (another flow is called “Main”, so it is “Main (3)”; id “main” was taken, so it is “main-2”).');
    expect(applyImport(store, plan)).toBe(true);
    expect(store.getState().workspace.flows.map((f) => f.name)).toEqual(['Main', 'Main (2)', 'Main (3)']);
    // A file with a fresh id but a name in use is renamed the same way, with no choice to make.
    const sameName = planImport(serializeFlow(createFlow('fresh', 'Main')), store.getState().workspace);
    expect(sameName).toMatchObject({ kind: 'flow', nameWas: 'Main', flow: { id: 'fresh', name: 'Main (4)' } });
    expect(sameName.kind === 'flow' && newFlowReport(sameName)).toBe('Imported “Main” as a new flow (another flow is called “Main”, so it is “Main (4)”).');
    // Nothing taken, nothing renamed.
    const fresh = planImport(serializeFlow(createFlow('new', 'New line')), store.getState().workspace);
    expect(fresh).toEqual({ kind: 'flow', flow: expect.objectContaining({ id: 'new', name: 'New line' }) });
    expect(fresh.kind === 'flow' && newFlowReport(fresh)).toBe('Imported “New line” as a new flow.');
  });

  it('as the next version, the file becomes the draft of the flow with its id; its versions stay; one undo step', () => {
    const store = createEditorStore(ws(), 'main');
    const published = structuredClone(store.getState().workspace.flows[0]!);
    store.change((d) => {
      d.versions.push({ flowId: 'main', number: 1, note: '', publishedAt: '2026-11-30T09:00:00.000Z', publisher: '', flow: published });
    }, 'Publish');
    const incoming = { ...createFlow('main', 'Main from the file'), description: 'edited elsewhere' };
    const asked = planImport(serializeFlow(incoming), store.getState().workspace);
    if (asked.kind !== 'same-id') throw new Error('expected a choice');
    expect(applyImport(store, chooseSameId(asked, 'next-version'))).toBe(true);
    const after = store.getState().workspace;
    expect(after.flows).toHaveLength(1);
    expect(after.flows[0]).toEqual(incoming);
    expect(after.versions).toHaveLength(1);
    expect(store.getState().past.at(-1)!.label).toBe('Import “Main from the file” as the next version');
    store.undo();
    expect(store.getState().workspace.flows[0]).toEqual(published);
  });

  it('an exported flow imported into another workspace comes back the same', () => {
    const source = createEditorStore(ws(), 'main');
    addNode(source, 'main', 'menu', { x: 16, y: 160 });
    const text = serializeFlow(source.getState().workspace.flows[0]!);
    const other = createWorkspace('Other');
    other.flows.push(createFlow('blank', 'Blank'));
    const target = createEditorStore(other, 'blank');
    applyImport(target, planImport(text, target.getState().workspace));
    expect(serializeFlow(target.getState().workspace.flows[1]!)).toBe(text);
  });

  it('replaces the workspace as one step that undo reverts', () => {
    const store = createEditorStore(ws(), 'main');
    const incoming = createWorkspace('Theirs');
    incoming.flows.push(createFlow('x', 'X'));
    const plan = planImport(serializeWorkspace(incoming), store.getState().workspace);
    expect(plan.kind).toBe('workspace');
    const before = store.getState().workspace;
    applyImport(store, plan);
    expect(store.getState().workspace.name).toBe('Theirs');
    expect(store.getState().currentFlowId).toBe('x');
    store.undo();
    expect(store.getState().workspace).toEqual(before);
  });

  it('refuses bad files with JSON paths and changes nothing', () => {
    const store = createEditorStore(ws(), 'main');
    const before = store.getState().workspace;
    const bad = planImport('{"format":"recflow.flow","version":2,"id":"x","name":"","nodes":[],"edges":[]}', before);
    expect(bad.kind).toBe('refused');
    expect(bad.kind === 'refused' && bad.errors[0]!.path).toBe('$.name');
    expect(planImport('{ not json', before)).toMatchObject({ kind: 'refused', errors: [{ path: '$' }] });
    expect(planImport('{"format":"something"}', before)).toMatchObject({ kind: 'refused', errors: [{ path: '$.format' }] });
    expect(applyImport(store, bad)).toBe(false);
    expect(store.getState().workspace).toBe(before);
  });

  it('refuses files over 5 MB by size, before reading them', () => {
    expect(refuseBySize(5 * 1024 * 1024)).toBeNull();
    expect(refuseBySize(6 * 1024 * 1024)).toMatchObject({ kind: 'refused', errors: [{ path: '$' }] });
  });

  it('a workspace file with saved scenarios: the plan carries them, the editor’s workspace does not (they join the saved scenarios)', () => {
    const store = createEditorStore(ws(), 'main');
    const doc = JSON.parse(serializeWorkspace(ws())) as Record<string, unknown>;
    const scenario = { call: { direction: 'inbound', numberId: 'n', callerNumber: '+15550111' }, actions: [] };
    doc.scenarios = [{ id: 'sc-1', flowId: 'main', runs: 'flow', savedAt: '2026-11-30T09:00:00Z', scenario }];
    const plan = planImport(JSON.stringify(doc), store.getState().workspace);
    expect(plan.kind === 'workspace' && plan.workspace.scenarios).toEqual([{ id: 'sc-1', flowId: 'main', runs: 'flow', savedAt: '2026-11-30T09:00:00Z', scenario }]);
    expect(applyImport(store, plan)).toBe(true);
    expect(store.getState().workspace.scenarios).toEqual([]);
  });
});
