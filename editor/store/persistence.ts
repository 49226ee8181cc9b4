/**
 * Where the editor keeps its work between visits. The store sees only the
 * small `Persistence` interface, so tests pass an in-memory fake and the app
 * passes IndexedDB (`idbPersistence`).
 */
import { parseWorkspace, type WorkspaceDoc } from '../../runtime/document/workspace.ts';
import { replaceWorkspace } from './flows.ts';
import type { EditorStore } from './store.ts';

export const SAVED_FORMAT = 'recflow.editor-state';

export interface SavedState {
  format: typeof SAVED_FORMAT;
  version: 1;
  workspace: WorkspaceDoc;
  currentFlowId: string;
  /**
   * Counts the saves (1, 2, …), so a tab can tell that another tab saved after it last loaded or saved. Absent in
   * copies saved before it existed (read as 0).
   */
  revision?: number;
}

/** A save refused because another tab saved since this one last loaded or saved: nothing was written. */
export class SaveConflictError extends Error {
  override readonly name = 'SaveConflictError';
  constructor(readonly storedRevision: number) {
    super(`the saved copy is at revision ${storedRevision}`);
  }
}

/** The revision of a saved value: 0 for nothing saved, an unreadable value, or a copy from before revisions. */
export function revisionOf(value: unknown): number {
  const r = typeof value === 'object' && value !== null ? (value as { revision?: unknown }).revision : undefined;
  return typeof r === 'number' && Number.isInteger(r) && r > 0 ? r : 0;
}

/**
 * Whether `next` may replace `stored`: only the save right after the revision it holds, so a tab never overwrites
 * what another tab saved without seeing it. Every `Persistence.save` applies this rule.
 */
export function checkRevision(stored: unknown, next: SavedState): void {
  const at = revisionOf(stored);
  if ((next.revision ?? 1) !== at + 1) throw new SaveConflictError(at);
}

export interface Persistence {
  /** The saved value, or undefined when nothing was ever saved. May throw (storage unavailable). */
  load(): Promise<unknown>;
  /**
   * Replaces the saved copy if it is still at `value.revision - 1` (`checkRevision`), else rejects with
   * `SaveConflictError`. A rejected save must leave the previous copy as it was (IndexedDB gives this: a failed
   * transaction writes nothing).
   */
  save(value: SavedState): Promise<void>;
  /** Keeps an unreadable copy aside so falling back to the sample does not destroy it. */
  keepCorrupt(value: unknown): Promise<void>;
  /**
   * Calls `onSaved` with the revision whenever another tab (or window) saves; returns what stops listening. Storage
   * that no other tab shares needs none.
   */
  watch?(onSaved: (revision: number) => void): () => void;
}

export interface Restored {
  workspace: WorkspaceDoc;
  currentFlowId: string;
  /** The revision of the copy restored (0 when the sample was opened); autosave's next save is the one after. */
  revision: number;
  notice: { tone: 'info' | 'warning' | 'error'; text: string } | null;
}

/** The workspace and flow a saved value holds, or null when it is not a readable saved state with a flow. */
function readSaved(raw: unknown): { workspace: WorkspaceDoc; currentFlowId: string } | null {
  const saved = raw as Partial<SavedState> | undefined;
  const parsed = saved?.format === SAVED_FORMAT ? parseWorkspace(saved.workspace) : undefined;
  if (!parsed?.ok || parsed.value.flows.length === 0) return null;
  return { workspace: parsed.value, currentFlowId: typeof saved!.currentFlowId === 'string' ? saved!.currentFlowId : '' };
}

export function errorText(e: unknown): string {
  if (e instanceof Error || (typeof DOMException === 'function' && e instanceof DOMException)) {
    const err = e as Error;
    if (err.name === 'QuotaExceededError') return 'the browser storage is full';
    if (err.name === 'AbortError') return 'the browser stopped the write before it finished';
    return err.message || err.name;
  }
  // IndexedDB rejects an aborted transaction with its `error`, which is null when nothing went wrong inside it.
  if (e === null || e === undefined || e === '') return 'the browser stopped the write before it finished (storage full, private mode or the page closing)';
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
      revision: 0,
      notice: { tone: 'error', text: `Local storage is not available (${errorText(e)}); changes will not be kept after a reload.` },
    };
  }
  if (raw === undefined || raw === null) return { workspace: sample(), currentFlowId: '', revision: 0, notice: null };
  const saved = readSaved(raw);
  if (!saved) {
    await persistence.keepCorrupt(raw).catch(() => undefined);
    // The unreadable copy keeps its revision: the sample saved over it is the next one, not a conflict.
    return {
      workspace: sample(),
      currentFlowId: '',
      revision: revisionOf(raw),
      notice: {
        tone: 'warning',
        text: 'The saved workspace could not be read, so the sample workspace was opened instead. The unreadable copy was kept aside in browser storage.',
      },
    };
  }
  return { ...saved, revision: revisionOf(raw), notice: null };
}

