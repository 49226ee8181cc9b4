/**
 * The app's `Persistence`: IndexedDB through idb-keyval, shared by every tab of the origin. A save checks the stored
 * revision and writes in one transaction, so two tabs cannot both save over the same revision; a BroadcastChannel
 * tells the other tabs that a save landed.
 */
import { createStore, get, set, update } from 'idb-keyval';
import { checkRevision, type Persistence, type SaveConflictError } from './persistence.ts';

const STATE_KEY = 'state';
const CORRUPT_KEY = 'state.unreadable';

export function idbPersistence(dbName = 'recflow'): Persistence {
  const store = createStore(dbName, 'editor');
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${dbName}:saved`) : null;
  return {
    load: () => get(STATE_KEY, store),
    async save(value) {
      let refused: SaveConflictError | null = null;
      // One readwrite transaction: the check and the put cannot interleave with another tab's save. If it fails
      // (quota, private mode) nothing is written and the old copy stays; refused, the stored value is put back as is.
      await update<unknown>(
        STATE_KEY,
        (stored) => {
          try {
            checkRevision(stored, value);
            return value;
          } catch (e) {
            refused = e as SaveConflictError;
            return stored;
          }
        },
        store,
      );
      if (refused) throw refused;
      channel?.postMessage({ revision: value.revision ?? 1 });
    },
    keepCorrupt: (value) => set(CORRUPT_KEY, value, store),
    watch(onSaved) {
      if (!channel) return () => {};
      const listener = (e: MessageEvent) => {
        const revision = (e.data as { revision?: unknown } | null)?.revision;
        if (typeof revision === 'number') onSaved(revision);
      };
      channel.addEventListener('message', listener);
      return () => channel.removeEventListener('message', listener);
    },
  };
}
