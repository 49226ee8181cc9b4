import { expect, within } from 'storybook/test';
import { DecisionNode } from './DecisionNode.tsx';
import { expectDefault } from '../../stories/nodeHarness.tsx';
import { type NodeStory, type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// The model's check warns about a decision with no outcomes.
const kit = nodeStories('decision', DecisionNode, { data: (d) => ({ ...d, outcomes: [] }) });
const { node } = kit;

export default { title: 'Canvas/Decision node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;

/** What it reads, the first outcomes with their conditions as written, the others counted; a port per outcome. */
export const ManyOutcomes: NodeStory = {
  args: {
    node: {
      ...node,
      data: {
        label: 'Customer tier',
        source: 'attribute tier',
        outcomes: ['gold', 'silver', 'bronze', 'trial'].map((name) => ({ name, condition: `$.Attributes.tier = ${name}` })),
      },
    },
  },
  play: async ({ canvasElement, args }) => {
    const el = await expectDefault(canvasElement, args.node);
    await expect(el).toHaveTextContent('attribute tier');
    await expect(within(el).getByText('$.Attributes.tier = gold')).toBeVisible();
    await expect(within(el).queryByText('$.Attributes.tier = trial')).toBeNull();
    await expect(el).toHaveTextContent('+1 more');
    await expect(el.querySelectorAll('.react-flow__handle.source')).toHaveLength(5);
  },
};

export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
