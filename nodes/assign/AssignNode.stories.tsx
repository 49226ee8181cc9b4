import { AssignNode } from './AssignNode.tsx';
import { type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// The model's check objects to an agent who is not in the workspace.
const kit = nodeStories('assign', AssignNode, { data: (d) => ({ ...d, target: { type: 'agent', agentId: 'left-the-company' } }) });

export default { title: 'Canvas/Assign node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;
export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
