/**
 * The flow canvas (React Flow 12). The store holds the flow; React Flow holds
 * local copies of its nodes (measured sizes, positions during a drag) that are
 * rebuilt incrementally from the flow (see `reconcile.ts`). A drag reaches the
 * store once, when it ends.
 */
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  type ColorMode,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  MiniMap,
  type NodeChange,
  Panel,
  ReactFlow,
  type ReactFlowState,
  useConnection,
  useReactFlow,
  useStore as useFlowStore,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type DragEvent, lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getKind, isKindName } from '../../nodes/index.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import { useCompare } from '../compare/CompareContext.tsx';
import { useProblems } from '../problems/ProblemsContext.tsx';
import { connect, connectionProblem, moveNodes, portProblem, removeElements, setEndsCall, type XY } from '../store/edits.ts';
import { useCurrentFlow, useEditor, useStore } from '../store/react.tsx';
import { KindLookupContext } from '../kit/kindLookup.ts';
import { type PortActions, PortActionsContext } from '../kit/NodeShell.tsx';
import { WorkspaceNamesProvider } from '../kit/workspaceNames.tsx';
import { Icon } from '../ui/icons.tsx';
import { showToast } from '../ui/toast.tsx';
import './canvas.css';
import { EffectiveProvider } from './EffectiveContext.tsx';
import { MAX_ZOOM, MIN_ZOOM } from './fit.ts';
import { FAR_ZOOM, FarContext, nodeTypes } from './nodeTypes.ts';
import type { FlowRFNode } from './nodeViewData.ts';
import { type FlowRFEdge, reconcileEdges, reconcileNodes } from './reconcile.ts';
import { useCanvasActions } from './useCanvasActions.ts';

export const PALETTE_MIME = 'application/x-recflow-kind';
const SNAP: [number, number] = [16, 16];
// Props React Flow compares by identity are hoisted, so a re-render of the canvas does not re-subscribe key handlers.
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const EDGE_OPTIONS = { type: 'default' } as const;
const MINIMAP_STYLE = { width: 168, height: 112 };
const minimapClass = (n: FlowRFNode) => `mm-node mm-${n.type ?? 'node'}`;
/**
 * Above this many nodes only the visible ones are rendered, at every zoom, which keeps panning, zooming and dragging
 * in a large flow cheap (npm run bench). Zoomed far out nodes are plain boxes (nodeTypes.ts), cheap to mount as they
 * scroll in. Keeping every box of a flow up to 2000 nodes mounted while zoomed out (tried) made crossing FAR_ZOOM
 * mount them all at once (1000 nodes: 117-133 ms 95th-percentile frames zooming out, 67-83 ms virtualised) and a
 * 2000-node pan at 30 % zoom run at 33 ms frames (16.7 ms virtualised).
 */
const LARGE_FLOW = 200;
const FAR_ALL = 2000;
/**
 * Above FAR_ALL nodes, zoomed out below FAR_ZOOM, even plain boxes cost more to paint than a frame allows (5000
 * nodes: 50 ms frames), so the node elements are hidden and `OverviewLayer` draws the flow on one canvas. Below
 * OVERVIEW_ZOOM the same holds for any flow above LARGE_FLOW nodes: a 1000-node flow zoomed out to fit painted its
 * ~1000 boxes and 1263 connections at 50-67 ms a frame (bare React Flow: 33 ms), the drawn overview at 16.7 ms; boxes
 * under 42 px wide are too small to drag or connect anyway.
 */
const OVERVIEW_ZOOM = 0.2;
type ZoomBand = 'near' | 'far' | 'overview';
const zoomBand = (s: ReactFlowState): ZoomBand => (s.transform[2] < OVERVIEW_ZOOM ? 'overview' : s.transform[2] < FAR_ZOOM ? 'far' : 'near');
const hideAll = (nodes: readonly FlowRFNode[]) => nodes.map((n) => ({ ...n, hidden: true }));
/**
 * React Flow keeps an element (and a store subscription) for every edge on screen even when its nodes are hidden,
 * which made each frame of the overview 33 ms with nothing drawn; the overview draws the edges itself.
 */
