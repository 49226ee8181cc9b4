import { StartNode } from './StartNode.tsx';
import { type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// The model's check objects to a number the workspace does not have.
const kit = nodeStories('start', StartNode, { data: (d) => ({ ...d, numberIds: [...d.numberIds, 'retired-line'] }) });

export default { title: 'Canvas/Start node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;
export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
