/**
 * What changed between two versions of a flow: nodes added, removed, changed
 * (field by field) or only moved, connections added, removed or rewired, and
 * the flow's own properties. Nodes are matched by id; a connection is known
 * by the node and port it leaves (a port has at most one), so edge ids and
 * the order of nodes and edges never count as changes.
 *
 * Headless: used by `recflow diff` and by the editor's Compare panel.
 */
import { getModel, type NodeKindName } from '../../nodes/index.ts';
import type { FlowDoc, FlowEdge, FlowNode } from './flow.ts';

/** One field that differs: a readable path inside the node's data (`options[1].label`) or the flow. */
export interface FieldChange {
  field: string;
  /** `undefined` where the field is not set on that side. */
  before: unknown;
  after: unknown;
}

export type NodeChange = 'added' | 'removed' | 'changed' | 'moved';

export interface NodeDiff {
  id: string;
  /** The kind on the side that has the node (the new kind when it changed). */
  kind: NodeKindName;
  label: string;
  change: NodeChange;
  /** For `changed`: what differs (kind, data fields, ports ending the call). Empty for the others. */
  fields: FieldChange[];
  /** The position changed too (the only change of a `moved` node). */
  moved: boolean;
}

/** A connection is the edge leaving one port of one node. */
export interface ConnectionDiff {
  source: string;
  port: string;
  change: 'added' | 'removed' | 'rewired';
  /** The node the port led to before (removed, rewired). */
  before?: string;
  /** The node the port leads to now (added, rewired). */
  after?: string;
}

export interface FlowDiff {
  /** Nothing differs at all (edge ids and element order aside). */
  identical: boolean;
  /** Only node positions differ: what a call does is unchanged. */
  layoutOnly: boolean;
  /** The flow's own properties: id, name, description. */
  flow: FieldChange[];
  /** Added, changed and moved nodes in the order of the newer flow, then removed ones in the order of the older. */
  nodes: NodeDiff[];
  /** In the order of the nodes they leave, newer flow first. */
  connections: ConnectionDiff[];
  counts: Record<NodeChange, number> & { connections: number };
}

export interface DiffOptions {
  /** Leave out nodes that only moved (a re-layout is then no change), and say of none that it also moved. */
  ignoreLayout?: boolean;
}

const labelOf = (node: FlowNode) => (node.data as { label?: string }).label || node.id;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects the leaves that differ between two JSON values, under readable paths. */
function diffValue(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (Object.is(before, after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) diffValue(before[i], after[i], `${path}[${i}]`, out);
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !Object.hasOwn(after, k))];
    for (const k of keys) diffValue(before[k], after[k], path ? `${path}.${k}` : k, out);
    return;
  }
  out.push({ field: path, before, after });
}