const NO_EDGES: FlowRFEdge[] = [];
// Only flows over LARGE_FLOW nodes can need the overview: its code loads when such a flow is opened, not up front.
let overviewChunk: Promise<typeof import('./OverviewLayer.tsx')> | null = null;
const loadOverview = () => {
  overviewChunk ??= import('./OverviewLayer.tsx');
  return overviewChunk;
};
const OverviewLayer = lazy(() => loadOverview().then((m) => ({ default: m.OverviewLayer })));

/** True while typing in a field, where shortcuts and copy/paste belong to the field. */
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  return el.matches('input, textarea, select');
}

/**
 * The node drawn under a point of the screen. React Flow snaps a dragged connection only to an input handle near the
 * pointer; a user also drops onto a node's body, which counts as its input.
 */
function nodeAt(clientX: number, clientY: number): string | null {
  for (const el of document.elementsFromPoint(clientX, clientY)) {
    const node = el.closest('.react-flow__node');
    if (node) return node.getAttribute('data-id');
  }
  return null;
}

/** Says why the connection being dragged would be refused, while it is being dragged. */
function ConnectionHint({ flow }: { flow: FlowDoc }) {
  const domNode = useFlowStore((s) => s.domNode);
  const reason = useConnection((c) => {
    if (!c.inProgress || !c.fromHandle.id) return null;
    // A port that already leads somewhere refuses every target: say so from the start of the drag.
    const fromPort = portProblem(flow, c.fromNode.id, c.fromHandle.id);
    if (fromPort !== null) return fromPort;
    let target = c.toNode?.id ?? null;
    if (target === null && domNode) {
      const box = domNode.getBoundingClientRect();
      target = nodeAt(box.left + c.pointer.x, box.top + c.pointer.y);
      // Still over the node the drag began on: no target yet.
      if (target === c.fromNode.id) target = null;
    }
    return target === null ? null : connectionProblem(flow, c.fromNode.id, c.fromHandle.id, target);
  });
  if (!reason) return null;
  return (
    <Panel position="top-center" className="connection-hint" role="alert">
      <Icon name="error" /> {reason}
    </Panel>
  );
}

function EmptyHint() {
  return (
    <div className="empty-hint" role="note">
      <h2>This flow only has its Start</h2>
      <ol>
        <li>
          Drag a node from the palette onto the canvas, or press <kbd>N</kbd> to pick one.
        </li>
        <li>Connect it: drag from a port at the bottom of a node to the top of another node.</li>
        <li>Select a node to edit its fields in the inspector on the right.</li>
      </ol>
      <p>
        Press <kbd>?</kbd> for every shortcut.
      </p>
    </div>
  );
}

export interface CanvasProps {
  colorMode: ColorMode;
  /** Files dropped onto the canvas (import). */
  onDropFiles(files: FileList): void;
}

