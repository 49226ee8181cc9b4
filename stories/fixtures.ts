/**
 * Data the stories render: the sample workspace from examples/, plus the
 * problems the flow checks report for it. Stories pick nodes by kind, never
 * by id, so the examples may change without breaking them.
 */
import { checkFlow, type Problem } from '../runtime/checks/checkFlow.ts';
import type { FlowDoc, FlowNode } from '../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../runtime/document/workspace.ts';
import { loadExampleWorkspace } from '../examples/index.ts';
import { kindNames } from '../nodes/index.ts';

/** The sample workspace; its first flow (the support line) holds every node kind, which the stories rely on. */
function loadWorkspace(): WorkspaceDoc {
  const ws = loadExampleWorkspace();
  if (!ws.flows[0] || new Set(ws.flows[0].nodes.map((n) => n.kind)).size !== kindNames.length) {
    throw new Error('the first example flow must hold every node kind: the stories render one of each');
  }
  return ws;
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

/** The first node of a kind in the sample flow. */
export function nodeOfKind<K extends FlowNode['kind']>(kind: K, flow: FlowDoc = sampleFlow()): Extract<FlowNode, { kind: K }> {
  const node = flow.nodes.find((n): n is Extract<FlowNode, { kind: K }> => n.kind === kind);
  if (!node) throw new Error(`the sample flow has no ${kind} node`);
  return node;
}

export function problemsOf(flow: FlowDoc, ws: WorkspaceDoc): Problem[] {
  return checkFlow(flow, { workspace: ws });
}
