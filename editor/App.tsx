/**
 * The editor's layout: top bar, palette (left), canvas (centre) with the
 * problems panel below it, inspector (right), or the settings view. Wires
 * the pure panels (Inspector, SettingsArea) to the store.
 */
import { type ColorMode, ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { isEntry, type NodeKindName } from '../nodes/index.ts';
import type { FlowNode } from '../runtime/document/flow.ts';
import { Canvas, isEditable } from './canvas/Canvas.tsx';
import { SearchPanel } from './canvas/SearchPanel.tsx';
import { useCanvasActions } from './canvas/useCanvasActions.ts';
import { Banners } from './Banners.tsx';
import { CompareProvider, loadCompare, useCompare } from './compare/CompareContext.tsx';
import { HelpDialog } from './HelpDialog.tsx';
import Inspector, { type FlowPatch } from './inspector/Inspector.tsx';
import { ExportDialog, useImport } from './io/IoDialogs.tsx';
import { NodePicker } from './palette/NodePicker.tsx';
import { Palette } from './palette/Palette.tsx';
import { ProblemsPanel } from './problems/ProblemsPanel.tsx';
import { ProblemsProvider, useProblems } from './problems/ProblemsContext.tsx';
import { switchLabel, switchPlatform } from './settings/platform.ts';
import { freePorts, setEndsCall, setNodeData } from './store/edits.ts';
import { draftFlow } from './store/flows.ts';
import type { Autosave } from './store/persistence.ts';
import { StoreProvider, useCurrentFlow, useEditor, useStore } from './store/react.tsx';
import type { EditorStore } from './store/store.ts';
import { TopBar, useTheme } from './TopBar.tsx';
import { showToast, Toasts } from './ui/toast.tsx';

// Separate chunks the first screen does not wait for (bench/, BENCHMARKS.md: initial JS): the simulator (with
// xstate and the call runtime) and the settings view. The simulator's drawer bar is on the first screen, so its
// chunk starts loading right away, while the workspace is restored: it is there by the first render and the
// canvas does not shrink under the user a moment later.
const simulatorChunk = import('./simulator/Simulator.tsx');
const SimulatorDrawer = lazy(() => simulatorChunk);
const SettingsArea = lazy(() => import('./settings/SettingsArea.tsx'));
const CompareDialog = lazy(() => loadCompare().then((m) => ({ default: m.CompareDialog })));
const ComparePanel = lazy(() => loadCompare().then((m) => ({ default: m.ComparePanel })));
const ImportReportPanel = lazy(() => import('./io/PlatformReport.tsx').then((m) => ({ default: m.ImportReportPanel })));
const loadVersions = () => import('./versions/Versions.tsx');
const PublishFlowDialog = lazy(() => loadVersions().then((m) => ({ default: m.PublishFlowDialog })));
const FlowHistory = lazy(() => loadVersions().then((m) => ({ default: m.FlowHistory })));

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
        // Typing in the name is one step, typing in the description another.
        { coalesceKey: `flow:${id}:${Object.keys(patch).sort().join(',')}` },
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
  const [theme, setTheme] = useTheme();
  const [help, setHelp] = useState(false);
  const [picker, setPicker] = useState(false);
  const [search, setSearch] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [problemsOpen, setProblemsOpen] = useState(true);
  const [choosingBaseline, setChoosingBaseline] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const compare = useCompare();

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

  // After a failed save (or while another tab's version waits for a choice) the latest changes exist only in this
  // page: closing or reloading it asks first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const state = store.getState().save.state;
      if (state !== 'failed' && state !== 'conflict') return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);

  // Delete: the canvas deletes the rest of the selection and keeps the Start; the user is told why (C1). Heard before
  // React Flow handles the key (capture), while the Start is still in the selection.
  useEffect(() => {
    const onDelete = (e: KeyboardEvent) => {
      if ((e.key !== 'Delete' && e.key !== 'Backspace') || e.ctrlKey || e.metaKey || e.altKey) return;
      if (document.querySelector('dialog[open]') || isEditable(e.target instanceof Element ? e.target : null)) return;
      const state = store.getState();
      if (state.view !== 'canvas') return;
      const flowNow = state.workspace.flows.find((f) => f.id === state.currentFlowId);
      if (flowNow?.nodes.some((n) => isEntry(n) && state.selection.includes(n.id))) {
        showToast('The Start cannot be deleted: every flow has exactly one, where its calls enter (C1). Move it, or delete the other nodes.', {
          tone: 'error',
        });
      }
    };
    window.addEventListener('keydown', onDelete, true);
    return () => window.removeEventListener('keydown', onDelete, true);
  }, [store]);

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
      <TopBar
        theme={theme}
        onToggleTheme={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        problemsOpen={problemsOpen}
        onToggleProblems={() => setProblemsOpen((o) => !o)}
        onImport={io.openPicker}
        onExport={() => setExporting(true)}
        onHelp={() => setHelp(true)}
        onCompare={() => setChoosingBaseline(true)}
        onPublish={() => setPublishing(true)}
        historyOpen={historyOpen}
        onToggleHistory={() => setHistoryOpen((o) => !o)}
      />
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
                  <SearchPanel flow={flow} workspace={workspace} onJump={actions.focusNode} onClose={() => setSearch(false)} />
                </div>
              ) : null}
            </div>
            {/* Docked panels share at most about half the height: the canvas always keeps the rest. */}
            <div className="dock">
              {historyOpen && flow ? (
                <Suspense fallback={null}>
                  <FlowHistory onClose={() => setHistoryOpen(false)} onPublish={() => setPublishing(true)} />
                </Suspense>
              ) : null}
              {compare.comparison ? (
                <Suspense fallback={null}>
                  <ComparePanel comparison={compare.comparison} workspace={workspace} onJump={actions.focusNode} onClose={compare.stop} />
                </Suspense>
              ) : null}
              {io.shown ? (
                <Suspense fallback={null}>
                  <ImportReportPanel
                    report={io.shown.report}
                    flow={workspace.flows.find((f) => f.id === io.shown?.flowId)}
                    standIns={io.shown.standIns}
                    platformName={io.shown.platformName}
                    onPreset={workspace.platform === io.shown.platform}
                    onSwitchPreset={() => {
                      const shown = io.shown!;
                      if (store.change(switchPlatform(shown.platform), switchLabel(shown.platform)))
                        showToast(`The workspace models ${shown.platformName} now.`, { action: { label: 'Undo', run: () => store.undo() } });
                    }}
                    onJump={(nodeId) => {
                      const flowId = io.shown!.flowId;
                      if (store.getState().currentFlowId === flowId) return actions.focusNode(nodeId);
                      // The canvas draws the other flow first; then its node can be brought into view.
                      store.setCurrentFlow(flowId);
                      requestAnimationFrame(() => requestAnimationFrame(() => actions.focusNode(nodeId)));
                    }}
                    onClose={io.closeReport}
                  />
                </Suspense>
              ) : null}
              {problemsOpen && flow ? (
                <ProblemsPanel
                  flow={flow}
                  onJump={actions.focusNode}
                  onEndCall={(nodeId, port) => setEndsCall(store, flow.id, nodeId, port, true)}
                  onClose={() => setProblemsOpen(false)}
                />
              ) : null}
            </div>
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
        <ExportDialog
          flow={flow}
          workspace={workspace}
          errors={errors}
          warnings={warnings}
          onClose={() => setExporting(false)}
          onJump={actions.focusNode}
        />
      ) : null}
      {publishing && flow ? (
        <Suspense fallback={null}>
          <PublishFlowDialog onClose={() => setPublishing(false)} onJump={actions.focusNode} />
        </Suspense>
      ) : null}
      {choosingBaseline && flow ? (
        <Suspense fallback={null}>
          <CompareDialog
            current={flow}
            flows={workspace.flows}
            onClose={() => setChoosingBaseline(false)}
            onCompare={(baseline) => {
              setChoosingBaseline(false);
              compare.compareWith(baseline);
            }}
          />
        </Suspense>
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
          <CompareProvider>
            <Shell autosave={autosave} />
          </CompareProvider>
        </ProblemsProvider>
      </ReactFlowProvider>
    </StoreProvider>
  );
}
