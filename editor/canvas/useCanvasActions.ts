/**
 * Canvas commands shared by shortcuts, the palette, the picker, search and the
 * problems panel. Each edit is one store change (one undo step).
 */
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { getModel, isEntry, type NodeKindName } from '../../nodes/index.ts';
import type { FlowNode } from '../../runtime/document/flow.ts';
import { addNode, freePorts, moveNodes, pasteFragment, removeElements, type XY } from '../store/edits.ts';
import { useStore } from '../store/react.tsx';
import { currentFlow } from '../store/store.ts';
import { showToast } from '../ui/toast.tsx';
import { copyFragment, fragmentFromText, fragmentToText } from './clipboard.ts';
import { estimateNode } from './estimate.ts';
import { fitNodes } from './fit.ts';
import type { Size } from './layout.ts';
import type { FlowRFNode } from './nodeViewData.ts';
import { type Box, boundsOf, freeSpot } from './placement.ts';
import type { FlowRFEdge } from './reconcile.ts';

const GRID = 16;
const NEW_NODE: Size = { width: 208, height: 112 };
/** How much wider than its estimate a node is taken to be when placing it (see `sizeToPlace`). */
const PLACEMENT_WIDENING = 1.35;

/** Below this zoom node text is too small to read comfortably. */
const READABLE_ZOOM = 0.8;
/**
 * The smallest zoom at which a flow is opened whole: nodes still show their text (FAR_ZOOM in nodeTypes.ts, below
 * which they turn into plain boxes). A flow that needs less opens at its top instead.
 */
const OPEN_WHOLE_ZOOM = 0.4;

const snap = (v: number) => Math.round(v / GRID) * GRID;

/** The last copied fragment, used when the system clipboard is unavailable or refused. */
let memoryClipboard: string | null = null;

export interface CanvasActions {
  viewportCenter(): XY;
  /** Adds a node at `at`, or smartly: below the single selected node (connected from its first free port) or at the viewport centre. */
  addNode(kind: NodeKindName, at?: XY): string | null;
  focusNode(nodeId: string): void;
  layout(): void;
  selectAll(): void;
  deleteSelection(): void;
  /** The clipboard text for the selection, also kept in memory; null when nothing copyable is selected. */
  copySelection(): string | null;
  /** Pastes clipboard text (or the in-memory copy when `text` is null or not a fragment); returns the count pasted. */
  paste(text: string | null): number;
  fitView(): void;
  /** Shows a flow on opening: the whole of it while its nodes still show their text, else its top at a readable zoom. */
  showFlow(): void;
}

