/**
 * Compact builders for flow-check tests: nodes with their kind's defaults,
 * edges written as `'a.next>b'`, and a flow around them.
 */
import type { NodeDataOf, NodeKindName } from '../../nodes/index.ts';
import { nodeModels } from '../../nodes/index.ts';
import { FLOW_FORMAT, FLOW_VERSION, type FlowDoc, type FlowEdge, type FlowNode } from '../document/flow.ts';
import { createWorkspace, type WorkspaceDoc } from '../document/workspace.ts';

/** A node of `kind` with its defaults, `data` on top, and optionally ports that end the call. */
export function node<K extends NodeKindName>(id: string, kind: K, data: Partial<NodeDataOf<K>> = {}, endsCall?: string[]): FlowNode {
  const merged: object = { ...(nodeModels[kind].defaults() as object), ...data };
  const n = { id, kind, position: { x: 0, y: 0 }, data: merged } as FlowNode;
  if (endsCall) n.endsCall = endsCall;
  return n;
}

/** `'a.next>b'` → an edge from a's port `next` to b; ids `e0`, `e1`, … in order. */
export function edges(...specs: string[]): FlowEdge[] {
  return specs.map((s, i) => {
    const [from, target] = s.split('>') as [string, string];
    const [source, sourcePort] = from.split('.') as [string, string];
    return { id: `e${i}`, source, sourcePort, target };
  });
}

/** A flow `f` named "Test" holding `nodes` and `es`. */
export function flow(nodes: FlowNode[], es: FlowEdge[] = []): FlowDoc {
  return { format: FLOW_FORMAT, version: FLOW_VERSION, id: 'f', name: 'Test', nodes, edges: es };
}

/** A new workspace with the number `num-support` (+15550100, "Support", no overrides) and `flows` in it. */
export function workspaceWithSupportNumber(...flows: FlowDoc[]): WorkspaceDoc {
  const ws = createWorkspace();
  ws.numbers.push({
    id: 'num-support',
    number: '+15550100',
    label: 'Support',
    flowId: null,
    override: { enabled: false, inbound: 'inherit', outbound: 'inherit', agentPause: 'inherit' },
  });
  ws.flows.push(...flows);
  return ws;
}

/** A flow `id` named `name` whose Start serves `numberIds` and hangs up. */
export const servingFlow = (id: string, name: string, numberIds: string[]): FlowDoc => ({
  ...flow([node('start', 'start', { numberIds }), node('bye', 'hangup')], edges('start.next>bye')),
  id,
  name,
});
