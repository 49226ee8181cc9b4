/**
 * The editor's layout: top bar, palette (left), canvas (centre) with the
 * problems panel below it, inspector (right), or the settings view. Wires
 * the pure panels (Inspector, SettingsArea) to the store.
 */
import { type ColorMode, ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { NodeKindName } from '../nodes/index.ts';
import type { FlowNode } from '../runtime/document/flow.ts';
import { Canvas, isEditable } from './canvas/Canvas.tsx';
import { SearchPanel } from './canvas/SearchPanel.tsx';
import { useCanvasActions } from './canvas/useCanvasActions.ts';
import { FlowMenu } from './FlowMenu.tsx';
import { HelpDialog } from './HelpDialog.tsx';
import Inspector, { type FlowPatch } from './inspector/Inspector.tsx';
import { ExportDialog, useImport } from './io/IoDialogs.tsx';
import { applyImport } from './io/importDoc.ts';
import { NodePicker } from './palette/NodePicker.tsx';
import { Palette } from './palette/Palette.tsx';
import { ProblemsPanel } from './problems/ProblemsPanel.tsx';
import { ProblemsProvider, useProblems } from './problems/ProblemsContext.tsx';
import { blankWorkspace } from './sample.ts';
import { freePorts, setEndsCall, setNodeData } from './store/edits.ts';
import { draftFlow, renameFlow } from './store/flows.ts';
import type { Autosave } from './store/persistence.ts';
import { StoreProvider, useCurrentFlow, useEditor, useStore } from './store/react.tsx';
import type { EditorStore } from './store/store.ts';
import { Icon } from './ui/icons.tsx';
import { showToast, Toasts } from './ui/toast.tsx';

export type Theme = 'light' | 'dark';

// Separate chunks the first screen does not wait for (bench/, BENCHMARKS.md: initial JS): the simulator (with
// xstate and the call runtime) and the settings view. The simulator's drawer bar is on the first screen, so its
// chunk starts loading right away, while the workspace is restored: it is there by the first render and the
// canvas does not shrink under the user a moment later.
const simulatorChunk = import('./simulator/Simulator.tsx');
const SimulatorDrawer = lazy(() => simulatorChunk);
const SettingsArea = lazy(() => import('./settings/SettingsArea.tsx'));

function readTheme(): Theme {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function FlowName() {
  const store = useStore();
  const flow = useCurrentFlow();
  const [draft, setDraft] = useState<string | null>(null);
  if (!flow) return null;
  const commit = () => {
    if (draft !== null && draft.trim() !== flow.name && !renameFlow(store, flow.id, draft)) {
      showToast('A flow name must be 1 to 200 characters.', { tone: 'error' });
    }
    setDraft(null);
  };
  return (
    <input
      className="flow-name"
      aria-label="Flow name"
      value={draft ?? flow.name}
      size={Math.min(32, Math.max(8, (draft ?? flow.name).length + 1))}
      onFocus={() => setDraft(flow.name)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(flow.name);
          e.currentTarget.blur();
        }
      }}
      title="Click to rename the flow"
    />
  );
}

