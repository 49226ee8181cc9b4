import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { expect, fireEvent, fn, userEvent, waitFor } from 'storybook/test';
import { estimateNode } from '../../editor/canvas/estimate.ts';
import type { FlowRFNode } from '../../editor/canvas/nodeViewData.ts';
import { OverviewLayer } from '../../editor/canvas/OverviewLayer.tsx';
import { reconcileEdges, reconcileNodes } from '../../editor/canvas/reconcile.ts';
import { generateFlow } from '../../runtime/checks/generateFlow.ts';
import type { FlowDoc } from '../../runtime/document/flow.ts';
import '@xyflow/react/dist/style.css';
import '../../editor/canvas/canvas.css';
import '../../editor/canvas/farView.css';

const VIEW = { x: 20, y: 20, zoom: 0.15 };

interface HarnessProps {
  flow: FlowDoc;
  selected: string[];
  onSelect(ids: string[], mode: 'replace' | 'toggle'): void;
}

/** The overview as the canvas shows it: React Flow holding the flow's nodes hidden, no edge elements. */
function OverviewHarness({ flow, selected, onSelect }: HarnessProps) {
  const nodes: FlowRFNode[] = reconcileNodes([], { flow, selected: new Set(selected), problems: new Map(), sim: null, estimate: true }).map((n) => ({
    ...n,
    hidden: true,
  }));
  const edges = reconcileEdges([], flow);
  return (
    <ReactFlowProvider>
      <div className="canvas" style={{ width: 720, height: 420, position: 'relative' }}>
        <ReactFlow nodes={nodes} edges={[]} defaultViewport={VIEW} minZoom={0.1} proOptions={{ hideAttribution: true }}>
          <OverviewLayer edges={edges} colorMode="light" onSelect={onSelect} />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  );
}

const flow = generateFlow(300, 7);

const meta = {
  title: 'Editor/Drawn overview',
  component: OverviewHarness,
  args: { flow, selected: [], onSelect: fn() },
} satisfies Meta<typeof OverviewHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

function overviewCanvas(root: HTMLElement): HTMLCanvasElement {
  const c = root.querySelector<HTMLCanvasElement>('canvas.overview-layer');
  if (!c) throw new Error('no overview canvas');
  return c;
}

/** Where a flow node's middle is on screen, given the story's viewport. */
function screenPoint(root: HTMLElement, id: string): { clientX: number; clientY: number } {
  const n = flow.nodes.find((x) => x.id === id)!;
  const r = root.querySelector('.react-flow')!.getBoundingClientRect();
  return { clientX: r.left + VIEW.x + (n.position.x + 100) * VIEW.zoom, clientY: r.top + VIEW.y + (n.position.y + 30) * VIEW.zoom };
}

/** The colour drawn at a flow node's middle: transparent where nothing was drawn. */
function pixelAt(root: HTMLElement, id: string): number[] {
  const c = overviewCanvas(root);
  const r = c.getBoundingClientRect();
  const p = screenPoint(root, id);
  const scale = c.width / r.width;
  return [...c.getContext('2d')!.getImageData(Math.round((p.clientX - r.left) * scale), Math.round((p.clientY - r.top) * scale), 1, 1).data];
}

/** A point of the pane where nothing is drawn (no box, no edge, nothing near), searched from the bottom right. */
function emptyPoint(root: HTMLElement): { clientX: number; clientY: number } {
  const c = overviewCanvas(root);
  const r = c.getBoundingClientRect();
  const scale = c.width / r.width;
  const ctx = c.getContext('2d')!;
  for (let y = r.bottom - 6; y > r.top + 6; y -= 12) {
    for (let x = r.right - 6; x > r.left + 6; x -= 12) {
      const around = ctx.getImageData(Math.round((x - r.left) * scale) - 5, Math.round((y - r.top) * scale) - 5, 11, 11).data;
      if (around.every((v, i) => i % 4 !== 3 || v === 0)) return { clientX: x, clientY: y };
    }
  }
  throw new Error('no empty point on the overview');
}

/** Every node on screen is drawn, with its edges, as boxes on one canvas; no node elements exist. */
export const DrawsTheWholeFlow: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(Number(overviewCanvas(canvasElement).dataset.drawn)).toBeGreaterThan(50));
    await expect(overviewCanvas(canvasElement)).toHaveAttribute('aria-label', expect.stringContaining('300 nodes'));
    await expect(canvasElement.querySelectorAll('.react-flow__node')).toHaveLength(0);
    // The Start box is painted; far right of the flow, off screen, nothing is.
    await expect(pixelAt(canvasElement, flow.nodes[0]!.id)[3]).toBe(255);
  },
};

