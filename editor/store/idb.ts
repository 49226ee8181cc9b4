/** The app's `Persistence`: IndexedDB through idb-keyval. */
import { createStore, get, set } from 'idb-keyval';
import type { Persistence } from './persistence.ts';

const STATE_KEY = 'state';
const CORRUPT_KEY = 'state.unreadable';

export function idbPersistence(dbName = 'recflow'): Persistence {
  const store = createStore(dbName, 'editor');
  return {
    load: () => get(STATE_KEY, store),
    // One put in one transaction: if it fails (quota, private mode) nothing is written and the old copy stays.
    save: (value) => set(STATE_KEY, value, store),
    keepCorrupt: (value) => set(CORRUPT_KEY, value, store),
  };
}
