/**
 * The editor's one store. The workspace changes in exactly one way:
 * `change(recipe, label)`, which runs immer's `produceWithPatches` and keeps
 * the inverse patches so undo/redo can replay them. Selection, the current
 * view and notices are UI state: they change freely and are never history.
 *
 * No React here: the store is a small external store that React reads with
 * `useSyncExternalStore` (see `react.tsx`), so it is unit-tested in Node.
 */
import { applyPatches, enablePatches, type Patch, produceWithPatches } from 'immer';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../../runtime/document/workspace.ts';

enablePatches();

export type Recipe = (draft: WorkspaceDoc) => void;

export interface HistoryEntry {
  label: string;
  patches: Patch[];
  inverse: Patch[];
  /** The flow on screen before and after the change, so undo shows where it happened. */
  flowBefore: string;
  flowAfter: string;
  at: number;
  coalesceKey?: string;
}

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'failed'; message: string }
  /** Another tab saved this workspace too: nothing is saved until the user picks a version (persistence.ts). */
  | { state: 'conflict'; message: string };

export interface Notice {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export type EditorView = 'canvas' | 'settings';

/** What a running simulation highlights on the canvas (set by the simulator; not history). */
export interface SimulationHighlight {
  activeNodeId: string | null;
  visitedNodeIds: readonly string[];
}

export interface EditorState {
  workspace: WorkspaceDoc;
  currentFlowId: string;
  /** Selected node ids in the current flow. */
  selection: readonly string[];
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
  save: SaveStatus;
  notice: Notice | null;
  view: EditorView;
  simulation: SimulationHighlight | null;
}

export interface ChangeOptions {
  /** Consecutive changes with the same key within a second become one undo step (typing in a field). */
  coalesceKey?: string;
  /** The flow to show once the change is made (a created flow, say). */
  flowAfter?: string;
}

export const HISTORY_LIMIT = 300;
const COALESCE_MS = 1000;

export interface EditorStore {
  getState(): EditorState;
  subscribe(listener: () => void): () => void;
  /** The one way to change the workspace; one call is one undo step. Returns false when the recipe changed nothing. */
  change(recipe: Recipe, label: string, options?: ChangeOptions): boolean;
  undo(): void;
  redo(): void;
  setCurrentFlow(flowId: string): void;
  setSelection(nodeIds: readonly string[]): void;
  setView(view: EditorView): void;
  setNotice(notice: Notice | null): void;
  setSaveStatus(status: SaveStatus): void;
  setSimulation(highlight: SimulationHighlight | null): void;
  /** Replaces everything without history: used when restoring a saved copy. */
  reset(workspace: WorkspaceDoc, currentFlowId?: string): void;
}

/** The flow on screen: the current id if it exists, else the first flow. */
export function currentFlow(state: EditorState): FlowDoc | undefined {
  return state.workspace.flows.find((f) => f.id === state.currentFlowId) ?? state.workspace.flows[0];
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function validFlowId(ws: WorkspaceDoc, wanted: string): string {
  return ws.flows.some((f) => f.id === wanted) ? wanted : (ws.flows[0]?.id ?? '');
}

/** Keeps only selected ids that still name a node of the flow on screen. */
function pruneSelection(ws: WorkspaceDoc, flowId: string, selection: readonly string[]): readonly string[] {
  if (selection.length === 0) return selection;
  const flow = ws.flows.find((f) => f.id === flowId);
  if (!flow) return [];
  const ids = new Set(flow.nodes.map((n) => n.id));
  const kept = selection.filter((id) => ids.has(id));
  return kept.length === selection.length ? selection : kept;
}

export function createEditorStore(workspace: WorkspaceDoc, currentFlowId?: string, now: () => number = Date.now): EditorStore {
  let state: EditorState = {
    workspace,
    currentFlowId: validFlowId(workspace, currentFlowId ?? ''),
    selection: [],
    past: [],
    future: [],
    save: { state: 'idle' },
    notice: null,
    view: 'canvas',
    simulation: null,
  };
  const listeners = new Set<() => void>();

  function set(next: EditorState) {
    if (next === state) return;
    state = next;
    for (const l of [...listeners]) l();
  }

  function moveTo(ws: WorkspaceDoc, flowId: string, past: readonly HistoryEntry[], future: readonly HistoryEntry[]) {
    const id = validFlowId(ws, flowId);
    const selection = id === state.currentFlowId ? pruneSelection(ws, id, state.selection) : [];
    set({ ...state, workspace: ws, currentFlowId: id, selection, past, future });
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change(recipe, label, options = {}) {
      const [next, patches, inverse] = produceWithPatches(state.workspace, (draft: WorkspaceDoc) => {
        recipe(draft);
      });
      if (patches.length === 0) return false;
      const flowBefore = state.currentFlowId;
      const flowAfter = validFlowId(next, options.flowAfter ?? flowBefore);
      const at = now();
      const last = state.past.at(-1);
      let past: HistoryEntry[];
      if (
        options.coalesceKey !== undefined &&
        last?.coalesceKey === options.coalesceKey &&
        state.future.length === 0 &&
        at - last.at < COALESCE_MS
      ) {
        // Typing "abc" into one field is one step: its patches run after the previous ones, its inverse before.
        past = [
          ...state.past.slice(0, -1),
          { ...last, patches: [...last.patches, ...patches], inverse: [...inverse, ...last.inverse], flowAfter, at },
        ];
      } else {
        const entry: HistoryEntry = { label, patches, inverse, flowBefore, flowAfter, at };
        if (options.coalesceKey !== undefined) entry.coalesceKey = options.coalesceKey;
        past = [...state.past, entry].slice(-HISTORY_LIMIT);
      }
      moveTo(next, flowAfter, past, []);
      return true;
    },
    undo() {
      const entry = state.past.at(-1);
      if (!entry) return;
      const ws = applyPatches(state.workspace, entry.inverse);
      moveTo(ws, entry.flowBefore, state.past.slice(0, -1), [...state.future, { ...entry, coalesceKey: undefined }]);
    },
    redo() {
      const entry = state.future.at(-1);
      if (!entry) return;
      const ws = applyPatches(state.workspace, entry.patches);
      moveTo(ws, entry.flowAfter, [...state.past, entry], state.future.slice(0, -1));
    },
    setCurrentFlow(flowId) {
      const id = validFlowId(state.workspace, flowId);
      if (id === state.currentFlowId) return;
      set({ ...state, currentFlowId: id, selection: [] });
    },
    setSelection(nodeIds) {
      if (sameIds(nodeIds, state.selection)) return;
      set({ ...state, selection: [...nodeIds] });
    },
    setView(view) {
      if (view !== state.view) set({ ...state, view });
    },
    setNotice(notice) {
      if (notice !== state.notice) set({ ...state, notice });
    },
    setSaveStatus(save) {
      set({ ...state, save });
    },
    setSimulation(simulation) {
      if (simulation !== state.simulation) set({ ...state, simulation });
    },
    reset(ws, flowId) {
      set({ ...state, workspace: ws, currentFlowId: validFlowId(ws, flowId ?? ''), selection: [], past: [], future: [] });
    },
  };
}