/** A click on a box selects its node; Ctrl-click adds to the selection; hovering names the node. */
export const ClickSelectsAndHoverNames: Story = {
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(Number(overviewCanvas(canvasElement).dataset.drawn)).toBeGreaterThan(50));
    const pane = canvasElement.querySelector<HTMLElement>('.react-flow__pane')!;
    const start = flow.nodes[0]!;
    fireEvent.pointerMove(pane, { ...screenPoint(canvasElement, start.id), buttons: 0 });
    await waitFor(() => expect(canvasElement.querySelector('.overview-hover')).toHaveTextContent((start.data as { label: string }).label));
    await expect(pane).toHaveClass('is-over-node');
    fireEvent.click(pane, screenPoint(canvasElement, start.id));
    await expect(args.onSelect).toHaveBeenLastCalledWith([start.id], 'replace');
    const second = flow.nodes[1]!;
    fireEvent.click(pane, { ...screenPoint(canvasElement, second.id), ctrlKey: true });
    await expect(args.onSelect).toHaveBeenLastCalledWith([second.id], 'toggle');
    // Empty space: no node, no selection call, no name.
    const calls = (args.onSelect as ReturnType<typeof fn>).mock.calls.length;
    // Found, not assumed: which corner is empty depends on how the generated flow is laid out.
    const empty = emptyPoint(canvasElement);
    fireEvent.pointerMove(pane, { ...empty, buttons: 0 });
    fireEvent.click(pane, empty);
    await expect(args.onSelect).toHaveBeenCalledTimes(calls);
    await waitFor(() => expect(canvasElement.querySelector('.overview-hover')).toBeNull());
  },
};

/** Shift-drawing a box selects the nodes wholly inside it, as on the zoomed-in canvas. */
export const ShiftBoxSelects: Story = {
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(Number(overviewCanvas(canvasElement).dataset.drawn)).toBeGreaterThan(50));
    const pane = canvasElement.querySelector<HTMLElement>('.react-flow__pane')!;
    const r = canvasElement.querySelector('.react-flow')!.getBoundingClientRect();
    const start = flow.nodes[0]!.position;
    // A flow rectangle around the Start and what lies just below it.
    const from = { x: start.x - 40, y: start.y - 40 };
    const to = { x: start.x + 700, y: start.y + 900 };
    const screen = (p: { x: number; y: number }) => ({ clientX: r.left + VIEW.x + p.x * VIEW.zoom, clientY: r.top + VIEW.y + p.y * VIEW.zoom });
    const expected = flow.nodes
      .filter((n) => {
        const size = estimateNode(n);
        return n.position.x >= from.x && n.position.y >= from.y && n.position.x + size.width <= to.x && n.position.y + size.height <= to.y;
      })
      .map((n) => n.id);
    await expect(expected.length).toBeGreaterThan(1);
    await userEvent.keyboard('{Shift>}');
    const base = { button: 0, isPrimary: true, pointerId: 1, shiftKey: true };
    fireEvent.pointerDown(pane, { ...base, ...screen(from) });
    fireEvent.pointerMove(pane, { ...base, buttons: 1, ...screen({ x: from.x + 100, y: from.y + 100 }) });
    fireEvent.pointerMove(pane, { ...base, buttons: 1, ...screen(to) });
    fireEvent.pointerUp(pane, { ...base, ...screen(to) });
    await userEvent.keyboard('{/Shift}');
    await waitFor(() => expect(args.onSelect).toHaveBeenLastCalledWith(expect.any(Array), 'replace'));
    const picked = (args.onSelect as ReturnType<typeof fn>).mock.lastCall![0] as string[];
    await expect([...picked].sort()).toEqual([...expected].sort());
  },
};

/** A selected node is framed in the accent colour, so it stands out at any zoom. */
export const SelectedNodeFramed: Story = {
  args: { selected: [flow.nodes[0]!.id] },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(Number(overviewCanvas(canvasElement).dataset.drawn)).toBeGreaterThan(50));
    const c = overviewCanvas(canvasElement);
    const n = flow.nodes[0]!;
    const r = c.getBoundingClientRect();
    const scale = c.width / r.width;
    const root = canvasElement.querySelector('.react-flow')!.getBoundingClientRect();
    // Left of the box, half-way down: the frame, drawn from 1.5 to 4.5 px outside the box on screen.
    const x = Math.round((root.left - r.left + VIEW.x + n.position.x * VIEW.zoom - 3) * scale);
    const y = Math.round((root.top - r.top + VIEW.y + (n.position.y + 50) * VIEW.zoom) * scale);
    const [red, green, blue, alpha] = c.getContext('2d')!.getImageData(x, y, 1, 1).data;
    // --accent in the light theme is #2359d1.
    await expect(alpha).toBeGreaterThan(200);
    await expect(blue!).toBeGreaterThan(red! + 80);
    await expect(blue!).toBeGreaterThan(green! + 60);
  },
};
