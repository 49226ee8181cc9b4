import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { TransferNode } from '../../nodes/transfer/TransferNode.tsx';
import type { FlowNode } from '../../runtime/document/flow.ts';
import { nodeOfKind, problemsOf, sampleWorkspace } from '../fixtures.ts';
import { expectActive, expectDefault, expectProblems, expectSelected, NodeCanvas, type NodeStoryArgs } from '../nodeHarness.tsx';

const workspace = sampleWorkspace();
const flow = workspace.flows[0]!;
const node = nodeOfKind('transfer', flow);
const broken = { ...node, data: { ...node.data, target: { type: 'ringGroup' as const, ringGroupId: 'night-shift' } } } as FlowNode;
const brokenProblems = problemsOf(
  { ...flow, nodes: flow.nodes.map((n) => (n.id === node.id ? broken : n)) },
  workspace,
).filter((p) => p.nodeId === node.id);

const meta = {
  title: 'Canvas/Transfer node',
  component: NodeCanvas,
  args: { view: TransferNode, node, problems: [], sim: null, selected: false, workspace, flow },
} satisfies Meta<NodeStoryArgs & { view: typeof TransferNode }>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    await expectDefault(canvasElement, args.node);
  },
};

/** R14/R16 vs R13: an outside number is marked external, an agent internal. */
export const ExternalAndInternal: Story = {
  args: { node: { ...node, data: { ...node.data, target: { type: 'external', number: '+1 555 020 0200' } } } },
  play: async ({ canvasElement, args }) => {
    const el = await expectDefault(canvasElement, args.node);
    await expect(within(el).getByText('External')).toBeVisible();
    await expect(el).toHaveTextContent('+1 555 020 0200');
  },
};

export const Selected: Story = {
  args: { selected: true },
  play: async ({ canvasElement, args }) => {
    await expectSelected(canvasElement, args.node);
  },
};

/** Data the model's check objects to: the badge counts the problems and lists them. */
export const WithProblems: Story = {
  args: { node: broken, problems: brokenProblems },
  play: async ({ canvasElement, args }) => {
    await expectProblems(canvasElement, args.node, args.problems);
  },
};

/** Where a simulated call is right now. */
export const ActiveInSimulation: Story = {
  args: { sim: 'active' },
  play: async ({ canvasElement, args }) => {
    await expectActive(canvasElement, args.node);
  },
};
