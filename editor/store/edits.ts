/**
 * Edits of one flow's nodes and edges, each a single `change` (one undo step).
 * The canvas, palette, picker, clipboard and inspector all go through these.
 */
import { getModel, isEntry, type NodeKindName } from '../../nodes/index.ts';
import type { FlowDoc, FlowEdge, FlowNode } from '../../runtime/document/flow.ts';
import { draftFlow, uniqueId } from './flows.ts';
import type { EditorStore } from './store.ts';

export interface XY {
  x: number;
  y: number;
}

/** Output ports of a node that have no edge and are not marked as ending the call. */
export function freePorts(flow: FlowDoc, node: FlowNode): string[] {
  const model = getModel(node.kind);
  if (!model) return [];
  const used = new Set(flow.edges.filter((e) => e.source === node.id).map((e) => e.sourcePort));
  const ends = new Set(node.endsCall ?? []);
  return model
    .ports(node.data)
    .map((p) => p.id)
    .filter((p) => !used.has(p) && !ends.has(p));
}

export function edgeId(source: string, sourcePort: string, taken: ReadonlySet<string>): string {
  return uniqueId(`e-${source}-${sourcePort}`, taken);
}

/** Stores the final positions of a drag (or a layout) as one step. */
export function moveNodes(
  store: EditorStore,
  flowId: string,
  positions: ReadonlyMap<string, XY>,
  label?: string,
  options: { coalesceKey?: string } = {},
): boolean {
  if (positions.size === 0) return false;
  return store.change(
    (d) => {
      for (const node of draftFlow(d, flowId).nodes) {
        const p = positions.get(node.id);
        if (p && (p.x !== node.position.x || p.y !== node.position.y)) node.position = { x: p.x, y: p.y };
      }
    },
    label ?? (positions.size === 1 ? 'Move node' : `Move ${positions.size} nodes`),
    options,
  );
}

export interface AddNodeOptions {
  /** Connect this node's output port to the new node. */
  from?: { nodeId: string; port: string };
}

/** Adds a node of `kind` with its defaults; returns its id. */
export function addNode(store: EditorStore, flowId: string, kind: NodeKindName, position: XY, options: AddNodeOptions = {}): string {
  const model = getModel(kind)!;
  const flow = store.getState().workspace.flows.find((f) => f.id === flowId);
  if (!flow) throw new Error(`no flow "${flowId}"`);
  const id = uniqueId(kind, new Set(flow.nodes.map((n) => n.id)));
  const node = { id, kind, position: { x: Math.round(position.x), y: Math.round(position.y) }, data: model.defaults() } as FlowNode;
  store.change((d) => {
    const f = draftFlow(d, flowId);
    f.nodes.push(node);
    const from = options.from;
    if (from && connectionProblem(f, from.nodeId, from.port, id) === null) {
      f.edges.push({ id: edgeId(from.nodeId, from.port, new Set(f.edges.map((e) => e.id))), source: from.nodeId, sourcePort: from.port, target: id });
    }
  }, `Add ${model.title}`);
  return id;
}

/**
 * Why an edge from `source`'s port `sourcePort` into `target` is refused, or
 * null when it is allowed. Mirrors what `parseFlow` refuses, so the canvas
 * can never build a flow that would not load again.
 */
export function connectionProblem(flow: FlowDoc, source: string, sourcePort: string, target: string): string | null {
  const fromPort = portProblem(flow, source, sourcePort);
  if (fromPort !== null) return fromPort;
  const to = flow.nodes.find((n) => n.id === target);
  if (!to) return 'That node no longer exists.';
  if (source === target) return 'A node cannot connect to itself.';
  const toModel = getModel(to.kind);
  if (!toModel?.hasInput) return `${toModel?.title ?? to.kind} takes no incoming connections: a call only enters a flow at its Start.`;
  return null;
}

