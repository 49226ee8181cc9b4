import { describe, expect, it } from 'vitest';
import { createFlow, serializeFlow } from '../../runtime/document/flow.ts';
import { createWorkspace, serializeWorkspace, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { addNode } from '../store/edits.ts';
import { createEditorStore } from '../store/store.ts';
import { applyImport, planImport, refuseBySize } from './importDoc.ts';

function ws(): WorkspaceDoc {
  const w = createWorkspace('Mine');
  w.flows.push(createFlow('main', 'Main'));
  return w;
}

describe('import', () => {
  it('adds a flow document as a new flow, with a fresh id when its id is taken, as one undoable step', () => {
    const store = createEditorStore(ws(), 'main');
    addNode(store, 'main', 'play', { x: 0, y: 0 });
    const text = serializeFlow(store.getState().workspace.flows[0]!);
    const plan = planImport(text, store.getState().workspace);
    expect(plan).toMatchObject({ kind: 'flow', renamedFrom: 'main', flow: { id: 'main-2' } });
    expect(applyImport(store, plan)).toBe(true);
    expect(store.getState().currentFlowId).toBe('main-2');
    expect(store.getState().workspace.flows[1]!.nodes).toHaveLength(2);
    store.undo();
    expect(store.getState().workspace.flows).toHaveLength(1);
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
});