function UndoRedo() {
  const store = useStore();
  const undo = useEditor((s) => s.past.at(-1)?.label);
  const redo = useEditor((s) => s.future.at(-1)?.label);
  return (
    <div className="topbar__group">
      <button
        type="button"
        className="btn btn--icon"
        onClick={() => store.undo()}
        disabled={undo === undefined}
        aria-label={undo ? `Undo ${undo}` : 'Undo'}
        title={undo ? `Undo: ${undo} (Ctrl+Z)` : 'Nothing to undo'}
      >
        <Icon name="undo" />
      </button>
      <button
        type="button"
        className="btn btn--icon"
        onClick={() => store.redo()}
        disabled={redo === undefined}
        aria-label={redo ? `Redo ${redo}` : 'Redo'}
        title={redo ? `Redo: ${redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}
      >
        <Icon name="redo" />
      </button>
    </div>
  );
}

function SaveStatus() {
  const save = useEditor((s) => s.save);
  const text =
    save.state === 'pending' ? 'Unsaved changes…' : save.state === 'saving' ? 'Saving…' : save.state === 'saved' ? 'All changes saved' : save.state === 'failed' ? 'Not saved' : 'Saved in this browser';
  return (
    <span className={`topbar__status${save.state === 'failed' ? ' count-error' : ''}`} role="status" data-save-state={save.state}>
      {text}
    </span>
  );
}

function ProblemsButton({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const { errors, warnings } = useProblems();
  const label = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}, ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`;
  return (
    <button
      type="button"
      className="btn problems-pill"
      aria-pressed={open}
      onClick={onToggle}
      aria-label={`Problems: ${label}`}
      title={`${label}. Click to ${open ? 'hide' : 'show'} the problems panel.`}
    >
      {errors.length === 0 && warnings.length === 0 ? (
        <span className="count-ok">
          <Icon name="check" />
        </span>
      ) : null}
      <span className={errors.length ? 'count-error' : ''} data-testid="error-count">
        {errors.length} {errors.length === 1 ? 'error' : 'errors'}
      </span>
      <span className={warnings.length ? 'count-warning' : ''} data-testid="warning-count">
        {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
      </span>
    </button>
  );
}

function Banners({ autosave }: { autosave: Autosave | null }) {
  const store = useStore();
  const notice = useEditor((s) => s.notice);
  const save = useEditor((s) => s.save);
  return (
    <div>
      {save.state === 'failed' ? (
        <div className="banner banner--error" role="alert">
          <Icon name="error" />
          <span className="banner__text">{save.message}</span>
          {autosave ? (
            <button type="button" className="btn" onClick={() => void autosave.flush()}>
              Try again
            </button>
          ) : null}
        </div>
      ) : null}
      {notice ? (
        <div className={`banner banner--${notice.tone}`} role={notice.tone === 'info' ? 'status' : 'alert'}>
          <Icon name={notice.tone === 'info' ? 'help' : 'warning'} />
          <span className="banner__text">{notice.text}</span>
          <button type="button" className="btn" onClick={() => store.setNotice(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}

function InspectorPanel() {
  const store = useStore();
  const workspace = useEditor((s) => s.workspace);
  const selection = useEditor((s) => s.selection);
  const flow = useCurrentFlow();
  const { all } = useProblems();
  const onChangeNode = useCallback(
    (nodeId: string, data: FlowNode['data']) => {
      if (flow) setNodeData(store, flow.id, nodeId, data);
    },
    [store, flow],
  );
  const onChangeFlow = useCallback(
    (patch: FlowPatch) => {
      if (!flow) return;
      const id = flow.id;
      store.change(
        (d) => {
          const f = draftFlow(d, id);
          if (patch.name !== undefined && patch.name.trim() !== '') f.name = patch.name;
          if (patch.description !== undefined) {
            if (patch.description === '') delete f.description;
            else f.description = patch.description;
          }
        },
        'Edit flow properties',
        { coalesceKey: `flow:${id}` },
      );
    },
    [store, flow],
  );
  return (
    <Inspector
      workspace={workspace}
      flow={flow ?? null}
      selectedNodeIds={selection}
      problems={all}
      onChangeNode={onChangeNode}
      onChangeFlow={onChangeFlow}
    />
  );
}

function Settings() {
  const store = useStore();
  const workspace = useEditor((s) => s.workspace);
  const onChange = useCallback((recipe: Parameters<EditorStore['change']>[0], label: string) => store.change(recipe, label), [store]);
  return (
    <Suspense fallback={<p className="app-loading">Opening the settings…</p>}>
      <SettingsArea workspace={workspace} onChange={onChange} />
    </Suspense>
  );
}

function Shell({ autosave }: { autosave: Autosave | null }) {
  const store = useStore();
  const flow = useCurrentFlow();
  const view = useEditor((s) => s.view);
  const selection = useEditor((s) => s.selection);
  const workspace = useEditor((s) => s.workspace);
  const { errors, warnings } = useProblems();
  const actions = useCanvasActions();
  const io = useImport();
  const [theme, setTheme] = useState<Theme>(readTheme);
  const [help, setHelp] = useState(false);
  const [picker, setPicker] = useState(false);
  const [search, setSearch] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [problemsOpen, setProblemsOpen] = useState(true);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem('recflow.theme', theme);
    } catch {
      // Private mode may refuse; the theme then lasts for this visit.
    }
  }, [theme]);

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const editing = isEditable(e.target instanceof Element ? e.target : null);
      if (mod && !e.altKey && (key === 'z' || key === 'y')) {
        // In a text field the field's own undo applies.
        if (editing) return;
        e.preventDefault();
        if (key === 'y' || e.shiftKey) store.redo();
        else store.undo();
        return;
      }
      if (editing) return;
      if (e.key === '?') {
        e.preventDefault();
        setHelp(true);
        return;
      }
      if (store.getState().view !== 'canvas') return;
      if (mod && key === 'f') {
        e.preventDefault();
        setSearch(true);
      } else if (mod && key === 'a') {
        e.preventDefault();
        actions.selectAll();
      } else if (!mod && !e.altKey && (key === 'n' || key === 'a')) {
        e.preventDefault();
        setPicker(true);
      } else if (!mod && !e.altKey && key === 'l') {
        e.preventDefault();
        actions.layout();
      } else if (!mod && !e.altKey && key === 'f') {
        e.preventDefault();
        actions.fitView();
      } else if (e.key === 'Escape') {
        if (search) setSearch(false);
        else store.setSelection([]);
      }
    },
    [store, actions, search],
  );

  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onKeyDown]);

  const colorMode: ColorMode = theme;
  const onAdd = useCallback((kind: NodeKindName) => void actions.addNode(kind), [actions]);
  const selectedLabel = (() => {
    if (!flow || selection.length !== 1) return null;
    const node = flow.nodes.find((n) => n.id === selection[0]);
    // The picker promises "below, connected" only when the node has a free port to connect from.
    return node && freePorts(flow, node).length > 0 ? (node.data as { label?: string }).label || node.id : null;
  })();

  return (
    <div className="app">
      <header className="topbar">
        <div className="topbar__brand">
          <span className="topbar__logo" aria-hidden="true">
            <Icon name="recording" />
          </span>
          <span className="topbar__brand-name">Recflow</span>
        </div>
        <FlowMenu
          onBlankWorkspace={() => {
            applyImport(store, { kind: 'workspace', workspace: blankWorkspace() });
            showToast('Started a blank workspace.', { action: { label: 'Undo', run: () => store.undo() } });
          }}
        />
        <FlowName />
        <span className="topbar__sep" />
        <UndoRedo />
        <span className="topbar__sep" />
        <div className="topbar__group">
          <button type="button" className="btn" onClick={io.openPicker} aria-label="Import" title="Import a flow or workspace JSON file (or drop it on the canvas)">
            <Icon name="import" />
            <span className="btn__text--wide">Import</span>
          </button>
          <button type="button" className="btn" onClick={() => setExporting(true)} aria-label="Export" title="Export this flow or the whole workspace as JSON">
            <Icon name="export" />
            <span className="btn__text--wide">Export</span>
          </button>
        </div>
        <div className="topbar__spacer" />
        <SaveStatus />
        {view === 'canvas' ? <ProblemsButton open={problemsOpen} onToggle={() => setProblemsOpen((o) => !o)} /> : null}
        <button
          type="button"
          className="btn"
          aria-pressed={view === 'settings'}
          onClick={() => store.setView(view === 'settings' ? 'canvas' : 'settings')}
          title="Account recording settings, numbers, agents, ring groups and roles"
        >
          <Icon name="settings" />
          Settings
        </button>
        <button
          type="button"
          className="btn btn--icon"
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
        >
          <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
        </button>
        <button type="button" className="btn btn--icon" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          <Icon name="help" />
        </button>
      </header>
      <Banners autosave={autosave} />
      {view === 'settings' ? (
        <main className="main main--settings">
          <Settings />
        </main>
      ) : (
        <main className="main">
          <aside className="side side--left">
            <Palette onAdd={onAdd} />
          </aside>
          <div className="center">
            <div className="canvas-wrap">
              {flow ? <Canvas colorMode={colorMode} onDropFiles={(files) => void io.importFiles(files)} /> : null}
              {search && flow ? (
                <div className="search-float">
                  <SearchPanel flow={flow} onJump={actions.focusNode} onClose={() => setSearch(false)} />
                </div>
              ) : null}
            </div>
            {problemsOpen && flow ? (
              <ProblemsPanel
                flow={flow}
                onJump={actions.focusNode}
                onEndCall={(nodeId, port) => setEndsCall(store, flow.id, nodeId, port, true)}
                onClose={() => setProblemsOpen(false)}
              />
            ) : null}
          </div>
          <aside className="side side--right">
            <InspectorPanel />
          </aside>
        </main>
      )}
      <Suspense fallback={null}>
        <SimulatorDrawer />
      </Suspense>
      {help ? <HelpDialog onClose={() => setHelp(false)} /> : null}
      {picker ? (
        <NodePicker
          below={selectedLabel}
          onClose={() => setPicker(false)}
          onPick={(kind) => {
            setPicker(false);
            actions.addNode(kind);
          }}
        />
      ) : null}
      {exporting && flow ? (
        <ExportDialog flow={flow} workspace={workspace} errors={errors} warnings={warnings} onClose={() => setExporting(false)} />
      ) : null}
      {io.dialog}
      {io.fileInput}
      <Toasts />
    </div>
  );
}

export function App({ store, autosave }: { store: EditorStore; autosave: Autosave | null }) {
  return (
    <StoreProvider store={store}>
      <ReactFlowProvider>
        <ProblemsProvider>
          <Shell autosave={autosave} />
        </ProblemsProvider>
      </ReactFlowProvider>
    </StoreProvider>
  );
}
