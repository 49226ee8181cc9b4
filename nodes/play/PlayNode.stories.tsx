import { PlayNode } from './PlayNode.tsx';
import { type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// The model's check objects to an empty prompt.
const kit = nodeStories('play', PlayNode, { data: (d) => ({ ...d, text: '' }) });

export default { title: 'Canvas/Play node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;
export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
