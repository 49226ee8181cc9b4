/**
 * The documents the benchmarks open: the example workspace (its agents, ring
 * groups, numbers and roles) holding one generated flow of N nodes, so checks
 * see a realistic context. Deterministic: the same N always gives the same flow.
 */
import { loadExampleWorkspace } from '../examples/index.ts';
import { generateFlow } from '../runtime/checks/generateFlow.ts';
import type { FlowDoc } from '../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../runtime/document/workspace.ts';

export const SEED = 42;

export function benchFlow(nodeCount: number): FlowDoc {
  const ws = loadExampleWorkspace();
  return generateFlow(nodeCount, SEED, {
    id: `bench-${nodeCount}`,
    numberIds: ws.numbers.slice(0, 1).map((n) => n.id),
    ringGroupIds: ws.ringGroups.map((g) => g.id),
  });
}

export function benchWorkspace(nodeCount: number): WorkspaceDoc {
  const ws = loadExampleWorkspace();
  const flow = benchFlow(nodeCount);
  // The number the Start serves runs this flow.
  return { ...ws, numbers: ws.numbers.map((n, i) => (i === 0 ? { ...n, flowId: flow.id } : n)), flows: [flow] };
}

/** The editor's saved-state shape (editor/store/persistence.ts), which its `?bench=` hook restores. */
export function savedState(nodeCount: number): string {
  const workspace = benchWorkspace(nodeCount);
  return JSON.stringify({ format: 'recflow.editor-state', version: 1, workspace, currentFlowId: workspace.flows[0]!.id });
}