export function Canvas({ colorMode, onDropFiles }: CanvasProps) {
  const store = useStore();
  const flow = useCurrentFlow()!;
  const workspace = useEditor((s) => s.workspace);
  const selection = useEditor((s) => s.selection);
  const simulation = useEditor((s) => s.simulation);
  const { byNode } = useProblems();
  const marks = useCompare().comparison?.marks ?? null;
  const actions = useCanvasActions();
  const rf = useReactFlow<FlowRFNode, FlowRFEdge>();
  const selectedSet = useMemo(() => new Set(selection), [selection]);

  const [nodes, setNodes] = useState<FlowRFNode[]>(() =>
    reconcileNodes([], { flow, selected: selectedSet, problems: byNode, sim: simulation, marks, estimate: flow.nodes.length > LARGE_FLOW }),
  );
  const [edges, setEdges] = useState<FlowRFEdge[]>(() => reconcileEdges([], flow));
  const [seen, setSeen] = useState({ flow, selectedSet, byNode, simulation, marks });
  // Derive React Flow's objects while rendering (React's "adjust state on prop change"), reusing unchanged ones.
  if (seen.flow !== flow || seen.selectedSet !== selectedSet || seen.byNode !== byNode || seen.simulation !== simulation || seen.marks !== marks) {
    const switched = seen.flow.id !== flow.id;
    setSeen({ flow, selectedSet, byNode, simulation, marks });
    setNodes((prev) => {
      // Switching to a flow whose nodes share ids with the one shown (a duplicated flow): React Flow keeps those
      // node elements mounted and would not measure them again, so they get no estimate and are measured as before.
      const shared = switched ? new Set(prev.map((n) => n.id)) : null;
      return reconcileNodes(switched ? [] : prev, {
        flow,
        selected: selectedSet,
        problems: byNode,
        sim: simulation,
        marks,
        estimate: flow.nodes.length > LARGE_FLOW && (shared ? (id: string) => !shared.has(id) : true),
      });
    });
    // Nodes too: an edge is announced by its nodes' names.
    if (switched || seen.flow.edges !== flow.edges || seen.flow.nodes !== flow.nodes) setEdges((prev) => reconcileEdges(switched ? [] : prev, flow));
  }

  const flowRef = useRef(flow);
  flowRef.current = flow;
  const dragging = useRef(false);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowRFNode>[]) => {
      // Removal goes through onDelete as one store change; the rebuild then drops the nodes.
      const local = changes.filter((c) => c.type !== 'remove');
      if (local.length > 0) {
        // A measured node drops its estimated handles (estimate.ts): React Flow would otherwise keep reading them
        // from the node instead of the handles it has just measured, and edges would end a few pixels off.
        const measured = new Set<string>();
        for (const c of local) if (c.type === 'dimensions') measured.add(c.id);
        setNodes((nds) => {
          const next = applyNodeChanges(local, nds);
          if (measured.size === 0) return next;
          return next.map((n) => {
            if (!n.handles || !measured.has(n.id)) return n;
            const { handles: _estimate, ...rest } = n;
            return rest;
          });
        });
      }
      if (changes.some((c) => c.type === 'select')) {
        const sel = new Set(store.getState().selection);
        for (const c of changes) if (c.type === 'select') c.selected ? sel.add(c.id) : sel.delete(c.id);
        const order = flowRef.current.nodes.map((n) => n.id).filter((id) => sel.has(id));
        store.setSelection(order);
      }
      // A finished drag (or an arrow-key move) arrives with dragging false: that is the one history step.
      const done = new Map<string, XY>();
      for (const c of changes) {
        if (c.type !== 'position') continue;
        if (c.dragging) dragging.current = true;
        else if (c.position) done.set(c.id, c.position);
      }
      if (done.size > 0) {
        // Arrow-key nudges in a row are one step, like typing; a mouse drag is always its own.
        const nudge = !dragging.current;
        dragging.current = false;
        moveNodes(store, flowRef.current.id, done, undefined, nudge ? { coalesceKey: `nudge:${[...done.keys()].join(',')}` } : {});
      }
    },
    [store],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<FlowRFEdge>[]) => {
    const local = changes.filter((c) => c.type !== 'remove');
    if (local.length > 0) setEdges((eds) => applyEdgeChanges(local, eds));
  }, []);

  const onDelete = useCallback(
    ({ nodes: gone, edges: goneEdges }: { nodes: FlowRFNode[]; edges: FlowRFEdge[] }) => {
      removeElements(
        store,
        flowRef.current.id,
        gone.map((n) => n.id),
        goneEdges.map((e) => e.id),
      );
    },
    [store],
  );

  const isValidConnection = useCallback((c: Connection | Edge) => {
    if (!c.sourceHandle) return false;
    return connectionProblem(flowRef.current, c.source, c.sourceHandle, c.target) === null;
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.sourceHandle) return;
      const problem = connect(store, flowRef.current.id, c.source, c.sourceHandle, c.target);
      if (problem) showToast(problem, { tone: 'error' });
    },
    [store],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (!state.fromNode || !state.fromHandle?.id) return;
      if (state.toNode) {
        if (state.isValid !== false) return;
        const reason = connectionProblem(flowRef.current, state.fromNode.id, state.fromHandle.id, state.toNode.id);
        if (reason) showToast(`Not connected: ${reason}`, { tone: 'error' });
        return;
      }
      // Released over a node's body, away from its input handle: connect to it as to its input.
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const target = point ? nodeAt(point.clientX, point.clientY) : null;
      // Released on the node it began on: the user changed their mind.
      if (target === null || target === state.fromNode.id) return;
      const problem = connect(store, flowRef.current.id, state.fromNode.id, state.fromHandle.id, target);
      if (problem) showToast(`Not connected: ${problem}`, { tone: 'error' });
    },
    [store],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    const types = e.dataTransfer.types;
    if (types.includes(PALETTE_MIME) || types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = types.includes('Files') ? 'copy' : 'move';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      if (e.dataTransfer.files.length > 0) {
        e.preventDefault();
        onDropFiles(e.dataTransfer.files);
        return;
      }
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (!isKindName(kind)) return;
      e.preventDefault();
      // Centre the new node's header on the drop point.
      const at = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      actions.addNode(kind, { x: at.x - 104, y: at.y - 32 });
    },
    [actions, onDropFiles, rf],
  );

  // Copy and paste through the system clipboard (works across flows, tabs and windows) with an in-memory fallback.
  useEffect(() => {
    const blocked = () => isEditable(document.activeElement) || document.querySelector('dialog[open]') !== null;
    const onCopy = (e: ClipboardEvent) => {
      if (blocked()) return;
      const text = actions.copySelection();
      if (text === null) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', text);
    };
    const onCut = (e: ClipboardEvent) => {
      if (blocked()) return;
      const text = actions.copySelection();
      if (text === null) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', text);
      actions.deleteSelection();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (blocked()) return;
      const text = e.clipboardData?.getData('text/plain') ?? null;
      if (actions.paste(text || null) > 0) e.preventDefault();
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [actions]);

  // An opened (or switched-to) flow is shown once its nodes are measured, or, in a large flow, once React Flow holds
  // them with their estimated sizes (only the nodes on screen get drawn and measured). This is the only initial fit:
  // React Flow's own `fitView` would first zoom a large flow far out (re-rendering every node as a box) just before.
  const flowId = flow.id;
  const nodeCount = flow.nodes.length;
  const firstNode = nodes[0];
  const shown = useRef<string | null>(null);
  const initialised = useFlowStore(
    (s) =>
      s.nodesInitialized ||
      (shown.current !== flowId &&
        nodeCount > LARGE_FLOW &&
        firstNode !== undefined &&
        s.nodeLookup.size === nodeCount &&
        s.nodeLookup.get(firstNode.id)?.internals.userNode === firstNode),
  );
  useEffect(() => {
    if (!initialised || shown.current === flowId) return;
    shown.current = flowId;
    actions.showFlow();
    // Panels around the canvas may still be arriving as it opens (the simulator's bar comes in its own chunk) and
    // shrink it under a flow just fitted. Until the user moves the view (or for 3 s), a new size shows it again.
    const el = document.querySelector('.canvas .react-flow');
    if (!el || typeof ResizeObserver !== 'function') return;
    let placed = rf.getViewport();
    let size = `${el.clientWidth}x${el.clientHeight}`;
    const same = (a: { x: number; y: number; zoom: number }, b: { x: number; y: number; zoom: number }) =>
      Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;
    const observer = new ResizeObserver(() => {
      const now = `${el.clientWidth}x${el.clientHeight}`;
      if (now === size) return;
      size = now;
      if (!same(rf.getViewport(), placed)) return observer.disconnect();
      actions.showFlow();
      placed = rf.getViewport();
    });
    observer.observe(el);
    const stop = setTimeout(() => observer.disconnect(), 3000);
    return () => {
      clearTimeout(stop);
      observer.disconnect();
    };
  }, [flowId, initialised, actions, rf]);

  const portActions = useMemo<PortActions>(
    () => ({
      toggleEndsCall(nodeId, port) {
        const f = flowRef.current;
        if (f.edges.some((e) => e.source === nodeId && e.sourcePort === port)) {
          showToast(`Port "${port}" is connected; delete its connection first to end the call there.`, { tone: 'error' });
          return;
        }
        const ends = f.nodes.find((n) => n.id === nodeId)?.endsCall?.includes(port) ?? false;
        setEndsCall(store, f.id, nodeId, port, !ends);
      },
    }),
    [store],
  );

  const band = useFlowStore(zoomBand);
  const far = band !== 'near';
  const large = nodes.length > LARGE_FLOW;
  const overview = band === 'overview' ? large : band === 'far' && nodes.length > FAR_ALL;
  useEffect(() => {
    if (large) void loadOverview();
  }, [large]);
  const shownNodes = useMemo(() => (overview ? hideAll(nodes) : nodes), [overview, nodes]);
  const selectFromOverview = useCallback(
    (ids: string[], mode: 'replace' | 'toggle') => {
      const sel = store.getState().selection;
      const flip = new Set(ids);
      const next = mode === 'replace' ? ids : [...sel.filter((s) => !flip.has(s)), ...ids.filter((id) => !sel.includes(id))];
      // React Flow clears the selection as it finishes handling the click or box, just after; select once it has.
      setTimeout(() => store.setSelection(next), 0);
    },
    [store],
  );
  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <KindLookupContext.Provider value={getKind}>
        <WorkspaceNamesProvider workspace={workspace}>
          <EffectiveProvider workspace={workspace} flow={flow}>
            <PortActionsContext.Provider value={portActions}>
              <FarContext.Provider value={far}>
                <ReactFlow<FlowRFNode, FlowRFEdge>
                  nodes={shownNodes}
                  edges={overview ? NO_EDGES : edges}
                  nodeTypes={nodeTypes()}
                  onNodesChange={onNodesChange}
                  onEdgesChange={onEdgesChange}
                  onDelete={onDelete}
                  onConnect={onConnect}
                  onConnectEnd={onConnectEnd}
                  isValidConnection={isValidConnection}
                  colorMode={colorMode}
                  snapToGrid
                  snapGrid={SNAP}
                  minZoom={MIN_ZOOM}
                  maxZoom={MAX_ZOOM}
                  deleteKeyCode={DELETE_KEYS}
                  selectionKeyCode="Shift"
                  multiSelectionKeyCode={MULTI_SELECT_KEYS}
                  onlyRenderVisibleElements={large}
                  defaultEdgeOptions={EDGE_OPTIONS}
                  aria-label="Flow canvas"
                >
                  {/* Below FAR_ZOOM the dots shrink under half a pixel: invisible, yet re-rastered on every frame of a zoom. */}
                  {far ? null : <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="var(--grid)" />}
                  <Controls position="bottom-left" showInteractive={false} />
                  {overview ? (
                    <Suspense fallback={null}>
                      <OverviewLayer edges={edges} colorMode={colorMode} onSelect={selectFromOverview} />
                    </Suspense>
                  ) : null}
                  {/* The drawn overview is the map itself (and the mini-map would show the hidden nodes as nothing). */}
                  {overview ? null : (
                    <MiniMap
                      position="bottom-right"
                      pannable
                      zoomable
                      nodeClassName={minimapClass}
                      nodeStrokeWidth={2}
                      style={MINIMAP_STYLE}
                      ariaLabel="Overview of the flow"
                    />
                  )}
                  <ConnectionHint flow={flow} />
                </ReactFlow>
              </FarContext.Provider>
            </PortActionsContext.Provider>
          </EffectiveProvider>
        </WorkspaceNamesProvider>
      </KindLookupContext.Provider>
      {flow.nodes.length <= 1 ? <EmptyHint /> : null}
    </div>
  );
}
