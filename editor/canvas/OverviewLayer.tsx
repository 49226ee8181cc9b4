/**
 * The drawn overview of a very large flow (see `overview.ts` for why). Rendered inside React Flow while the
 * canvas hides its node elements: it draws from React Flow's own node positions, sizes and handles, redraws once
 * per animation frame while the view moves, selects the node under a click (Ctrl/⌘-click adds or removes it) or
 * the nodes inside a Shift-drawn box, and names the node under the pointer. Zooming in (wheel, double-click, a search result) brings the nodes back.
 */
import { type InternalNode, type ReactFlowState, useStore, useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FlowRFNode } from './nodeViewData.ts';
import { buildScene, drawOverview, nodeAt, nodesInside, type OverviewEdge, type OverviewNode, type OverviewPalette, type OverviewScene } from './overview.ts';
import type { FlowRFEdge } from './reconcile.ts';

function nodeBox(n: InternalNode<FlowRFNode>) {
  return {
    x: n.internals.positionAbsolute.x,
    y: n.internals.positionAbsolute.y,
    width: n.measured.width ?? n.width ?? n.initialWidth ?? 0,
    height: n.measured.height ?? n.height ?? n.initialHeight ?? 0,
  };
}

/** The scene from React Flow's internal nodes (measured or estimated sizes and handles) and the flow's edges. */
export function sceneFrom(lookup: ReadonlyMap<string, InternalNode<FlowRFNode>>, edges: readonly FlowRFEdge[]): OverviewScene {
  const nodes: OverviewNode[] = [];
  for (const n of lookup.values()) {
    const problems = n.data.problems;
    nodes.push({
      id: n.id,
      kind: n.data.node.kind,
      label: (n.data.node.data as { label?: string }).label || n.id,
      ...nodeBox(n),
      selected: n.selected ?? false,
      problem: problems.some((p) => p.severity === 'error') ? 'error' : problems.length > 0 ? 'warning' : null,
      sim: n.data.sim,
    });
  }
  const ends: OverviewEdge[] = [];
  for (const e of edges) {
    const s = lookup.get(e.source);
    const t = lookup.get(e.target);
    if (!s || !t) continue;
    const sb = nodeBox(s);
    const tb = nodeBox(t);
    const sh = s.internals.handleBounds?.source?.find((h) => h.id === e.sourceHandle);
    const th = t.internals.handleBounds?.target?.[0];
    ends.push({
      sx: sh ? sb.x + sh.x + sh.width / 2 : sb.x + sb.width / 2,
      sy: sh ? sb.y + sh.y + sh.height : sb.y + sb.height,
      tx: th ? tb.x + th.x + th.width / 2 : tb.x + tb.width / 2,
      ty: th ? tb.y + th.y : tb.y,
    });
  }
  return buildScene(nodes, ends);
}

function readPalette(el: Element): OverviewPalette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const kinds = new Map<string, string>();
  const muted = v('--muted', '#566273');
  return {
    kind: (kind) => {
      let c = kinds.get(kind);
      if (c === undefined) {
        c = v(`--kind-${kind}`, muted);
        kinds.set(kind, c);
      }
      return c;
    },
    edge: v('--edge', '#8391a3'),
    panel: v('--panel', '#ffffff'),
    accent: v('--accent', '#2359d1'),
    error: v('--danger', '#b42318'),
    warning: v('--warning', '#9a5b00'),
    sim: v('--success', '#1d7a46'),
  };
}

const selectNodes = (s: ReactFlowState) => s.nodes;
const selectSize = (s: ReactFlowState) => `${s.width}x${s.height}`;

export interface OverviewLayerProps {
  edges: readonly FlowRFEdge[];
  /** Changes the palette (light/dark). */
  colorMode: string;
  /**
   * A click on a node (`toggle`: with Ctrl/⌘, add it to or remove it from the selection) or a box drawn with Shift
   * (`replace`: the nodes wholly inside). Called before React Flow has finished its own handling of the gesture,
   * which clears the selection because it sees no (visible) nodes.
   */
  onSelect(ids: string[], mode: 'replace' | 'toggle'): void;
}

