import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { RecordingNode } from '../../nodes/recording/RecordingNode.tsx';
import type { FlowNode } from '../../runtime/document/flow.ts';
import { nodeOfKind, problemsOf, sampleWorkspace } from '../fixtures.ts';
import { expectActive, expectDefault, expectProblems, expectSelected, NodeCanvas, type NodeStoryArgs } from '../nodeHarness.tsx';

const workspace = sampleWorkspace();
const flow = workspace.flows[0]!;
const node = nodeOfKind('recording', flow);
const broken = { ...node, data: { ...node.data, record: 'on' as const, channels: 'mono' as const } } as FlowNode;
const brokenProblems = problemsOf(
  { ...flow, nodes: flow.nodes.map((n) => (n.id === node.id ? broken : n)) },
  workspace,
).filter((p) => p.nodeId === node.id);

const meta = {
  title: 'Canvas/Recording node',
  component: NodeCanvas,
  args: { view: RecordingNode, node, problems: [], sim: null, selected: false, workspace, flow },
} satisfies Meta<NodeStoryArgs & { view: typeof RecordingNode }>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    await expectDefault(canvasElement, args.node);
  },
};

/** R3: where the node says "use default", the view shows the account value that applies, marked as a default. */
export const ShowsEffectiveDefaults: Story = {
  args: {
    node: { ...node, data: { ...node.data, record: 'on', channels: 'default', agentPause: 'default' } },
    workspace: { ...workspace, account: { ...workspace.account, dualChannel: false } },
  },
  play: async ({ canvasElement, args }) => {
    const el = await expectDefault(canvasElement, args.node);
    await expect(el).toHaveTextContent('Mono');
    await expect(el).toHaveTextContent('· default');
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
