/**
 * Lookup tables built once per workspace and per flow (cached by identity),
 * so starting many calls against the same documents costs no rebuilding.
 */
import { getBehavior, getKind, isEntry, referencesOf } from '../../nodes/index.ts';
import type { NodeBehavior } from '../../nodes/kit/contract.ts';
import type { TransferTarget } from '../../nodes/kit/fields.ts';
import type { FlowDoc, FlowNode } from '../document/flow.ts';
import type { Agent, RingGroup, WorkspaceDoc } from '../document/workspace.ts';

export interface WorkspaceIndex {
  agents: Map<string, Agent>;
  ringGroups: Map<string, RingGroup>;
}

export interface FlowIndex {
  flow: FlowDoc;
  nodes: Map<string, { node: FlowNode; behavior: NodeBehavior<unknown> | undefined }>;
  /** `source \0 port` → target node id. */
  next: Map<string, string>;
  /** Outside numbers and extensions the flow's nodes send calls to (offered as transfer targets). */
  outsideTargets: TransferTarget[];
}

const wsCache = new WeakMap<WorkspaceDoc, WorkspaceIndex>();
const flowCache = new WeakMap<FlowDoc, FlowIndex>();

export function indexWorkspace(ws: WorkspaceDoc): WorkspaceIndex {
  let ix = wsCache.get(ws);
  // Stryker disable next-line ConditionalExpression: the cache only saves rebuilding; a rebuilt index is equal
  if (ix) return ix;
  ix = {
    agents: new Map(ws.agents.map((a) => [a.id, a])),
    ringGroups: new Map(ws.ringGroups.map((g) => [g.id, g])),
  };
  wsCache.set(ws, ix);
  return ix;
}

export function indexFlow(flow: FlowDoc): FlowIndex {
  let ix = flowCache.get(flow);
  // Stryker disable next-line ConditionalExpression: the cache only saves rebuilding; a rebuilt index is equal
  if (ix) return ix;
  const nodes: FlowIndex['nodes'] = new Map();
  // Stryker disable next-line ArrayDeclaration: the call offers only external and extension targets of this list (actions.ts targetChoices)
  const outsideTargets: TransferTarget[] = [];
  const seen = new Set<string>();
  for (const node of flow.nodes) {
    nodes.set(node.id, { node, behavior: getBehavior(node.kind) });
    // Stryker disable next-line ArrayDeclaration: as above, a target that is neither external nor an extension is never offered
    for (const t of getKind(node.kind)?.traits.outsideTargets?.(node.data) ?? []) {
      const key = JSON.stringify(t);
      if (!seen.has(key)) {
        seen.add(key);
        outsideTargets.push(t);
      }
    }
  }
  const next = new Map<string, string>();
  for (const e of flow.edges) next.set(`${e.source}\u0000${e.sourcePort}`, e.target);
  ix = { flow, nodes, next, outsideTargets };
  flowCache.set(flow, ix);
  return ix;
}

const startNodes = new WeakMap<FlowIndex, Map<string, string | null>>();

/** The entry (Start) node for calls to `numberId`: the one listing it, else the first entry (found once per flow and number). */
export function startNodeFor(ix: FlowIndex, numberId: string): string | null {
  let byNumber = startNodes.get(ix);
  // Stryker disable next-line ConditionalExpression: a cache per flow; a new one finds the same Start
  if (!byNumber) {
    byNumber = new Map();
    startNodes.set(ix, byNumber);
  }
  let found = byNumber.get(numberId);
  // Stryker disable next-line ConditionalExpression: as above, per number
  if (found === undefined) {
    found = findStartNode(ix, numberId);
    byNumber.set(numberId, found);
  }
  return found;
}

function findStartNode(ix: FlowIndex, numberId: string): string | null {
  let first: string | null = null;
  for (const node of ix.flow.nodes) {
    if (!isEntry(node)) continue;
    // Stryker disable next-line ConditionalExpression: entries reference numbers only today (their traits), so the type test cannot fail
    if (referencesOf(node).some((r) => r.type === 'number' && r.id === numberId)) return node.id;
    first ??= node.id;
  }
  return first;
}
