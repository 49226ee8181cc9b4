import { expect } from 'storybook/test';
import { StepNode } from './StepNode.tsx';
import { expectDefault } from '../../stories/nodeHarness.tsx';
import { type NodeStory, type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// A step has no check of its own: its problem is an error port left open (C1).
const kit = nodeStories('step', StepNode, {
  flow: (flow, node) => ({ ...flow, nodes: flow.nodes.map((n) => (n.id === node.id ? { ...n, endsCall: ['next'] } : n)) }),
});
const { node } = kit;

export default { title: 'Canvas/Step node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;

/** An imported step: what it does and calls, marked as carrying the platform's configuration. */
export const Imported: NodeStory = {
  args: {
    node: {
      ...node,
      data: { label: 'Check the claim', action: 'lambda', system: 'claims-api', seconds: 2, original: { Type: 'InvokeLambdaFunction', Parameters: {} } },
    },
  },
  play: async ({ canvasElement, args }) => {
    const el = await expectDefault(canvasElement, args.node);
    await expect(el).toHaveTextContent('Lambda function');
    await expect(el).toHaveTextContent('claims-api');
    await expect(el).toHaveTextContent('imported');
  },
};

export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
