/**
 * Where the editor keeps its work between visits. The store sees only the
 * small `Persistence` interface, so tests pass an in-memory fake and the app
 * passes IndexedDB (`idbPersistence`).
 */
import { parseWorkspace, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import type { EditorStore } from './store.ts';

export const SAVED_FORMAT = 'recflow.editor-state';

export interface SavedState {
  format: typeof SAVED_FORMAT;
  version: 1;
  workspace: WorkspaceDoc;
  currentFlowId: string;
}

export interface Persistence {
  /** The saved value, or undefined when nothing was ever saved. May throw (storage unavailable). */
  load(): Promise<unknown>;
  /**
   * Replaces the saved copy. A rejected save must leave the previous copy as it
   * was (IndexedDB gives this: a failed transaction writes nothing).
   */
  save(value: SavedState): Promise<void>;
  /** Keeps an unreadable copy aside so falling back to the sample does not destroy it. */
  keepCorrupt(value: unknown): Promise<void>;
}

export interface Restored {
  workspace: WorkspaceDoc;
  currentFlowId: string;
  notice: { tone: 'info' | 'warning' | 'error'; text: string } | null;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.name === 'QuotaExceededError' ? 'the browser storage is full' : e.message;
  return String(e);
}

/**
 * Reads the saved copy. Nothing saved: the sample. A copy that no longer
 * parses: the sample, the copy kept aside, and a notice saying so.
 */
export async function restore(persistence: Persistence, sample: () => WorkspaceDoc): Promise<Restored> {
  let raw: unknown;
  try {
    raw = await persistence.load();
  } catch (e) {
    return {
      workspace: sample(),
      currentFlowId: '',
      notice: { tone: 'error', text: `Local storage is not available (${errorText(e)}); changes will not be kept after a reload.` },
    };
  }
  if (raw === undefined || raw === null) return { workspace: sample(), currentFlowId: '', notice: null };
  const saved = raw as Partial<SavedState>;
  const parsed = saved.format === SAVED_FORMAT ? parseWorkspace(saved.workspace) : undefined;
  if (!parsed?.ok || parsed.value.flows.length === 0) {
    await persistence.keepCorrupt(raw).catch(() => undefined);
    return {
      workspace: sample(),
      currentFlowId: '',
      notice: {
        tone: 'warning',
        text: 'The saved workspace could not be read, so the sample workspace was opened instead. The unreadable copy was kept aside in browser storage.',
      },
    };
  }
  return {
    workspace: parsed.value,
    currentFlowId: typeof saved.currentFlowId === 'string' ? saved.currentFlowId : '',
    notice: null,
  };
}

export interface Autosave {
  /** Saves now if anything changed since the last good save (or the last save failed). */
  flush(): Promise<void>;
  dispose(): void;
}

/**
 * Saves the workspace and the current flow a moment after they stop changing.
 * A failed save shows as `save.state === 'failed'`; the next change tries again.
 */
export function attachAutosave(store: EditorStore, persistence: Persistence, delayMs = 400): Autosave {
  let savedWs = store.getState().workspace;
  let savedFlow = store.getState().currentFlowId;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  async function saveNow() {
    timer = undefined;
    const { workspace, currentFlowId } = store.getState();
    if (workspace === savedWs && currentFlowId === savedFlow && store.getState().save.state !== 'failed') return;
    store.setSaveStatus({ state: 'saving' });
    try {
      await persistence.save({ format: SAVED_FORMAT, version: 1, workspace, currentFlowId });
      savedWs = workspace;
      savedFlow = currentFlowId;
      const now = store.getState();
      // A change made while this save ran is still waiting for its own save.
      const newer = now.workspace !== workspace || now.currentFlowId !== currentFlowId;
      store.setSaveStatus(newer ? { state: 'pending' } : { state: 'saved', at: Date.now() });
    } catch (e) {
      store.setSaveStatus({ state: 'failed', message: `Could not save your changes: ${errorText(e)}. Your last saved copy is untouched.` });
    }
  }

  // What the last notification carried: only a new edit schedules a save. Comparing with the saved copy instead
  // would re-arm the timer on every status change after a failure and retry forever, every `delayMs`.
  let seenWs = savedWs;
  let seenFlow = savedFlow;
  const unsubscribe = store.subscribe(() => {
    const { workspace, currentFlowId } = store.getState();
    if (workspace === seenWs && currentFlowId === seenFlow) return;
    seenWs = workspace;
    seenFlow = currentFlowId;
    if (workspace === savedWs && currentFlowId === savedFlow) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(saveNow);
    }, delayMs);
    // Shown as "unsaved changes" until the save lands; a failure stays visible until a save succeeds.
    const st = store.getState().save.state;
    if (st !== 'pending' && st !== 'failed') store.setSaveStatus({ state: 'pending' });
  });

  return {
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      running = running.then(saveNow);
      return running;
    },
    dispose() {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
