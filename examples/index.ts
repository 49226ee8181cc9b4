/**
 * The sample content: a workspace (Northwind Support) with its four flows (the claims line uses the queue, decision, step and flow kinds).
 * The editor opens it on first start; stories, tests and the README use it.
 */
import type { FlowDoc } from '../runtime/document/flow.ts';
import { parseWorkspace, type WorkspaceDoc } from '../runtime/document/workspace.ts';
import claimsLine from './flows/claims-line.json';
import outsideTransfer from './flows/outside-transfer.json';
import paymentsLine from './flows/payments-line.json';
import supportLine from './flows/support-line.json';
import workspace from './workspace.json';

/** The example flows' raw JSON, by flow id, in the order the workspace lists them. */
export const exampleFlowJson: Record<string, unknown> = {
  'support-line': supportLine,
  'payments-line': paymentsLine,
  'outside-transfer': outsideTransfer,
  'claims-line': claimsLine,
};

/**
 * The sample workspace with the four example flows in `flows`, parsed (and
 * so validated) afresh on each call: callers may change what they get.
 *
 * @example
 * const ws = loadExampleWorkspace();
 * ws.flows.map((f) => f.id); // ['support-line', 'payments-line', 'outside-transfer', 'claims-line']
 */
export function loadExampleWorkspace(): WorkspaceDoc {
  const result = parseWorkspace({ ...workspace, flows: Object.values(exampleFlowJson) });
  if (!result.ok) {
    // The examples are part of the code base; examples.test.ts keeps them valid.
    throw new Error(`The example workspace is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return result.value;
}

/** One example flow by id, parsed afresh. */
export function loadExampleFlow(id: string): FlowDoc | undefined {
  return loadExampleWorkspace().flows.find((f) => f.id === id);
}
