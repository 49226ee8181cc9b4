/**
 * The browser half of `npm run bench`: builds the editor and the bare React
 * Flow page, opens the same generated flows in both with system Chromium
 * (headless, playwright-core) and times drawing, panning, zooming and dragging.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { benchFlow, savedState } from './flows.ts';
import {
  type CanvasView,
  canvasView,
  type DrawnProbe,
  frames,
  type Gesture,
  type GestureResult,
  installDrawnProbe,
  runGesture,
  setView,
  type ViewTarget,
} from './inpage.ts';
import { serve } from './serve.ts';

export type PageKind = 'editor' | 'bare';

export interface LoadRun {
  page: PageKind;
  size: number;
  rep: number;
  drawnMs: number;
  drawnNodes: number;
  /** Frame intervals per view ("open": as the editor opens the flow; "overview": zoomed out to fit it). */
  views: Record<ViewName, { pan: number[]; zoom: number[] }>;
}

export type ViewName = 'open' | 'overview';

export interface DragRun {
  page: PageKind;
  rep: number;
  what: 'one node' | '50 nodes';
  frames: number[];
  /** Frames right after the drop, when the move is committed (history, checks, autosave scheduling). */
  drop: number[];
}

export interface BrowserResults {
  chromium: string;
  loads: LoadRun[];
  drags: DragRun[];
  errors: string[];
}

export interface BrowserOptions {
  /** `vite build` outputs of the editor and of bench/bare. */
  editorDir: string;
  bareDir: string;
  sizes: number[];
  reps: number;
  /** Repetitions for flows of 5000 nodes and more (each takes much longer). */
  bigReps: number;
  dragSize: number;
  log(line: string): void;
}

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const SETTLE_MS = 400;

function gestureFrames(size: number): { pan: number; zoom: number } {
  // Fewer frames where each is slow keeps the whole run within a few minutes.
  return size >= 5000 ? { pan: 40, zoom: 30 } : { pan: 60, zoom: 40 };
}

function checkMoved(what: string, r: GestureResult): void {
  if (r.before === r.mid) throw new Error(`${what}: the gesture changed nothing (transform stayed ${r.before})`);
}