export function useCanvasActions(): CanvasActions {
  const store = useStore();
  const rf = useReactFlow<FlowRFNode, FlowRFEdge>();

  return useMemo(() => {
    const flowNow = () => currentFlow(store.getState());

    function viewportCenter(): XY {
      const el = document.querySelector('.canvas .react-flow');
      const r = el?.getBoundingClientRect();
      if (!r) return { x: 0, y: 0 };
      return rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    }

    /** Every node's box on the canvas: as drawn, or as estimated for nodes not drawn yet (off screen). */
    function takenBoxes(): Box[] {
      const flow = flowNow();
      const byId = new Map(flow?.nodes.map((n) => [n.id, n]) ?? []);
      return rf.getNodes().map((n) => {
        const measured = rf.getInternalNode(n.id)?.measured;
        const node = byId.get(n.id);
        const estimate = node ? estimateNode(node) : NEW_NODE;
        return { x: n.position.x, y: n.position.y, width: measured?.width ?? estimate.width, height: measured?.height ?? estimate.height };
      });
    }

    /**
     * The size a node not drawn yet will take, for placing it: a node drawn with the same id and kind in this flow
     * (what was copied) gives its own; else the estimate, widened because fields and labels make a drawn node wider
     * than the estimate's lower bound (a Voicemail node with its prompt: 282 px against 208).
     */
    function sizeToPlace(node: FlowNode): Size {
      const drawn = flowNow()?.nodes.find((n) => n.id === node.id);
      const measured = drawn?.kind === node.kind ? rf.getInternalNode(node.id)?.measured : undefined;
      if (measured?.width && measured.height) return { width: measured.width, height: measured.height };
      const estimate = estimateNode(node);
      return { width: Math.round(estimate.width * PLACEMENT_WIDENING), height: estimate.height };
    }

    /** The size a new node of `kind` will be drawn at (its defaults, before the user edits it). */
    function newNodeSize(kind: NodeKindName): Size {
      const model = getModel(kind);
      return model ? sizeToPlace({ id: '', kind, position: { x: 0, y: 0 }, data: model.defaults() } as FlowNode) : NEW_NODE;
    }

    /** Pans (keeping the zoom) so a new node is on screen. */
    function reveal(p: XY) {
      const el = document.querySelector('.canvas .react-flow');
      const r = el?.getBoundingClientRect();
      if (!r) return;
      const a = rf.flowToScreenPosition(p);
      const b = rf.flowToScreenPosition({ x: p.x + NEW_NODE.width, y: p.y + NEW_NODE.height });
      if (a.x >= r.left && a.y >= r.top && b.x <= r.right && b.y <= r.bottom) return;
      void rf.setCenter(p.x + NEW_NODE.width / 2, p.y + NEW_NODE.height / 2, { zoom: rf.getZoom(), duration: 250 });
    }

    function focusNode(nodeId: string) {
      store.setSelection([nodeId]);
      fitNodes(rf, { nodeIds: [nodeId], duration: 250, maxZoom: 1.2, padding: 0.6 });
    }

    return {
      viewportCenter,
      addNode(kind, at) {
        const flow = flowNow();
        if (!flow) return null;
        let position: XY;
        let from: { nodeId: string; port: string } | undefined;
        if (at) position = { x: snap(at.x), y: snap(at.y) };
        else {
          const sel = store.getState().selection;
          const anchor = sel.length === 1 ? flow.nodes.find((n) => n.id === sel[0]) : undefined;
          const port = anchor ? freePorts(flow, anchor)[0] : undefined;
          if (anchor && port !== undefined) {
            const height = rf.getNode(anchor.id)?.measured?.height ?? NEW_NODE.height;
            position = freeSpot({ x: anchor.position.x, y: anchor.position.y + height + 64 }, newNodeSize(kind), takenBoxes());
            from = { nodeId: anchor.id, port };
          } else {
            const c = viewportCenter();
            const size = newNodeSize(kind);
            position = freeSpot({ x: c.x - size.width / 2, y: c.y - size.height / 2 }, size, takenBoxes());
          }
        }
        const id = addNode(store, flow.id, kind, position, from ? { from } : {});
        store.setSelection([id]);
        if (!at) reveal(position);
        return id;
      },
      focusNode,
      layout() {
        const flow = flowNow();
        if (!flow) return;
        const sizes = new Map<string, Size>();
        for (const n of rf.getNodes()) {
          if (n.measured?.width && n.measured.height) sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
        }
        // dagre loads on first use (its own chunk): the first screen does not need it.
        void import('./layout.ts').then(({ layoutFlow }) => {
          if (flowNow() !== flow) return; // the flow changed while loading: the user can press L again
          const moved = moveNodes(store, flow.id, layoutFlow(flow, sizes), 'Automatic layout');
          if (moved) setTimeout(() => fitNodes(rf, { duration: 300, maxZoom: 1 }), 30);
          showToast(moved ? 'Laid out the flow top to bottom. Undo with Ctrl+Z.' : 'The flow is already laid out.');
        });
      },
      selectAll() {
        const flow = flowNow();
        if (flow) store.setSelection(flow.nodes.map((n) => n.id));
      },
      deleteSelection() {
        const flow = flowNow();
        if (!flow) return;
        const edges = rf
          .getEdges()
          .filter((e) => e.selected)
          .map((e) => e.id);
        removeElements(store, flow.id, store.getState().selection, edges);
      },
      copySelection() {
        const flow = flowNow();
        if (!flow) return null;
        const fragment = copyFragment(flow, store.getState().selection);
        if (!fragment) return null;
        memoryClipboard = fragmentToText(fragment);
        showToast(fragment.nodes.length === 1 ? 'Copied 1 node.' : `Copied ${fragment.nodes.length} nodes.`, { ms: 2000 });
        return memoryClipboard;
      },
      paste(text) {
        const flow = flowNow();
        if (!flow) return 0;
        const fragment = (text !== null ? fragmentFromText(text) : null) ?? (memoryClipboard !== null ? fragmentFromText(memoryClipboard) : null);
        if (!fragment || fragment.nodes.length === 0) return 0;
        // The whole fragment goes where it covers no node, as near the viewport centre as that allows: a second
        // paste of the same nodes lands beside the first, not on it.
        const bounds = boundsOf(fragment.nodes.map((n) => ({ ...n.position, ...sizeToPlace(n) })))!;
        const c = viewportCenter();
        const base = freeSpot({ x: c.x - bounds.width / 2, y: c.y - bounds.height / 2 }, bounds, takenBoxes());
        const ids = pasteFragment(store, flow.id, fragment, { x: base.x - bounds.x, y: base.y - bounds.y });
        store.setSelection(ids);
        return ids.length;
      },
      fitView() {
        fitNodes(rf, { duration: 250, maxZoom: 1 });
      },
      showFlow() {
        const el = document.querySelector('.canvas .react-flow');
        const r = el?.getBoundingClientRect();
        const all = rf.getNodes();
        if (!r || all.length === 0) return;
        // By id, so React Flow measures from its internal (already measured) nodes.
        const b = rf.getNodesBounds(all.map((n) => n.id));
        const pad = 32;
        if (all.length === 1) {
          // An empty flow: its Start at the top centre, leaving room for the what-next hint below it.
          void rf.setViewport({ zoom: 1, x: r.width / 2 - (b.x + b.width / 2), y: pad - b.y });
          return;
        }
        const fit = Math.min(1, (r.width - pad * 2) / Math.max(1, b.width), (r.height - pad * 2) / Math.max(1, b.height));
        if (fit >= OPEN_WHOLE_ZOOM) {
          fitNodes(rf, { maxZoom: 1, padding: 0.08 });
          return;
        }
        // Too big to fit readably: start at the top, around the Start (where the call enters; the middle of the
        // bounds can be empty space), without showing empty space left of the flow, and let the user pan.
        const start = all.find((n) => isEntry(n.data.node));
        const cx = start ? start.position.x + (rf.getInternalNode(start.id)?.measured.width ?? start.initialWidth ?? 0) / 2 : b.x + b.width / 2;
        const left = Math.max(b.x - pad / READABLE_ZOOM, cx - r.width / 2 / READABLE_ZOOM);
        void rf.setViewport({ zoom: READABLE_ZOOM, x: -left * READABLE_ZOOM, y: pad - b.y * READABLE_ZOOM });
      },
    };
  }, [store, rf]);
}