export function OverviewLayer({ edges, colorMode, onSelect }: OverviewLayerProps) {
  const api = useStoreApi<FlowRFNode, FlowRFEdge>();
  // React Flow's node array changes whenever the canvas gives it new nodes; its lookup then holds their boxes.
  const rfNodes = useStore(selectNodes);
  const size = useStore(selectSize);
  const domNode = useStore((s) => s.domNode);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rfNodes signals that React Flow's lookup changed.
  const scene = useMemo(() => sceneFrom(api.getState().nodeLookup, edges), [api, rfNodes, edges]);
  const [hover, setHover] = useState<{ label: string; x: number; y: number } | null>(null);

  // Draw now, and again in the next animation frame whenever React Flow's viewport moves.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new colour mode or pane size needs a fresh palette and canvas size.
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const palette = readPalette(canvas);
    let frame = 0;
    const draw = () => {
      frame = 0;
      const { transform, width, height } = api.getState();
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(width * dpr);
      const h = Math.round(height * dpr);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      const drawn = drawOverview(ctx, scene, { x: transform[0], y: transform[1], zoom: transform[2], width, height, dpr }, palette);
      canvas.dataset.drawn = String(drawn);
    };
    draw();
    let last = api.getState().transform;
    const unsubscribe = api.subscribe((s) => {
      if (s.transform === last) return;
      last = s.transform;
      if (frame === 0) frame = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [api, scene, colorMode, size]);

  // A box drawn with Shift: React Flow selects only visible nodes, so the overview picks the nodes inside it.
  useEffect(() => {
    let box: { x: number; y: number; width: number; height: number } | null = null;
    return api.subscribe((s) => {
      if (s.userSelectionActive && s.userSelectionRect) {
        box = s.userSelectionRect;
        return;
      }
      if (!box || s.userSelectionRect) return;
      const [tx, ty, zoom] = s.transform;
      const inside = nodesInside(scene, (box.x - tx) / zoom, (box.y - ty) / zoom, box.width / zoom, box.height / zoom);
      box = null;
      onSelect(
        inside.map((n) => n.id),
        'replace',
      );
    });
  }, [api, scene, onSelect]);

  // Clicks and hovering on the pane (the canvas itself lets the pointer through, so panning stays React Flow's).
  useEffect(() => {
    const pane = domNode?.querySelector<HTMLElement>('.react-flow__pane');
    if (!domNode || !pane) return;
    const hit = (e: MouseEvent) => {
      const { transform } = api.getState();
      const r = domNode.getBoundingClientRect();
      return nodeAt(scene, (e.clientX - r.left - transform[0]) / transform[2], (e.clientY - r.top - transform[1]) / transform[2]);
    };
    const onMove = (e: PointerEvent) => {
      if (e.buttons !== 0) return;
      const n = hit(e);
      pane.classList.toggle('is-over-node', n !== null);
      const r = domNode.getBoundingClientRect();
      setHover((prev) => {
        if (!n) return null;
        const next = { label: n.label, x: e.clientX - r.left, y: e.clientY - r.top };
        return prev && prev.label === next.label && Math.abs(prev.x - next.x) < 2 && Math.abs(prev.y - next.y) < 2 ? prev : next;
      });
    };
    const onLeave = () => {
      pane.classList.remove('is-over-node');
      setHover(null);
    };
    const onClick = (e: MouseEvent) => {
      const n = hit(e);
      if (!n) return;
      onSelect([n.id], e.ctrlKey || e.metaKey ? 'toggle' : 'replace');
    };
    pane.addEventListener('pointermove', onMove);
    pane.addEventListener('pointerleave', onLeave);
    pane.addEventListener('click', onClick);
    return () => {
      pane.removeEventListener('pointermove', onMove);
      pane.removeEventListener('pointerleave', onLeave);
      pane.removeEventListener('click', onClick);
      pane.classList.remove('is-over-node');
    };
  }, [api, domNode, scene, onSelect]);

  return (
    <>
      <canvas
        ref={canvasRef}
        className="overview-layer"
        role="img"
        aria-label={`Overview of all ${scene.nodes.length} nodes, drawn as boxes. Click a node to select it; zoom in to edit and connect.`}
        data-nodes={scene.nodes.length}
      />
      {hover ? (
        <div className="overview-hover" style={{ left: hover.x + 12, top: hover.y + 12 }} aria-hidden="true">
          {hover.label}
        </div>
      ) : null}
    </>
  );
}