/**
 * Why no edge can start at `source`'s port `sourcePort`, whatever it would lead to, or null when one can. Known as
 * soon as a drag starts, before the pointer reaches any node, so the canvas says it at once.
 */
export function portProblem(flow: FlowDoc, source: string, sourcePort: string): string | null {
  const from = flow.nodes.find((n) => n.id === source);
  if (!from) return 'That node no longer exists.';
  const fromModel = getModel(from.kind);
  const port = fromModel?.ports(from.data).find((p) => p.id === sourcePort);
  if (!port) return `${fromModel?.title ?? from.kind} has no port "${sourcePort}".`;
  if (flow.edges.some((e) => e.source === source && e.sourcePort === sourcePort)) {
    return `Port "${port.label}" already has a connection; delete it first. One port leads to one place.`;
  }
  return null;
}

export function connect(store: EditorStore, flowId: string, source: string, sourcePort: string, target: string): string | null {
  const flow = store.getState().workspace.flows.find((f) => f.id === flowId);
  if (!flow) return 'The flow no longer exists.';
  const problem = connectionProblem(flow, source, sourcePort, target);
  if (problem !== null) return problem;
  store.change((d) => {
    const f = draftFlow(d, flowId);
    f.edges.push({ id: edgeId(source, sourcePort, new Set(f.edges.map((e) => e.id))), source, sourcePort, target });
    const node = f.nodes.find((n) => n.id === source);
    // A port that now leads somewhere no longer ends the call.
    if (node?.endsCall?.includes(sourcePort)) {
      node.endsCall = node.endsCall.filter((p) => p !== sourcePort);
      if (node.endsCall.length === 0) delete node.endsCall;
    }
  }, 'Connect');
  return null;
}

/** Removes nodes (never the Start: a flow has exactly one, C1), their edges, and the given edges, as one step. */
export function removeElements(store: EditorStore, flowId: string, nodeIds: readonly string[], edgeIds: readonly string[]): boolean {
  const flow = store.getState().workspace.flows.find((f) => f.id === flowId);
  if (!flow) return false;
  const nodes = new Set(nodeIds.filter((id) => flow.nodes.some((n) => n.id === id && !isEntry(n))));
  const edges = new Set(edgeIds);
  const removedEdges = flow.edges.filter((e) => edges.has(e.id) || nodes.has(e.source) || nodes.has(e.target));
  if (nodes.size === 0 && removedEdges.length === 0) return false;
  const label =
    nodes.size > 0 ? (nodes.size === 1 ? 'Delete node' : `Delete ${nodes.size} nodes`) : removedEdges.length === 1 ? 'Delete connection' : 'Delete connections';
  const gone = new Set(removedEdges.map((e) => e.id));
  return store.change((d) => {
    const f = draftFlow(d, flowId);
    f.nodes = f.nodes.filter((n) => !nodes.has(n.id));
    f.edges = f.edges.filter((e) => !gone.has(e.id));
  }, label);
}

