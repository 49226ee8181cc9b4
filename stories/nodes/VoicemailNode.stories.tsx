import type { Meta, StoryObj } from '@storybook/react-vite';
import { VoicemailNode } from '../../nodes/voicemail/VoicemailNode.tsx';
import { nodeOfKind, problemsOf, sampleWorkspace } from '../fixtures.ts';
import { expectActive, expectDefault, expectProblems, expectSelected, NodeCanvas, type NodeStoryArgs } from '../nodeHarness.tsx';

const workspace = sampleWorkspace();
const flow = workspace.flows[0]!;
const node = nodeOfKind('voicemail', flow);
// An output port left unconnected: the C1 error the flow checks report on this node.
const unconnected = { ...flow, edges: flow.edges.filter((e) => e.source !== node.id) };
const brokenProblems = problemsOf(unconnected, workspace).filter((p) => p.nodeId === node.id);

const meta = {
  title: 'Canvas/Voicemail node',
  component: NodeCanvas,
  args: { view: VoicemailNode, node, problems: [], sim: null, selected: false, workspace, flow },
} satisfies Meta<NodeStoryArgs & { view: typeof VoicemailNode }>;

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
