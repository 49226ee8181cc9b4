import type { Meta, StoryObj } from '@storybook/react-vite';
import { HangupNode } from '../../nodes/hangup/HangupNode.tsx';
import { nodeOfKind, problemsOf, sampleWorkspace } from '../fixtures.ts';
import { expectActive, expectDefault, expectProblems, expectSelected, NodeCanvas, type NodeStoryArgs } from '../nodeHarness.tsx';

const workspace = sampleWorkspace();
const flow = workspace.flows[0]!;
const node = nodeOfKind('hangup', flow);
// Nothing leads here any more: the C1 problem the flow checks report on an unreachable node.
const unconnected = { ...flow, edges: flow.edges.filter((e) => e.target !== node.id) };
const brokenProblems = problemsOf(unconnected, workspace).filter((p) => p.nodeId === node.id);

const meta = {
  title: 'Canvas/Hang up node',
  component: NodeCanvas,
  args: { view: HangupNode, node, problems: [], sim: null, selected: false, workspace, flow },
} satisfies Meta<NodeStoryArgs & { view: typeof HangupNode }>;

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

/** Problems from the flow checks: the badge counts them and lists them. */
export const WithProblems: Story = {
  args: { problems: brokenProblems },
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
