/**
 * Renders one node view the way the canvas does: inside a ReactFlowProvider
 * and a minimal <ReactFlow>, with the kind-lookup, workspace-name and
 * effective-default contexts the editor's canvas provides. Shared play helpers
 * check the states every kind has a story for.
 */
import { type Node, type NodeTypes, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { expect, waitFor, within } from 'storybook/test';
import { EffectiveProvider } from '../editor/canvas/EffectiveContext.tsx';
import { KindLookupContext } from '../editor/kit/kindLookup.ts';
import type { DiffMark, NodeViewData, SimHighlight } from '../editor/kit/viewData.ts';
import { WorkspaceNamesProvider } from '../editor/kit/workspaceNames.tsx';
import { getKind, getModel } from '../nodes/index.ts';
import type { Problem } from '../runtime/checks/checkFlow.ts';
import type { FlowDoc, FlowNode } from '../runtime/document/flow.ts';
import type { WorkspaceDoc } from '../runtime/document/workspace.ts';
import '../editor/canvas/canvas.css';

export interface NodeStoryArgs {
  node: FlowNode;
  problems: Problem[];
  sim: SimHighlight;
  /** Its mark while the flow is compared with another version (Compare panel). */
  diff?: DiffMark;
  selected: boolean;
  workspace: WorkspaceDoc;
  flow: FlowDoc;
}

export function NodeCanvas({ view, node, problems, sim, diff = null, selected, workspace, flow }: NodeStoryArgs & { view: NodeTypes[string] }) {
  const nodes: Node<NodeViewData<FlowNode>>[] = [
    { id: node.id, type: node.kind, position: { x: 0, y: 0 }, data: { node, problems, sim, diff }, selected },
  ];
  return (
    <KindLookupContext.Provider value={getKind}>
      <ReactFlowProvider>
        <WorkspaceNamesProvider workspace={workspace}>
          <EffectiveProvider workspace={workspace} flow={flow}>
            <div style={{ width: 480, height: 320 }} className="canvas">
              <ReactFlow
                nodes={nodes}
                edges={[]}
                nodeTypes={{ [node.kind]: view }}
                fitView
                fitViewOptions={{ maxZoom: 1 }}
                proOptions={{ hideAttribution: true }}
                nodesDraggable={false}
              />
            </div>
          </EffectiveProvider>
        </WorkspaceNamesProvider>
      </ReactFlowProvider>
    </KindLookupContext.Provider>
  );
}

/** The rendered node frame (React Flow shows a node once it has measured it). */
export async function findNode(canvasElement: HTMLElement, node: FlowNode): Promise<HTMLElement> {
  let el: HTMLElement | null = null;
  await waitFor(() => {
    el = canvasElement.querySelector<HTMLElement>(`.react-flow__node [data-node-id="${node.id}"]`);
    expect(el).not.toBeNull();
    expect(el).toBeVisible();
    // Generous: a loaded CI machine can take a while to lay out the first node.
  }, { timeout: 5000 });
  return el!;
}

/** Default: the kind's title, the node's label and one labelled handle per output port. */
export async function expectDefault(canvasElement: HTMLElement, node: FlowNode): Promise<HTMLElement> {
  const el = await findNode(canvasElement, node);
  const model = getModel(node.kind)!;
  const view = within(el);
  await expect(view.getByText(model.title)).toBeVisible();
  const label = (node.data as { label?: string }).label;
  if (label) await expect(el.querySelector('.fnode__label')).toHaveTextContent(label);
  const ports = model.ports(node.data);
  await expect(el.querySelectorAll('.react-flow__handle.source')).toHaveLength(ports.length);
  for (const p of ports) await expect(view.getByText(p.label)).toBeVisible();
  await expect(el).not.toHaveClass('is-selected');
  return el;
}

export async function expectSelected(canvasElement: HTMLElement, node: FlowNode): Promise<void> {
  const el = await findNode(canvasElement, node);
  await expect(el).toHaveClass('is-selected');
  await expect(el.closest('.react-flow__node')).toHaveClass('selected');
}

export async function expectProblems(canvasElement: HTMLElement, node: FlowNode, problems: Problem[]): Promise<void> {
  const el = await findNode(canvasElement, node);
  await expect(problems.length).toBeGreaterThan(0);
  const badge = within(el).getByRole('img', { name: `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}` });
  await expect(badge).toBeVisible();
  // Every message is in the badge's tooltip.
  for (const p of problems) await expect(within(badge).getByText(p.message)).toBeInTheDocument();
  if (problems.some((p) => p.severity === 'error')) await expect(el).toHaveClass('has-error');
}

export async function expectActive(canvasElement: HTMLElement, node: FlowNode): Promise<void> {
  const el = await findNode(canvasElement, node);
  await expect(el).toHaveClass('is-active');
  await expect(within(el).getByText('in call')).toBeVisible();
}

/** Changed since the version the flow is compared with: a dashed frame and a tag that says so. */
export async function expectChanged(canvasElement: HTMLElement, node: FlowNode): Promise<void> {
  const el = await findNode(canvasElement, node);
  await expect(el).toHaveClass('is-diff-changed');
  const tag = within(el).getByText('changed');
  await expect(tag).toBeVisible();
  await expect(tag).toHaveAttribute('title', 'Changed since the flow it is compared with');
  await expect(getComputedStyle(el).outlineStyle).toBe('dashed');
}
