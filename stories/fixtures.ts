/**
 * Data the stories render: the sample workspace from examples/, plus the
 * problems the flow checks report for it. Stories pick nodes by kind, never
 * by id, so the examples may change without breaking them.
 */
import { checkFlow, type Problem } from '../runtime/checks/checkFlow.ts';
import type { FlowDoc, FlowNode } from '../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../runtime/document/workspace.ts';
import { loadExampleWorkspace } from '../examples/index.ts';
import { getModel } from '../nodes/index.ts';

/**
 * The sample workspace. Its first flow (the support line) holds a node of each
 * kind the examples know; a kind added since gets a node of its defaults from
 * `sampleNodeOf`, so a new kind needs no edit outside its folder to have stories.
 */
function loadWorkspace(): WorkspaceDoc {
  return loadExampleWorkspace();
}

/** A fresh copy each call, so a story that edits it never leaks into another. */
export function sampleWorkspace(): WorkspaceDoc {
  return structuredClone(loadWorkspace());
}

export function sampleFlow(ws: WorkspaceDoc = sampleWorkspace()): FlowDoc {
  const flow = ws.flows[0];
  if (!flow) throw new Error('the sample workspace has no flow');
  return flow;
}

/** Every node of a kind in the flow. */
export function nodesOfKind<K extends FlowNode['kind']>(kind: K, flow: FlowDoc = sampleFlow()): Extract<FlowNode, { kind: K }>[] {
  return flow.nodes.filter((n): n is Extract<FlowNode, { kind: K }> => n.kind === kind);
}

/** The first node of a kind in the sample flow. */
export function nodeOfKind<K extends FlowNode['kind']>(kind: K, flow: FlowDoc = sampleFlow()): Extract<FlowNode, { kind: K }> {
  const node = flow.nodes.find((n): n is Extract<FlowNode, { kind: K }> => n.kind === kind);
  if (!node) throw new Error(`the sample flow has no ${kind} node`);
  return node;
}

/**
 * The first node of a kind in the flow, or, when the flow has none, a new node
 * of the kind's defaults added below the others (its ports marked as ending the
 * call, so the only problem it brings is that no call reaches it).
 */
export function sampleNodeOf<K extends FlowNode['kind']>(kind: K, flow: FlowDoc): Extract<FlowNode, { kind: K }> {
  const found = flow.nodes.find((n): n is Extract<FlowNode, { kind: K }> => n.kind === kind);
  if (found) return found;
  const model = getModel(kind);
  if (!model) throw new Error(`no node kind "${kind}" is registered`);
  const data = model.defaults();
  const ports = model.ports(data).map((p) => p.id);
  const bottom = Math.max(0, ...flow.nodes.map((n) => n.position.y));
  const node = { id: `sample-${kind}`, kind, position: { x: 0, y: bottom + 240 }, data } as Extract<FlowNode, { kind: K }>;
  if (ports.length > 0) node.endsCall = ports;
  flow.nodes.push(node);
  return node;
}

export function problemsOf(flow: FlowDoc, ws: WorkspaceDoc): Problem[] {
  return checkFlow(flow, { workspace: ws });
}
