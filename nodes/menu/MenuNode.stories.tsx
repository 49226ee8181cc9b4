import { MenuNode } from './MenuNode.tsx';
import { type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// The model's check objects to a menu that never times out.
const kit = nodeStories('menu', MenuNode, { data: (d) => ({ ...d, timeoutSeconds: null }) });

export default { title: 'Canvas/Menu node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;
export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
