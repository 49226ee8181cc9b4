import { expect, within } from 'storybook/test';
import { StartNode } from './StartNode.tsx';
import { expectDefault } from '../../stories/nodeHarness.tsx';
import { type NodeStory, type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// The model's check objects to a number the workspace does not have.
const kit = nodeStories('start', StartNode, { data: (d) => ({ ...d, numberIds: [...d.numberIds, 'retired-line'] }) });
const { node, workspace } = kit;

export default { title: 'Canvas/Start node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;

/** The numbers it serves by name and number, as people know them, never by id. */
export const NumbersByName: NodeStory = {
  play: async ({ canvasElement, args }) => {
    const el = await expectDefault(canvasElement, args.node);
    const served = workspace.numbers.filter((n) => (args.node.data as { numberIds: string[] }).numberIds.includes(n.id));
    await expect(served.length).toBeGreaterThan(0);
    for (const n of served) {
      await expect(within(el).getByText(`${n.label} · ${n.number}`)).toBeVisible();
      await expect(el).not.toHaveTextContent(n.id);
    }
  },
};

/** A number the workspace no longer has: its id, marked as missing. */
export const MissingNumber: NodeStory = {
  args: { node: { ...node, data: { ...node.data, numberIds: ['retired-line'] } } },
  play: async ({ canvasElement, args }) => {
    const el = await expectDefault(canvasElement, args.node);
    await expect(within(el).getByText('retired-line (missing)')).toBeVisible();
  },
};

export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
