import { expect, within } from 'storybook/test';
import { TransferNode } from './TransferNode.tsx';
import { expectDefault } from '../../stories/nodeHarness.tsx';
import { type NodeStory, type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// The model's check objects to a ring group that is not in the workspace.
const kit = nodeStories('transfer', TransferNode, { data: (d) => ({ ...d, target: { type: 'ringGroup', ringGroupId: 'night-shift' } }) });
const { node } = kit;

export default { title: 'Canvas/Transfer node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;

/** R14/R16 vs R13: an outside number is marked external, an agent internal. */
export const ExternalAndInternal: NodeStory = {
  args: { node: { ...node, data: { ...node.data, target: { type: 'external', number: '+1 555 020 0200' } } } },
  play: async ({ canvasElement, args }) => {
    const el = await expectDefault(canvasElement, args.node);
    await expect(within(el).getByText('External')).toBeVisible();
    await expect(el).toHaveTextContent('+1 555 020 0200');
  },
};

export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
