/**
 * Entry point: restores the saved workspace (or opens the sample) while the
 * node kinds' views and forms load, starts autosave, and renders the editor.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { kinds } from '../nodes/index.ts';
import { App } from './App.tsx';
import { loadKindUis } from './kindUi.ts';
import { installKindStyles } from './kit/kindStyles.ts';
import { sampleWorkspace } from './sample.ts';
import { idbPersistence } from './store/idb.ts';
import { attachAutosave, type Persistence, restore } from './store/persistence.ts';
import { createEditorStore } from './store/store.ts';
import './theme.css';

installKindStyles(kinds);
const kindUis = loadKindUis();
const rootEl = document.getElementById('root');
if (!rootEl) throw new Error('index.html has no #root');
const root = createRoot(rootEl);
root.render(<div className="app-loading">Opening your workspace…</div>);

// Benchmark hook (bench/run.ts, BENCHMARKS.md): `?bench=<same-origin URL of a saved-state JSON>` restores that
// document instead of IndexedDB and keeps changes in memory, so measuring never touches the user's saved work.
const benchUrl = new URLSearchParams(location.search).get('bench');
const persistence: Persistence =
  benchUrl !== null && new URL(benchUrl, location.href).origin === location.origin
    ? { load: async () => (await fetch(benchUrl)).json(), save: async () => {}, keepCorrupt: async () => {} }
    : idbPersistence();
const [restored] = await Promise.all([restore(persistence, sampleWorkspace), kindUis]);
const store = createEditorStore(restored.workspace, restored.currentFlowId);
if (restored.notice) store.setNotice(restored.notice);
const autosave = attachAutosave(store, persistence, 400, restored.revision);
// Leaving the page (or hiding the tab) saves what is still waiting for the debounce.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void autosave.flush();
});
window.addEventListener('pagehide', () => void autosave.flush());

// Exposed for the end-to-end tests and for debugging from the console; read-only use only.
(window as unknown as { __recflow?: unknown }).__recflow = { store, autosave };

root.render(
  <StrictMode>
    <App store={store} autosave={autosave} />
  </StrictMode>,
);
