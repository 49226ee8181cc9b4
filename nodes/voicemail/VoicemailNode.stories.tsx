import { VoicemailNode } from './VoicemailNode.tsx';
import { type NodeStoryMeta, nodeStories } from '../../stories/nodeStory.tsx';

// An output port left unconnected: the C1 error the flow checks report on this node.
const kit = nodeStories('voicemail', VoicemailNode, { flow: (f, n) => ({ ...f, edges: f.edges.filter((e) => e.source !== n.id) }) });

export default { title: 'Canvas/Voicemail node', ...kit.meta } satisfies NodeStoryMeta;

export const Default = kit.stories.Default;
export const Selected = kit.stories.Selected;
export const WithProblems = kit.stories.WithProblems;
export const ActiveInSimulation = kit.stories.ActiveInSimulation;
export const ChangedInComparison = kit.stories.ChangedInComparison;
