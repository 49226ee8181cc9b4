/**
 * Code the benchmarks run inside the page (passed to `page.evaluate`), so it
 * uses only DOM APIs. Frames are timed with requestAnimationFrame timestamps;
 * input is dispatched as DOM mouse and wheel events, one per frame, the way
 * React Flow (d3-zoom, d3-drag) receives them from a real pointer.
 */

export interface DrawnProbe {
  /** ms since navigation at the first frame of the settled, fully drawn canvas. */
  at: number;
  nodes: number;
}

declare global {
  interface Window {
    __benchDrawn?: DrawnProbe;
  }
}

/**
 * Installed before any page script: each frame it checks that node elements
 * exist, none is still hidden for measuring, and the viewport transform and
 * node count stay the same for `settleMs`. The first frame of that settled
 * state is when the flow was drawn.
 */
export function installDrawnProbe(settleMs: number): void {
  let sig = '';
  let since = 0;
  const check = (t: number) => {
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
    const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
    let ready = viewport !== null && nodes.length > 0;
    for (let i = 0; ready && i < nodes.length; i++) if (nodes[i]!.style.visibility === 'hidden') ready = false;
    const next = ready ? `${viewport!.style.transform}|${nodes.length}` : '';
    if (next !== sig) {
      sig = next;
      since = t;
    } else if (ready && t - since >= settleMs) {
      window.__benchDrawn = { at: since, nodes: nodes.length };
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

export type Gesture =
  | { kind: 'pan'; frames: number; step: number }
  | { kind: 'zoom'; frames: number; delta: number }
  | { kind: 'drag'; frames: number; step: number; nodeId: string; after: number };

export interface GestureResult {
  /** rAF intervals (ms) of the frames that carried input. */
  frames: number[];
  /** rAF intervals (ms) of the frames after releasing (a drop commits the move). */
  after: number[];
  /** What the gesture changed, to prove it happened: viewport transform or node transform, before and mid-way. */
  before: string;
  mid: string;
}

/** Runs one gesture, one input event per animation frame, and returns the frame intervals. */
export function runGesture(g: Gesture): Promise<GestureResult> {
  const pane = document.querySelector<HTMLElement>('.react-flow__pane');
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!pane || !viewport) return Promise.reject(new Error('no React Flow pane on the page'));
  const nodeEl = g.kind === 'drag' ? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${g.nodeId}"]`) : null;
  if (g.kind === 'drag' && !nodeEl) return Promise.reject(new Error(`node ${g.kind === 'drag' ? g.nodeId : ''} is not drawn`));
  const box = (nodeEl ?? pane).getBoundingClientRect();
  const x0 = box.left + Math.min(box.width / 2, 40);
  const y0 = box.top + Math.min(box.height / 2, 20);
  const watched = () => (nodeEl ? nodeEl.style.transform : viewport.style.transform);
  const mouse = (type: string, x: number, y: number, buttons: number): MouseEvent =>
    new MouseEvent(type, { clientX: x, clientY: y, screenX: x, screenY: y, bubbles: true, cancelable: true, composed: true, view: window, button: 0, buttons });
  const target = nodeEl ?? pane;
  const before = watched();
  let mid = before;
  const times: number[] = [];
  const afterTimes: number[] = [];
  let i = 0;
  let x = x0;
  let y = y0;
  return new Promise((resolve) => {
    const tick = (t: number) => {
      if (i <= g.frames) times.push(t);
      else afterTimes.push(t);
      if (i === Math.floor(g.frames / 2)) mid = watched();
      if (i < g.frames) {
        const outward = i < g.frames / 2;
        if (g.kind === 'zoom') {
          target.dispatchEvent(new WheelEvent('wheel', { deltaY: outward ? g.delta : -g.delta, deltaMode: 0, clientX: x0, clientY: y0, bubbles: true, cancelable: true, view: window }));
        } else {
          if (g.kind === 'pan') x += outward ? g.step : -g.step;
          else {
            x += g.step;
            y += g.step / 2;
          }
          target.dispatchEvent(mouse('mousemove', x, y, 1));
        }
      } else if (i === g.frames && g.kind !== 'zoom') {
        target.dispatchEvent(mouse('mouseup', x, y, 0));
      }
      i++;
      const more = g.kind === 'drag' ? g.after : 0;
      if (i <= g.frames + more + 1) requestAnimationFrame(tick);
      else {
        const diffs = (ts: number[]) => ts.slice(1).map((v, k) => v - ts[k]!);
        // The first interval includes the press; the remaining ones each carry one move.
        resolve({ frames: diffs(times).slice(1), after: diffs([times.at(-1)!, ...afterTimes]), before, mid });
      }
    };
    if (g.kind !== 'zoom') target.dispatchEvent(mouse('mousedown', x0, y0, 1));
    requestAnimationFrame(tick);
  });
}

/** Waits `n` animation frames (lets the page settle between gestures). */
export function frames(n: number): Promise<void> {
  return new Promise((resolve) => {
    let left = n;
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  });
}

export interface CanvasView {
  width: number;
  height: number;
  /** "x,y,zoom" of the viewport transform. */
  viewport: string;
  /** Ids of drawn nodes, nearest the canvas centre first. */
  nearCentre: string[];
}

/** Where the canvas is and what it shows, so the bare page can be given the same box and viewport. */
export function canvasView(): CanvasView {
  const rf = document.querySelector<HTMLElement>('.react-flow');
  const vp = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!rf || !vp) throw new Error('no React Flow canvas');
  const r = rf.getBoundingClientRect();
  const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(vp.style.transform);
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  const near = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
    .map((el) => {
      const b = el.getBoundingClientRect();
      return { id: el.dataset.id ?? '', d: Math.hypot(b.left + b.width / 2 - cx, b.top + b.height / 2 - cy) };
    })
    .sort((a, b) => a.d - b.d)
    .map((n) => n.id);
  return { width: Math.round(r.width), height: Math.round(r.height), viewport: m ? `${m[1]},${m[2]},${m[3]}` : '', nearCentre: near };
}

export interface ViewTarget {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Moves the viewport to `target` the way a user would: one wheel event to the
 * zoom (React Flow zooms by 2^(-deltaY × 0.002)), then one pane drag to the
 * position. Works the same on both pages without a handle on React Flow.
 * Returns the transform it ended at.
 */
export async function setView(target: ViewTarget): Promise<string> {
  const pane = document.querySelector<HTMLElement>('.react-flow__pane');
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!pane || !viewport) throw new Error('no React Flow pane on the page');
  const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const read = () => {
    const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(viewport.style.transform);
    return m ? { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) } : { x: 0, y: 0, zoom: 1 };
  };
  const r = pane.getBoundingClientRect();
  const cx = r.left + r.width / 2;
  const cy = r.top + r.height / 2;
  const now = read();
  if (Math.abs(Math.log2(target.zoom / now.zoom)) > 1e-6) {
    const deltaY = -Math.log2(target.zoom / now.zoom) / 0.002;
    pane.dispatchEvent(new WheelEvent('wheel', { deltaY, deltaMode: 0, clientX: cx, clientY: cy, bubbles: true, cancelable: true, view: window }));
    await nextFrame();
  }
  const zoomed = read();
  const mouse = (type: string, x: number, y: number, buttons: number) =>
    new MouseEvent(type, { clientX: x, clientY: y, screenX: x, screenY: y, bubbles: true, cancelable: true, view: window, button: 0, buttons });
  pane.dispatchEvent(mouse('mousedown', cx, cy, 1));
  pane.dispatchEvent(mouse('mousemove', cx + (target.x - zoomed.x), cy + (target.y - zoomed.y), 1));
  pane.dispatchEvent(mouse('mouseup', cx + (target.x - zoomed.x), cy + (target.y - zoomed.y), 0));
  await nextFrame();
  await nextFrame();
  return viewport.style.transform;
}
