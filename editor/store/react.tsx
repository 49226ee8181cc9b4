/**
 * React bindings of the store: components subscribe to the slice they read
 * (`useEditor(s => s.selection)`), so a change elsewhere does not re-render them.
 */
import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import { currentFlow, type EditorState, type EditorStore } from './store.ts';

const StoreContext = createContext<EditorStore | null>(null);

export function StoreProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStore(): EditorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore must be used inside <StoreProvider>');
  return store;
}

/** A slice of the state. The selector must return something already in the state (or a primitive), not a new object. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  const store = useStore();
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}

const selectCurrentFlow = (s: EditorState) => currentFlow(s);

export function useCurrentFlow(): FlowDoc | undefined {
  return useEditor(selectCurrentFlow);
}
