import { expect } from 'storybook/test';
import { RecordingNode } from './RecordingNode.tsx';
import { expectDefault } from '../../stories/nodeHarness.tsx';
import { type NodeStory, type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// C3: the model's check objects to recording in mono.
const kit = nodeStories('recording', RecordingNode, { data: (d) => ({ ...d, record: 'on', channels: 'mono' }) });
const { node, workspace } = kit;

export default { title: 'Canvas/Recording node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;

/** R3: where the node says "use default", the view shows the account value that applies, marked as a default. */
export const ShowsEffectiveDefaults: NodeStory = {
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

export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
