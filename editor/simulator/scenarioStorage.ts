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
}

const KEY = 'scenarios.v1';

export function idbScenarioStorage(dbName = 'recflow-scenarios'): ScenarioStorage {
  let store: ReturnType<typeof createStore> | null = null;
  // Created on first use: importing this module must not open a database.
  const db = () => {
    store ??= createStore(dbName, 'scenarios');
    return store;
  };
  return {
    async load() {
      const value: unknown = await get(KEY, db());
      return Array.isArray(value) ? (value as SavedScenario[]) : [];
    },
    save: (all) => set(KEY, [...all], db()),
  };
}

export function memoryScenarioStorage(initial: readonly SavedScenario[] = []): ScenarioStorage {
  let saved = [...initial];
  return {
    load: async () => [...saved],
    save: async (all) => {
      saved = [...all];
    },
  };
}

export const defaultScenarioStorage: ScenarioStorage = idbScenarioStorage();
