import { describe, expect, it } from 'vitest';
import { buildScene, drawOverview, nodeAt, nodesInside, type OverviewContext, type OverviewNode, type OverviewPalette } from './overview.ts';

function node(id: string, x: number, y: number, extra: Partial<OverviewNode> = {}): OverviewNode {
  return { id, kind: 'play', label: id, x, y, width: 208, height: 132, selected: false, problem: null, sim: null, ...extra };
}

/** Records what the drawing asks of the canvas. */
function recorder() {
  const calls: { op: string; args: number[]; fillStyle: string; strokeStyle: string }[] = [];
  const ctx = { fillStyle: '', strokeStyle: '', lineWidth: 1, globalAlpha: 1 } as Record<string, unknown>;
  for (const op of ['setTransform', 'clearRect', 'beginPath', 'moveTo', 'bezierCurveTo', 'stroke', 'fillRect', 'strokeRect']) {
    ctx[op] = (...args: number[]) => calls.push({ op, args, fillStyle: ctx.fillStyle as string, strokeStyle: ctx.strokeStyle as string });
  }
  return { ctx: ctx as unknown as OverviewContext, calls };
}

const palette: OverviewPalette = {
  kind: (k) => `kind-${k}`,
  edge: 'edge',
  panel: 'panel',
  accent: 'accent',
  error: 'error',
  warning: 'warning',
  sim: 'sim',
};

describe('drawn overview', () => {
  it('finds the node under a point, the later one where nodes overlap, and nothing between nodes', () => {
    const scene = buildScene([node('a', 0, 0), node('b', 100, 50), node('far', 5000, 3000)], []);
    expect(nodeAt(scene, 10, 10)?.id).toBe('a');
    expect(nodeAt(scene, 150, 100)?.id).toBe('b');
    expect(nodeAt(scene, 5100, 3100)?.id).toBe('far');
    expect(nodeAt(scene, 1000, 1000)).toBeNull();
    // A node straddling grid cells is found from each of them.
    expect(nodeAt(scene, 300, 170)?.id).toBe('b');
    expect(nodeAt(scene, -5, 10)).toBeNull();
  });

  it('a box picks the nodes wholly inside it, as React Flow box selection does', () => {
    const scene = buildScene([node('a', 0, 0), node('b', 300, 0), node('c', 0, 500)], []);
    expect(nodesInside(scene, -10, -10, 600, 200).map((n) => n.id)).toEqual(['a', 'b']);
    // Half of b inside: not picked.
    expect(nodesInside(scene, -10, -10, 400, 200).map((n) => n.id)).toEqual(['a']);
    expect(nodesInside(scene, 1000, 1000, 10, 10)).toEqual([]);
  });

  it('draws only what is on screen: nodes and edges outside the view are skipped', () => {
    const nodes = [node('in', 0, 0), node('out', 10_000, 0)];
    const scene = buildScene(nodes, [
      { sx: 104, sy: 132, tx: 104, ty: 300 },
      { sx: 10_104, sy: 132, tx: 10_104, ty: 300 },
    ]);
    const { ctx, calls } = recorder();
    // Zoom 0.1: the 900 px wide view covers flow x 0…9000, so the node at x 10000 and its edge are off screen.
    const drawn = drawOverview(ctx, scene, { x: 0, y: 0, zoom: 0.1, width: 900, height: 800, dpr: 1 }, palette);
    expect(drawn).toBe(1);
    expect(calls.filter((c) => c.op === 'bezierCurveTo')).toHaveLength(1);
    expect(calls.find((c) => c.op === 'fillRect' && c.fillStyle === 'kind-play')?.args.slice(0, 2)).toEqual([0, 0]);
    // The view's transform, times the device pixel ratio, is applied once for everything drawn.
    expect(calls.filter((c) => c.op === 'setTransform').at(-1)?.args).toEqual([0.1, 0, 0, 0.1, 0, 0]);
  });

  it('marks selection, problems and the simulated call so they show at any zoom', () => {
    const scene = buildScene(
      [node('sel', 0, 0, { selected: true }), node('err', 300, 0, { problem: 'error' }), node('warn', 600, 0, { problem: 'warning' }), node('sim', 900, 0, { sim: 'active' })],
      [],
    );
    const { ctx, calls } = recorder();
    drawOverview(ctx, scene, { x: 10, y: 20, zoom: 0.5, width: 1000, height: 600, dpr: 2 }, palette);
    const frames = calls.filter((c) => c.op === 'strokeRect').map((c) => c.strokeStyle);
    expect(frames).toEqual(['accent', 'sim']);
    const fills = calls.filter((c) => c.op === 'fillRect').map((c) => c.fillStyle);
    expect(fills).toContain('error');
    expect(fills).toContain('warning');
    expect(calls.filter((c) => c.op === 'setTransform').at(-1)?.args).toEqual([1, 0, 0, 1, 20, 40]);
  });
});
