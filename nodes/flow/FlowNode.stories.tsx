import { expect } from 'storybook/test';
import { FlowNode } from './FlowNode.tsx';
import { expectDefault } from '../../stories/nodeHarness.tsx';
import { type NodeStory, type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// The model's check objects to a flow the workspace does not have.
const kit = nodeStories('flow', FlowNode, { data: (d) => ({ ...d, flowId: 'retired-line' }) });
const { node, workspace } = kit;
const other = workspace.flows[1]!;

export default { title: 'Canvas/Flow node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;

/** A module that returns: the flow by name, and the next port the call comes back by. */
export const ReturningModule: NodeStory = {
  args: { node: { ...node, data: { label: 'Verify identity', flowId: other.id, returns: true } } },
  play: async ({ canvasElement, args }) => {
    const el = await expectDefault(canvasElement, args.node);
    await expect(el).toHaveTextContent(other.name);
    await expect(el).toHaveTextContent('comes back');
  },
};

/** A transfer to a flow: no port, the call stays there. */
export const HandOver: NodeStory = {
  args: { node: { ...node, data: { label: 'To payments', flowId: other.id, returns: false } } },
  play: async ({ canvasElement, args }) => {
    const el = await expectDefault(canvasElement, args.node);
    await expect(el).toHaveTextContent('stays there');
    await expect(el.querySelectorAll('.react-flow__handle.source')).toHaveLength(0);
  },
};

export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