function sameSet(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = new Set(a ?? []);
  const y = new Set(b ?? []);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

function nodeFields(before: FlowNode, after: FlowNode): FieldChange[] {
  const out: FieldChange[] = [];
  if (before.kind !== after.kind) out.push({ field: 'kind', before: before.kind, after: after.kind });
  diffValue(before.data, after.data, '', out);
  if (!sameSet(before.endsCall, after.endsCall)) {
    // Ports left open on purpose: as sorted lists, since their order means nothing.
    out.push({ field: 'endsCall', before: [...(before.endsCall ?? [])].sort(), after: [...(after.endsCall ?? [])].sort() });
  }
  return out;
}

const portKey = (e: FlowEdge) => `${e.source}\u0000${e.sourcePort}`;

/**
 * Compares two versions of a flow; `before` is the baseline.
 *
 * @example
 * const d = diffFlows(published, edited);
 * d.identical;                        // false
 * d.nodes[0];                         // { id: 'rec', change: 'changed', fields: [{ field: 'record', before: 'on', after: 'off' }], … }
 * d.connections[0];                   // { source: 'menu', port: '2', change: 'rewired', before: 'billing', after: 'sales' }
 */
export function diffFlows(before: FlowDoc, after: FlowDoc, options: DiffOptions = {}): FlowDiff {
  const flow: FieldChange[] = [];
  for (const key of ['id', 'name', 'description'] as const) {
    if (before[key] !== after[key]) flow.push({ field: key, before: before[key], after: after[key] });
  }

  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newIds = new Set(after.nodes.map((n) => n.id));
  const nodes: NodeDiff[] = [];
  for (const node of after.nodes) {
    const old = oldNodes.get(node.id);
    const base = { id: node.id, kind: node.kind, label: labelOf(node) };
    if (!old) {
      nodes.push({ ...base, change: 'added', fields: [], moved: false });
      continue;
    }
    const fields = nodeFields(old, node);
    const moved = old.position.x !== node.position.x || old.position.y !== node.position.y;
    // Ignoring the layout, a changed node is not said to have moved as well.
    if (fields.length > 0) nodes.push({ ...base, change: 'changed', fields, moved: moved && !options.ignoreLayout });
    else if (moved && !options.ignoreLayout) nodes.push({ ...base, change: 'moved', fields: [], moved });
  }
  for (const node of before.nodes) {
    if (!newIds.has(node.id)) nodes.push({ id: node.id, kind: node.kind, label: labelOf(node), change: 'removed', fields: [], moved: false });
  }

  const oldEdges = new Map(before.edges.map((e) => [portKey(e), e]));
  const newEdges = new Map(after.edges.map((e) => [portKey(e), e]));
  const order = new Map<string, number>();
  for (const n of [...after.nodes, ...before.nodes]) if (!order.has(n.id)) order.set(n.id, order.size);
  const connections: ConnectionDiff[] = [];
  for (const [key, e] of newEdges) {
    const old = oldEdges.get(key);
    if (!old) connections.push({ source: e.source, port: e.sourcePort, change: 'added', after: e.target });
    else if (old.target !== e.target) connections.push({ source: e.source, port: e.sourcePort, change: 'rewired', before: old.target, after: e.target });
  }
  for (const [key, e] of oldEdges) {
    if (!newEdges.has(key)) connections.push({ source: e.source, port: e.sourcePort, change: 'removed', before: e.target });
  }
  connections.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) || a.port.localeCompare(b.port));

  const counts = { added: 0, removed: 0, changed: 0, moved: 0, connections: connections.length };
  for (const n of nodes) counts[n.change]++;
  const behaviour = flow.length + counts.added + counts.removed + counts.changed + connections.length;
  return { identical: behaviour + counts.moved === 0, layoutOnly: behaviour === 0 && counts.moved > 0, flow, nodes, connections, counts };
}

/** A value as a reader would write it: strings quoted and shortened, nothing set as "not set". */
export function formatValue(value: unknown, max = 60): string {
  if (value === undefined) return 'not set';
  if (value === null) return 'none';
  const text = typeof value === 'string' || typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `field: before → after`, as the CLI and the editor print a field change. */
export function formatFieldChange(c: FieldChange): string {
  return `${c.field}: ${formatValue(c.before)} → ${formatValue(c.after)}`;
}

/** How a node is named in a diff: its kind's title, label and id. */
export function nodeTitle(n: Pick<NodeDiff, 'id' | 'kind' | 'label'>): string {
  const title = getModel(n.kind)?.title ?? n.kind;
  return n.label === n.id ? `${title} "${n.id}"` : `${title} "${n.label}" (${n.id})`;
}

/** One line per change, for the terminal: flow properties, then nodes, then connections. */
export function describeDiff(diff: FlowDiff): string[] {
  const lines: string[] = [];
  for (const c of diff.flow) lines.push(`flow        ${formatFieldChange(c)}`);
  for (const n of diff.nodes) {
    const where = `${n.change.padEnd(11)} ${nodeTitle(n)}`;
    if (n.change !== 'changed') lines.push(where);
    else {
      lines.push(`${where}${n.moved ? ' (also moved)' : ''}`);
      for (const f of n.fields) lines.push(`              ${formatFieldChange(f)}`);
    }
  }
  for (const c of diff.connections) {
    const from = `"${c.source}" port "${c.port}"`;
    if (c.change === 'added') lines.push(`connected   ${from} → "${c.after}"`);
    else if (c.change === 'removed') lines.push(`unconnected ${from} (was → "${c.before}")`);
    else lines.push(`rewired     ${from}: "${c.before}" → "${c.after}"`);
  }
  return lines;
}