/** The top-level fields of a node's data that differ between two versions of it, sorted. */
function changedFields(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/** The one port whose id changed in place (same position, the others as they were), if that is all that changed. */
export function renamedPort(before: readonly string[], after: readonly string[]): { from: string; to: string } | null {
  if (before.length !== after.length) return null;
  const changed = before.flatMap((id, i) => (id === after[i] ? [] : [i]));
  if (changed.length !== 1) return null;
  const from = before[changed[0]!]!;
  const to = after[changed[0]!]!;
  return after.includes(from) || before.includes(to) ? null : { from, to };
}

/**
 * Replaces a node's data (the inspector). Typing in one field coalesces into one step; an edit of another field,
 * even of the same node a moment later, is a step of its own.
 */
export function setNodeData(store: EditorStore, flowId: string, nodeId: string, data: unknown): boolean {
  const flow = store.getState().workspace.flows.find((f) => f.id === flowId);
  const node = flow?.nodes.find((n) => n.id === nodeId);
  if (!flow || !node) return false;
  const model = getModel(node.kind);
  if (!model?.schema.safeParse(data).success) return false;
  const portIds = model.ports(data).map((p) => p.id);
  const ports = new Set(portIds);
  const renamed = renamedPort(
    model.ports(node.data).map((p) => p.id),
    portIds,
  );
  return store.change(
    (d) => {
      const f = draftFlow(d, flowId);
      const n = f.nodes.find((x) => x.id === nodeId)!;
      n.data = data as typeof n.data;
      if (renamed) {
        // A port renamed where it stands (an outcome or a key retyped) keeps its edge and its "ends the call" mark.
        for (const e of f.edges) if (e.source === nodeId && e.sourcePort === renamed.from) e.sourcePort = renamed.to;
        if (n.endsCall?.includes(renamed.from)) n.endsCall = n.endsCall.map((p) => (p === renamed.from ? renamed.to : p));
      }
      // A port that disappeared (a removed menu option) takes its edge and its "ends the call" mark with it.
      // Only then is the edge list replaced: replacing it on every edit would put the whole list in each undo step.
      if (flow.edges.some((e) => e.source === nodeId && !ports.has(e.sourcePort))) {
        f.edges = f.edges.filter((e) => e.source !== nodeId || ports.has(e.sourcePort));
      }
      if (n.endsCall?.some((p) => !ports.has(p))) {
        n.endsCall = n.endsCall.filter((p) => ports.has(p));
        if (n.endsCall.length === 0) delete n.endsCall;
      }
    },
    `Edit ${model.title}`,
    { coalesceKey: `data:${flowId}:${nodeId}:${changedFields(node.data, data).join(',')}` },
  );
}

export interface Fragment {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Adds copied nodes with fresh ids, shifted by `offset`, keeping the edges among them. Returns the new ids. */
export function pasteFragment(store: EditorStore, flowId: string, fragment: Fragment, offset: XY): string[] {
  const flow = store.getState().workspace.flows.find((f) => f.id === flowId);
  if (!flow) return [];
  const nodeIds = new Set(flow.nodes.map((n) => n.id));
  const edgeIds = new Set(flow.edges.map((e) => e.id));
  const idMap = new Map<string, string>();
  const nodes: FlowNode[] = [];
  for (const n of fragment.nodes) {
    // A second Start would break C1; the pasted part joins the flow's own Start.
    if (isEntry(n)) continue;
    const id = uniqueId(n.id, nodeIds);
    nodeIds.add(id);
    idMap.set(n.id, id);
    const copy = structuredClone(n);
    copy.id = id;
    copy.position = { x: Math.round(n.position.x + offset.x), y: Math.round(n.position.y + offset.y) };
    nodes.push(copy);
  }
  if (nodes.length === 0) return [];
  const edges: FlowEdge[] = [];
  for (const e of fragment.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target) continue;
    const id = uniqueId(e.id, edgeIds);
    edgeIds.add(id);
    edges.push({ id, source, sourcePort: e.sourcePort, target });
  }
  store.change((d) => {
    const f = draftFlow(d, flowId);
    f.nodes.push(...nodes);
    f.edges.push(...edges);
  }, nodes.length === 1 ? 'Paste node' : `Paste ${nodes.length} nodes`);
  return nodes.map((n) => n.id);
}

/** Marks (or unmarks) an output port as deliberately ending the call (C1). */
export function setEndsCall(store: EditorStore, flowId: string, nodeId: string, port: string, ends: boolean): boolean {
  return store.change((d) => {
    const n = draftFlow(d, flowId).nodes.find((x) => x.id === nodeId);
    if (!n) return;
    const list = new Set(n.endsCall ?? []);
    if (ends) list.add(port);
    else list.delete(port);
    if (list.size === 0) delete n.endsCall;
    else n.endsCall = [...list];
  }, ends ? `Port "${port}" ends the call` : `Port "${port}" no longer ends the call`);
}
