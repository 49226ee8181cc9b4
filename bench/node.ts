/**
 * The Node half of `npm run bench`: opening, checking and exporting a flow,
 * against plain JSON of the same document, and the memory undo history keeps.
 */
import { checkFlow } from '../runtime/checks/checkFlow.ts';
import { parseFlow, serializeFlow } from '../runtime/document/flow.ts';
import { moveNodes, setNodeData } from '../editor/store/edits.ts';
import { createEditorStore, type EditorStore, HISTORY_LIMIT } from '../editor/store/store.ts';
import { benchWorkspace } from './flows.ts';
import { median } from './stats.ts';

export interface DocTimes {
  size: number;
  bytes: number;
  parseMs: number;
  checksMs: number;
  exportMs: number;
  /** JSON.parse + JSON.stringify (same indent) of the same text: the floor any format pays. */
  jsonMs: number;
  problems: number;
}

function time(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

export function docTimes(size: number, runs = 30): DocTimes {
  const ws = benchWorkspace(size);
  const flow = ws.flows[0]!;
  const text = serializeFlow(flow);
  const parsed = parseFlow(text);
  if (!parsed.ok) throw new Error(`the generated ${size}-node flow does not parse: ${parsed.errors[0]?.message}`);
  const problems = checkFlow(parsed.value, { workspace: ws }).length;
  return {
    size,
    bytes: text.length,
    parseMs: time(() => parseFlow(text), runs),
    checksMs: time(() => checkFlow(flow, { workspace: ws }), runs),
    exportMs: time(() => serializeFlow(flow), runs),
    jsonMs: time(() => JSON.stringify(JSON.parse(text), null, 2), runs),
    problems,
  };
}

export interface HistoryMemory {
  label: string;
  flowNodes: number;
  /** Bytes of the flow document (its exported JSON). */
  flowBytes: number;
  edits: number;
  /** Entries kept (the store keeps the last HISTORY_LIMIT). */
  entries: number;
  /** JSON bytes of the inverse patches kept (what undo replays). */
  inverseBytes: number;
  /** JSON bytes of the forward patches kept (what redo replays). */
  forwardBytes: number;
  /** Heap the history holds: heap with it minus heap after dropping it, both after a full GC (NaN without --expose-gc). */
  heapBytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapUsed(): number {
  if (!gc) return Number.NaN;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Sizes of the kept patches; a function of its own so no reference to the history outlives it. */
function patchBytes(store: EditorStore): { entries: number; inverseBytes: number; forwardBytes: number } {
  const past = store.getState().past;
  return {
    entries: past.length,
    inverseBytes: past.reduce((sum, e) => sum + JSON.stringify(e.inverse).length, 0),
    forwardBytes: past.reduce((sum, e) => sum + JSON.stringify(e.patches).length, 0),
  };
}

/**
 * Makes `edits` undo steps through the editor's own edit functions,
 * alternating a move of `moveCount` nodes with a label edit of one node, on a
 * flow of `size` nodes, and measures what the history keeps.
 */
export function historyMemory(size: number, edits: number, moveCount: number): HistoryMemory {
  const ws = benchWorkspace(size);
  const flowId = ws.flows[0]!.id;
  let clock = 0;
  // Two seconds between edits: no two are merged into one step.
  const store = createEditorStore(ws, flowId, () => (clock += 2000));
  const ids = ws.flows[0]!.nodes.map((n) => n.id);
  for (let i = 0; i < edits; i++) {
    const flow = store.getState().workspace.flows[0]!;
    if (i % 2 === 0) {
      const moves = new Map<string, { x: number; y: number }>();
      for (let k = 0; k < moveCount; k++) {
        const node = flow.nodes[(i * 7 + k) % ids.length]!;
        moves.set(node.id, { x: node.position.x + 16, y: node.position.y });
      }
      moveNodes(store, flowId, moves);
    } else {
      const node = flow.nodes[(i * 13) % ids.length]!;
      if (!setNodeData(store, flowId, node.id, { ...node.data, label: `Edited ${i}` })) throw new Error(`edit ${i} was refused`);
    }
  }
  const { entries, inverseBytes, forwardBytes } = patchBytes(store);
  const withHistory = heapUsed();
  store.reset(store.getState().workspace, flowId);
  const without = heapUsed();
  return {
    label: `${size}-node flow, ${moveCount === 1 ? 'one node' : `${moveCount} nodes`} moved per move`,
    flowNodes: size,
    flowBytes: serializeFlow(store.getState().workspace.flows[0]!).length,
    edits,
    entries,
    inverseBytes,
    forwardBytes,
    heapBytes: withHistory - without,
  };
}

export { HISTORY_LIMIT };
