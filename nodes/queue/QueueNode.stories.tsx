import { expect } from 'storybook/test';
import { QueueNode } from './QueueNode.tsx';
import { expectDefault } from '../../stories/nodeHarness.tsx';
import { type NodeStory, type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// The model's check objects to a ring group that is not in the workspace.
const kit = nodeStories('queue', QueueNode, { data: (d) => ({ ...d, target: { type: 'ringGroup', ringGroupId: 'night-shift' } }) });
const { node, workspace } = kit;
const group = workspace.ringGroups[0]!;

export default { title: 'Canvas/Queue node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;

/** Served by a ring group: its name, the longest wait and the queue's name on the platform. */
export const ServedByRingGroup: NodeStory = {
  args: { node: { ...node, data: { ...node.data, target: { type: 'ringGroup', ringGroupId: group.id }, maxWaitSeconds: 600, queueName: 'ClaimsQueue' } } },
  play: async ({ canvasElement, args }) => {
    const el = await expectDefault(canvasElement, args.node);
    await expect(el).toHaveTextContent(group.name);
    await expect(el).toHaveTextContent('600 s');
    await expect(el).toHaveTextContent('ClaimsQueue');
  },
};

/** Served by agents: how many, and how many of them the workspace no longer has. */
export const ServedByAgents: NodeStory = {
  args: { node: { ...node, data: { ...node.data, target: { type: 'agents', agentIds: [workspace.agents[1]!.id, 'left-the-company'] } } } },
  play: async ({ canvasElement, args }) => {
    const el = await expectDefault(canvasElement, args.node);
    await expect(el).toHaveTextContent('2 agents');
    await expect(el).toHaveTextContent('(1 missing)');
  },
};

export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
