/**
 * Workspace-level operations on flows (create, rename, duplicate, delete) and
 * the helpers canvas edits share. Each operation is one `change`, so one undo step.
 */
import { createFlow, type FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';
import type { EditorStore } from './store.ts';

/** `base`, or `base-2`, `base-3`… whichever is not in `taken`. Ids stay within the document's 64-character limit. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9_.:-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'id';
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) {
    const id = `${clean}-${i}`;
    if (!taken.has(id)) return id;
  }
}

/** A name not used by another flow: "Copy of Main", "Copy of Main (2)"… */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(name)) return name;
  }
}

/** The draft flow with this id; throws when it is gone, which would be a bug in the caller. */
export function draftFlow(draft: WorkspaceDoc, flowId: string): FlowDoc {
  const flow = draft.flows.find((f) => f.id === flowId);
  if (!flow) throw new Error(`no flow "${flowId}"`);
  return flow;
}

export function createFlowIn(store: EditorStore, name = 'New flow'): string {
  const ws = store.getState().workspace;
  const id = uniqueId(name, new Set(ws.flows.map((f) => f.id)));
  const finalName = uniqueName(name, new Set(ws.flows.map((f) => f.name)));
  store.change((d) => {
    d.flows.push(createFlow(id, finalName));
  }, `Create flow "${finalName}"`, { flowAfter: id });
  return id;
}

export function renameFlow(store: EditorStore, flowId: string, name: string): boolean {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) return false;
  return store.change((d) => {
    draftFlow(d, flowId).name = trimmed;
  }, `Rename flow to "${trimmed}"`);
}

export function duplicateFlow(store: EditorStore, flowId: string): string | undefined {
  const ws = store.getState().workspace;
  const source = ws.flows.find((f) => f.id === flowId);
  if (!source) return undefined;
  const name = uniqueName(`Copy of ${source.name}`.slice(0, 200), new Set(ws.flows.map((f) => f.name)));
  const id = uniqueId(`${source.id}-copy`, new Set(ws.flows.map((f) => f.id)));
  const copy: FlowDoc = structuredClone({ ...source, id, name });
  store.change((d) => {
    d.flows.splice(d.flows.findIndex((f) => f.id === flowId) + 1, 0, copy);
  }, `Duplicate flow "${source.name}"`, { flowAfter: id });
  return id;
}

/**
 * Deletes a flow. The last flow cannot go (the editor always shows one), and
 * phone numbers that ran it stop pointing at it (R7: they go straight to agents), and its published versions go with it.
 */
export function deleteFlow(store: EditorStore, flowId: string): boolean {
  const ws = store.getState().workspace;
  const index = ws.flows.findIndex((f) => f.id === flowId);
  if (index < 0 || ws.flows.length <= 1) return false;
  const name = ws.flows[index]!.name;
  const neighbour = ws.flows[index + 1] ?? ws.flows[index - 1]!;
  return store.change((d) => {
    d.flows.splice(index, 1);
    for (const n of d.numbers) if (n.flowId === flowId) n.flowId = null;
    // A version belongs to its flow: it goes with it (and comes back with Undo).
    d.versions = d.versions.filter((v) => v.flowId !== flowId);
  }, `Delete flow "${name}"`, { flowAfter: neighbour.id });
}

/**
 * Replaces the whole workspace as one undoable step (an imported workspace, the version another tab saved), showing
 * `flowId` afterwards if the new workspace has it, else its first flow.
 */
export function replaceWorkspace(store: EditorStore, ws: WorkspaceDoc, label: string, flowId?: string): boolean {
  return store.change(
    (d) => {
      const target = d as unknown as Record<string, unknown>;
      for (const key of Object.keys(target)) if (!(key in ws)) delete target[key];
      Object.assign(d, ws);
    },
    label,
    { flowAfter: ws.flows.some((f) => f.id === flowId) ? flowId! : ws.flows[0]!.id },
  );
}
