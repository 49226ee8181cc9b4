/**
 * Where saved scenarios live: IndexedDB through idb-keyval, in their own
 * database and key, apart from the workspace autosave (a broken scenario
 * list can never touch the user's flows). Behind a two-method interface so
 * tests and stories use the in-memory one.
 */
import { createStore, get, set } from 'idb-keyval';
import type { SavedScenario } from './scenarios.ts';

export interface ScenarioStorage {
  load(): Promise<SavedScenario[]>;
  save(all: readonly SavedScenario[]): Promise<void>;
  /** Calls `listener` after each save (an import adds scenarios while the Scenarios tab shows them); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

function listeners() {
  const all = new Set<() => void>();
  return {
    subscribe(listener: () => void) {
      all.add(listener);
      return () => {
        all.delete(listener);
      };
    },
    notify: () => {
      for (const l of [...all]) l();
    },
  };
}

const KEY = 'scenarios.v1';

export function idbScenarioStorage(dbName = 'recflow-scenarios'): ScenarioStorage {
  let store: ReturnType<typeof createStore> | null = null;
  // Created on first use: importing this module must not open a database.
  const db = () => {
    store ??= createStore(dbName, 'scenarios');
    return store;
  };
  const changes = listeners();
  return {
    async load() {
      const value: unknown = await get(KEY, db());
      return Array.isArray(value) ? (value as SavedScenario[]) : [];
    },
    async save(all) {
      await set(KEY, [...all], db());
      changes.notify();
    },
    subscribe: changes.subscribe,
  };
}

export function memoryScenarioStorage(initial: readonly SavedScenario[] = []): ScenarioStorage {
  let saved = [...initial];
  const changes = listeners();
  return {
    load: async () => [...saved],
    save: async (all) => {
      saved = [...all];
      changes.notify();
    },
    subscribe: changes.subscribe,
  };
}

export const defaultScenarioStorage: ScenarioStorage = idbScenarioStorage();