async function open(browser: Browser, url: string, errors: string[], label: string): Promise<{ page: Page; drawn: DrawnProbe; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${label}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${label}: ${m.text()}`);
  });
  // tsx keeps function names with a `__name` helper; give the page a no-op one for the functions passed to evaluate.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(installDrawnProbe, SETTLE_MS);
  await page.goto(url);
  await page.waitForFunction(() => window.__benchDrawn !== undefined, undefined, { timeout: 60_000, polling: 100 });
  const drawn = (await page.evaluate(() => window.__benchDrawn))!;
  return { page, drawn, close: () => context.close() };
}

async function gesture(page: Page, g: Gesture): Promise<GestureResult> {
  await page.evaluate(frames, 10);
  return page.evaluate(runGesture, g);
}

/** The viewport that fits the whole flow into the canvas box (clamped to the editor's minimum zoom, 0.1). */
function overview(size: number, view: CanvasView): ViewTarget {
  const flow = benchFlow(size);
  const xs = flow.nodes.map((n) => n.position.x);
  const ys = flow.nodes.map((n) => n.position.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs) + 208, Math.min(...ys), Math.max(...ys) + 100];
  const zoom = Math.max(0.1, Math.min(view.width / (x1 - x0), view.height / (y1 - y0)) * 0.95);
  return { zoom, x: view.width / 2 - ((x0 + x1) / 2) * zoom, y: view.height / 2 - ((y0 + y1) / 2) * zoom };
}

async function panZoom(page: Page, label: string, size: number, target: ViewTarget): Promise<LoadRun['views']> {
  const f = gestureFrames(size);
  const out = {} as LoadRun['views'];
  for (const name of ['open', 'overview'] as const) {
    if (name === 'overview') await page.evaluate(setView, target);
    const pan = await gesture(page, { kind: 'pan', frames: f.pan, step: 8 });
    checkMoved(`${label} ${name} pan`, pan);
    // Out and back from the opening view; in and back from the overview (it may already be at the minimum zoom).
    const zoom = await gesture(page, { kind: 'zoom', frames: f.zoom, delta: name === 'open' ? 40 : -40 });
    checkMoved(`${label} ${name} zoom`, zoom);
    out[name] = { pan: pan.frames, zoom: zoom.frames };
  }
  return out;
}

/** The 50 nodes nearest `centreId` in the flow (by position), `centreId` first. */
function neighbours(size: number, centreId: string, count: number): string[] {
  const flow = benchFlow(size);
  const c = flow.nodes.find((n) => n.id === centreId)!.position;
  return flow.nodes
    .map((n) => ({ id: n.id, d: Math.hypot(n.position.x - c.x, n.position.y - c.y) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map((n) => n.id);
}

export async function runBrowser(opts: BrowserOptions): Promise<BrowserResults> {
  const docs = new Map(opts.sizes.map((n) => [`/bench-${n}.json`, savedState(n)] as const));
  const editor = await serve(opts.editorDir, docs);
  const bare = await serve(opts.bareDir, docs);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: LAUNCH_ARGS });
  const results: BrowserResults = { chromium: browser.version(), loads: [], drags: [], errors: [] };
  try {
    for (let rep = 0; rep < opts.reps; rep++) {
      for (const size of opts.sizes) {
        if (size >= 5000 && rep >= opts.bigReps) continue;
        const doc = `/bench-${size}.json`;
        // The editor first: its canvas box and opening viewport are given to the bare page.
        const ed = await open(browser, `${editor.url}/?bench=${doc}`, results.errors, `editor ${size}`);
        const view: CanvasView = await ed.page.evaluate(canvasView);
        const target = overview(size, view);
        const edViews = await panZoom(ed.page, 'editor', size, target);
        results.loads.push({ page: 'editor', size, rep, drawnMs: ed.drawn.at, drawnNodes: ed.drawn.nodes, views: edViews });

        let group: string[] = [];
        let single = '';
        if (size === opts.dragSize) {
          const [first, second] = view.nearCentre;
          group = neighbours(size, second ?? first!, 50);
          single = view.nearCentre.find((id) => !group.includes(id)) ?? first!;
        }
        const params = new URLSearchParams({ bench: doc, w: String(view.width), h: String(view.height), vp: view.viewport, select: group.join(',') });
        const br = await open(browser, `${bare.url}/?${params}`, results.errors, `bare ${size}`);
        const brViews = await panZoom(br.page, 'bare', size, target);
        results.loads.push({ page: 'bare', size, rep, drawnMs: br.drawn.at, drawnNodes: br.drawn.nodes, views: brViews });
        opts.log(
          `  rep ${rep + 1} ${size} nodes: drawn editor ${ed.drawn.at.toFixed(0)} ms / bare ${br.drawn.at.toFixed(0)} ms (${ed.drawn.nodes} / ${br.drawn.nodes} node elements)`,
        );

        if (size === opts.dragSize) {
          // 50 selected nodes first (the editor selects through its store, the bare page starts with them selected), then one other node.
          // Drags happen at the opening view, where the chosen nodes are on screen and readable.
          const [vx, vy, vz] = view.viewport.split(',').map(Number);
          const opening: ViewTarget = { x: vx!, y: vy!, zoom: vz! };
          await ed.page.evaluate(setView, opening);
          await br.page.evaluate(setView, opening);
          await ed.page.evaluate((ids) => {
            (window as unknown as { __recflow: { store: { setSelection(ids: string[]): void } } }).__recflow.store.setSelection(ids);
          }, group);
          for (const [p, kind] of [
            [ed.page, 'editor'],
            [br.page, 'bare'],
          ] as const) {
            const many = await gesture(p, { kind: 'drag', frames: 40, step: 16, nodeId: group[0]!, after: 20 });
            checkMoved(`${kind} drag 50`, many);
            results.drags.push({ page: kind, rep, what: '50 nodes', frames: many.frames, drop: many.after });
            const one = await gesture(p, { kind: 'drag', frames: 40, step: 16, nodeId: single, after: 20 });
            checkMoved(`${kind} drag one`, one);
            results.drags.push({ page: kind, rep, what: 'one node', frames: one.frames, drop: one.after });
          }
        }
        await ed.close();
        await br.close();
      }
    }
  } finally {
    await browser.close();
    await editor.close();
    await bare.close();
  }
  return results;
}
