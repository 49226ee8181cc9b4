import { HangupNode } from './HangupNode.tsx';
import { type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// Nothing leads here any more: the C1 problem the flow checks report on an unreachable node.
const kit = nodeStories('hangup', HangupNode, { flow: (f, n) => ({ ...f, edges: f.edges.filter((e) => e.target !== n.id) }) });

export default { title: 'Canvas/Hang up node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;
export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