export interface Autosave {
  /** Saves now if anything changed since the last good save (or the last save failed). */
  flush(): Promise<void>;
  /**
   * After a conflict: puts the version another tab saved on screen as one undoable step (Undo brings back this
   * tab's), and carries on from it.
   */
  loadOther(): Promise<void>;
  /** After a conflict: saves this tab's version over the one another tab saved. */
  keepMine(): Promise<void>;
  dispose(): void;
}

const CONFLICT_MESSAGE =
  'This workspace was also changed in another tab, so this tab has not saved over it. Load the version saved there (Undo brings back what this tab shows), or keep this tab’s version and replace the other.';

/**
 * Saves the workspace and the current flow a moment after they stop changing.
 * A failed save shows as `save.state === 'failed'`; the next change tries again.
 *
 * Tabs share the saved copy. Each save is the next revision of it (`revision`: the one restored). When another tab
 * saves, a tab with no unsaved changes takes that version (one undo step); a tab with unsaved changes, or whose save
 * finds a newer copy, saves nothing and shows `save.state === 'conflict'` until the user loads the other version or
 * keeps this one. So neither tab's work is overwritten unseen.
 */
export function attachAutosave(store: EditorStore, persistence: Persistence, delayMs = 400, revision = 0): Autosave {
  let savedWs = store.getState().workspace;
  let savedFlow = store.getState().currentFlowId;
  let base = revision;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  // Set while this tab puts another tab's version on screen: that change is saved already, not an edit to save.
  let adopting = false;

  const conflict = () => store.setSaveStatus({ state: 'conflict', message: CONFLICT_MESSAGE });
  const failed = (e: unknown) =>
    store.setSaveStatus({ state: 'failed', message: `Could not save your changes: ${errorText(e)}. Your last saved copy is untouched.` });

  /** `replace`: save even when nothing changed since the last save (keeping this tab's version over another's). */
  async function saveNow(replace = false) {
    timer = undefined;
    const { workspace, currentFlowId, save } = store.getState();
    if (save.state === 'conflict' && !replace) return;
    if (!replace && workspace === savedWs && currentFlowId === savedFlow && save.state !== 'failed') return;
    store.setSaveStatus({ state: 'saving' });
    try {
      await persistence.save({ format: SAVED_FORMAT, version: 1, workspace, currentFlowId, revision: base + 1 });
      base += 1;
      savedWs = workspace;
      savedFlow = currentFlowId;
      const now = store.getState();
      // A change made while this save ran is still waiting for its own save.
      const newer = now.workspace !== workspace || now.currentFlowId !== currentFlowId;
      store.setSaveStatus(newer ? { state: 'pending' } : { state: 'saved', at: Date.now() });
    } catch (e) {
      if (e instanceof SaveConflictError) conflict();
      else failed(e);
    }
  }

  /** Puts the saved copy on screen (one undo step) and carries on from its revision. */
  async function adopt(notice: boolean) {
    let raw: unknown;
    try {
      raw = await persistence.load();
    } catch (e) {
      store.setSaveStatus({ state: 'failed', message: `Could not read the version saved in another tab: ${errorText(e)}.` });
      return;
    }
    const saved = readSaved(raw);
    if (!saved) {
      store.setSaveStatus({ state: 'failed', message: 'The version saved in another tab could not be read; this tab’s version is still on screen.' });
      return;
    }
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    adopting = true;
    try {
      replaceWorkspace(store, saved.workspace, 'Load the version saved in another tab', store.getState().currentFlowId);
    } finally {
      adopting = false;
    }
    base = revisionOf(raw);
    savedWs = seenWs = store.getState().workspace;
    savedFlow = seenFlow = store.getState().currentFlowId;
    store.setSaveStatus({ state: 'saved', at: Date.now() });
    if (notice) store.setNotice({ tone: 'info', text: 'This tab now shows the changes saved in another tab. Undo brings back what it showed before.' });
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
    if (adopting || (workspace === savedWs && currentFlowId === savedFlow)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => saveNow());
    }, delayMs);
    // Shown as "unsaved changes" until the save lands; a failure or a conflict stays visible until it is resolved.
    const st = store.getState().save.state;
    if (st !== 'pending' && st !== 'failed' && st !== 'conflict') store.setSaveStatus({ state: 'pending' });
  });

  const unwatch = persistence.watch?.((saved) => {
    // In turn with this tab's own saves: by then `base` says whether this tab has seen that revision.
    running = running.then(async () => {
      if (saved <= base) return;
      const { workspace, currentFlowId, save } = store.getState();
      const clean = timer === undefined && workspace === savedWs && currentFlowId === savedFlow && (save.state === 'saved' || save.state === 'idle');
      if (clean) await adopt(true);
      else conflict();
    });
  });

  return {
    flush() {
      if (timer !== undefined) clearTimeout(timer);
      running = running.then(() => saveNow());
      return running;
    },
    loadOther() {
      running = running.then(() => adopt(false));
      return running;
    },
    keepMine() {
      running = running.then(async () => {
        try {
          base = revisionOf(await persistence.load());
        } catch (e) {
          failed(e);
          return;
        }
        if (timer !== undefined) clearTimeout(timer);
        // Saved even if nothing changed here since: this tab's version must replace the other one.
        await saveNow(true);
      });
      return running;
    },
    dispose() {
      unsubscribe();
      unwatch?.();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
