import { describe, expect, it } from 'vitest';
import { loadExampleWorkspace } from '../../examples/index.ts';
import { parseWorkspace, serializeWorkspace } from '../../runtime/document/workspace.ts';
import { addNode, setNodeData } from './edits.ts';
import { deleteFlow } from './flows.ts';
import { createEditorStore } from './store.ts';
import { findVersion, nextVersionNumber, publishFlow, restoreVersion, sameAsVersion, versionsOf } from './versions.ts';

const at = new Date('2026-11-30T09:15:00.000Z');

function sample() {
  return createEditorStore(loadExampleWorkspace(), 'support-line');
}

describe('published versions in the editor store', () => {
  it('publishing records numbered, immutable copies with note, time and publisher, each one undo step', () => {
    const store = sample();
    const first = publishFlow(store, 'support-line', { note: '  Go live ', publisher: 'Ana Admin', at });
    expect(first).toMatchObject({ ok: true, version: { flowId: 'support-line', number: 1, note: 'Go live', publisher: 'Ana Admin', publishedAt: '2026-11-30T09:15:00.000Z' } });
    expect(store.getState().past.at(-1)!.label).toBe('Publish version 1 of “Support line”');
    const flow = store.getState().workspace.flows.find((f) => f.id === 'support-line')!;
    const notice = flow.nodes.find((n) => n.kind === 'play')!;
    setNodeData(store, 'support-line', notice.id, { ...notice.data, label: 'Changed after v1' });
    // The published copy does not follow edits of the draft.
    expect(findVersion(store.getState().workspace, 'support-line', 1)!.flow.nodes.find((n) => n.id === notice.id)!.data).toEqual(notice.data);
    publishFlow(store, 'support-line', { note: '', publisher: 'Ben', at });
    expect(versionsOf(store.getState().workspace, 'support-line').map((v) => v.number)).toEqual([2, 1]);
    expect(nextVersionNumber(store.getState().workspace, 'support-line')).toBe(3);
    expect(nextVersionNumber(store.getState().workspace, 'payments-line')).toBe(1);
    // The versions travel with the workspace document.
    const again = parseWorkspace(serializeWorkspace(store.getState().workspace));
    expect(again.ok && again.value.versions).toEqual(store.getState().workspace.versions);
  });

  it('errors block publishing, as they block export; nothing is recorded', () => {
    const store = sample();
    addNode(store, 'support-line', 'play', { x: 900, y: 900 }); // unreachable and its port open: C1 errors
    const outcome = publishFlow(store, 'support-line', { note: '', publisher: '', at });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.code)).toContain('C1-unreachable');
    expect(store.getState().workspace.versions).toEqual([]);
  });

  it('restoring a version makes it the draft again in one undo step, and the version stays', () => {
    const store = sample();
    publishFlow(store, 'support-line', { note: 'v1', publisher: '', at });
    const v1 = findVersion(store.getState().workspace, 'support-line', 1)!;
    const flow = store.getState().workspace.flows.find((f) => f.id === 'support-line')!;
    const notice = flow.nodes.find((n) => n.kind === 'play')!;
    setNodeData(store, 'support-line', notice.id, { ...notice.data, label: 'Edited' });
    const edited = store.getState().workspace.flows.find((f) => f.id === 'support-line')!;
    expect(sameAsVersion(edited, v1)).toBe(false);
    expect(restoreVersion(store, 'support-line', 1)).toBe(true);
    expect(store.getState().past.at(-1)!.label).toBe('Restore version 1 of “Support line”');
    expect(sameAsVersion(store.getState().workspace.flows.find((f) => f.id === 'support-line')!, v1)).toBe(true);
    store.undo();
    expect(store.getState().workspace.flows.find((f) => f.id === 'support-line')).toEqual(edited);
    expect(store.getState().workspace.versions).toHaveLength(1);
    expect(restoreVersion(store, 'support-line', 7)).toBe(false);
  });

  it('deleting a flow takes its versions with it, and undo brings both back', () => {
    const store = sample();
    publishFlow(store, 'payments-line', { note: '', publisher: '', at });
    publishFlow(store, 'support-line', { note: '', publisher: '', at });
    deleteFlow(store, 'payments-line');
    expect(store.getState().workspace.versions.map((v) => v.flowId)).toEqual(['support-line']);
    expect(parseWorkspace(serializeWorkspace(store.getState().workspace)).ok).toBe(true);
    store.undo();
    expect(store.getState().workspace.versions.map((v) => v.flowId)).toEqual(['payments-line', 'support-line']);
  });
});
