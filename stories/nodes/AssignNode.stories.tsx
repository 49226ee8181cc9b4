import type { Meta, StoryObj } from '@storybook/react-vite';
import { AssignNode } from '../../nodes/assign/AssignNode.tsx';
import type { FlowNode } from '../../runtime/document/flow.ts';
import { nodeOfKind, problemsOf, sampleWorkspace } from '../fixtures.ts';
import { expectActive, expectDefault, expectProblems, expectSelected, NodeCanvas, type NodeStoryArgs } from '../nodeHarness.tsx';

const workspace = sampleWorkspace();
const flow = workspace.flows[0]!;
const node = nodeOfKind('assign', flow);
const broken = { ...node, data: { ...node.data, target: { type: 'agent' as const, agentId: 'left-the-company' } } } as FlowNode;
const brokenProblems = problemsOf(
  { ...flow, nodes: flow.nodes.map((n) => (n.id === node.id ? broken : n)) },
  workspace,
).filter((p) => p.nodeId === node.id);

const meta = {
  title: 'Canvas/Assign node',
  component: NodeCanvas,
  args: { view: AssignNode, node, problems: [], sim: null, selected: false, workspace, flow },
} satisfies Meta<NodeStoryArgs & { view: typeof AssignNode }>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    await expectDefault(canvasElement, args.node);
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
