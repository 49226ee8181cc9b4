/** React binding of the simulator store: components read the slice they need. */
import { useSyncExternalStore } from 'react';
import type { SimState, SimStore } from './simStore.ts';

/** The selector must return something already in the state (or a primitive). */
export function useSim<T>(store: SimStore, selector: (s: SimState) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}
