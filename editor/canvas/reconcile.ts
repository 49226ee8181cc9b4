/**
 * Builds React Flow's node and edge objects from the flow incrementally: an
 * object whose inputs are unchanged is reused as is, so React Flow and the
 * memoised views skip it. Immer's structural sharing makes "unchanged" an
 * identity check. Positions and measured sizes React Flow keeps locally
 * (during a drag) survive until the flow node itself changes.
 */
import type { Edge } from '@xyflow/react';
import { getModel, isEntry } from '../../nodes/index.ts';
import type { Problem } from '../../runtime/checks/checkFlow.ts';
import type { FlowDoc, FlowNode } from '../../runtime/document/flow.ts';
import type { SimulationHighlight } from '../store/store.ts';
import { estimateNode } from './estimate.ts';
import { type DiffMark, INPUT_HANDLE, type SimHighlight } from '../kit/viewData.ts';
import type { EdgeViewData, FlowRFNode } from './nodeViewData.ts';

export type FlowRFEdge = Edge<EdgeViewData>;

const NO_PROBLEMS: Problem[] = [];

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return p.code === q.code && p.message === q.message && p.severity === q.severity && p.field === q.field && p.port === q.port;
    })
  );
}

/** Problems by node id; a node whose problems read the same as before keeps the previous array. */
export function groupProblems(problems: readonly Problem[], previous: ReadonlyMap<string, Problem[]>): Map<string, Problem[]> {
  const byNode = new Map<string, Problem[]>();
  for (const p of problems) {
    if (p.nodeId === undefined) continue;
    const list = byNode.get(p.nodeId);
    if (list) list.push(p);
    else byNode.set(p.nodeId, [p]);
  }
  for (const [id, list] of byNode) {
    const old = previous.get(id);
    if (old && sameProblems(old, list)) byNode.set(id, old);
  }
  return byNode;
}

export interface NodeInputs {
  flow: FlowDoc;
  selected: ReadonlySet<string>;
  problems: ReadonlyMap<string, Problem[]>;
  sim: SimulationHighlight | null;
  /** Each node's difference from the compared baseline; null when not comparing. */
  marks?: ReadonlyMap<string, DiffMark> | null;
  /**
   * Give nodes React Flow has not measured yet an estimated size and handle positions (`estimate.ts`), so that with
   * `onlyRenderVisibleElements` it mounts only the nodes on screen instead of every node once to measure it.
   */
  estimate?: boolean | ((id: string) => boolean);
}

function simOf(sim: SimulationHighlight | null, visited: ReadonlySet<string>, id: string): SimHighlight {
  if (!sim) return null;
  if (sim.activeNodeId === id) return 'active';
  return visited.has(id) ? 'visited' : null;
}

export function reconcileNodes(previous: readonly FlowRFNode[], { flow, selected, problems, sim, marks = null, estimate = false }: NodeInputs): FlowRFNode[] {
  const byId = new Map<string, FlowRFNode>();
  for (const n of previous) byId.set(n.id, n);
  const visited = new Set(sim?.visitedNodeIds ?? []);
  let changed = previous.length !== flow.nodes.length;
  const next = flow.nodes.map((node, i) => {
    const old = byId.get(node.id);
    const nodeProblems = problems.get(node.id) ?? NO_PROBLEMS;
    const nodeSim = simOf(sim, visited, node.id);
    const isSelected = selected.has(node.id);
    const nodeDiff = marks ? (marks.get(node.id) ?? null) : null;
    if (
      old &&
      old.data.node === node &&
      old.data.problems === nodeProblems &&
      old.data.sim === nodeSim &&
      (old.data.diff ?? null) === nodeDiff &&
      (old.selected ?? false) === isSelected
    ) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    // A node React Flow has measured keeps its measurement (and no estimated handles, see Canvas onNodesChange).
    const guess = !old?.measured && (typeof estimate === 'function' ? estimate(node.id) : estimate) ? estimateNode(node) : null;
    const rf: FlowRFNode = {
      ...old,
      id: node.id,
      type: node.kind,
      // While the flow node is unchanged React Flow's local position (a drag in progress) wins.
      position: old && old.data.node === node ? old.position : node.position,
      data: { node, problems: nodeProblems, sim: nodeSim, diff: nodeDiff },
      selected: isSelected,
      // C1: a flow has exactly one Start; it cannot be deleted.
      deletable: !isEntry(node),
      // What a screen reader announces when the node takes focus.
      ariaLabel: `${getModel(node.kind)?.title ?? node.kind}: ${(node.data as { label?: string }).label || node.id}${
        nodeProblems.length > 0 ? `, ${nodeProblems.length} ${nodeProblems.length === 1 ? 'problem' : 'problems'}` : ''
      }`,
      ...(guess ? { initialWidth: guess.width, initialHeight: guess.height, handles: guess.handles } : {}),
    };
    return rf;
  });
  return changed ? next : (previous as FlowRFNode[]);
}

/**
 * A node's spoken name and its ports' labels, kept per node object: flow nodes are immutable (immer), so a typed
 * label makes one new object and only its own entry is worked out again, not every edge's ports.
 */
const spokenOf = new WeakMap<FlowNode, { name: string; ports: ReadonlyMap<string, string> }>();

function spoken(node: FlowNode): { name: string; ports: ReadonlyMap<string, string> } {
  let s = spokenOf.get(node);
  if (!s) {
    const model = getModel(node.kind);
    s = {
      name: (node.data as { label?: string }).label || model?.title || node.id,
      ports: new Map((model?.ports(node.data) ?? []).map((p) => [p.id, p.label])),
    };
    spokenOf.set(node, s);
  }
  return s;
}

/** What a screen reader announces for an edge: its ends by the names people gave the nodes, and the port. */
function edgeAriaLabel(edge: FlowDoc['edges'][number], nodes: ReadonlyMap<string, FlowNode>): string {
  const from = nodes.get(edge.source);
  const to = nodes.get(edge.target);
  const port = (from && spoken(from).ports.get(edge.sourcePort)) || edge.sourcePort;
  return `Connection from ${from ? spoken(from).name : edge.source}, port ${port}, to ${to ? spoken(to).name : edge.target}`;
}

/**
 * Edges for React Flow, each kept (the same object) while its flow edge and its spoken name are unchanged: a node
 * renamed or given other ports rebuilds only the edges at it.
 */
export function reconcileEdges(previous: readonly FlowRFEdge[], flow: FlowDoc): FlowRFEdge[] {
  const byId = new Map<string, FlowRFEdge>();
  for (const e of previous) byId.set(e.id, e);
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  let changed = previous.length !== flow.edges.length;
  const next = flow.edges.map((edge, i) => {
    const old = byId.get(edge.id);
    const ariaLabel = edgeAriaLabel(edge, nodes);
    if (old && old.data?.edge === edge && old.ariaLabel === ariaLabel) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    const rf: FlowRFEdge = {
      id: edge.id,
      source: edge.source,
      sourceHandle: edge.sourcePort,
      target: edge.target,
      targetHandle: INPUT_HANDLE,
      data: { edge },
      selected: old?.selected ?? false,
      ariaLabel,
    };
    return rf;
  });
  return changed ? next : (previous as FlowRFEdge[]);
}
