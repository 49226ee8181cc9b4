/**
 * The scaffold every node-view story file shares (`nodes/<kind>/<Kind>Node.stories.tsx`):
 * the sample flow's node of one kind (or one of its defaults, for a kind the
 * examples do not hold yet) drawn by NodeCanvas, and the states every kind
 * has a story for (default, selected, with problems, active in a simulation,
 * changed in a comparison). A story file keeps its own static `title`
 * (Storybook reads it from the source) and re-exports the stories by name,
 * adding any story specific to its kind.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { NodeTypes } from '@xyflow/react';
import type { FlowDoc, FlowNode } from '../runtime/document/flow.ts';
import { problemsOf, sampleNodeOf, sampleWorkspace } from './fixtures.ts';
import { expectActive, expectChanged, expectDefault, expectProblems, expectSelected, NodeCanvas, type NodeStoryArgs } from './nodeHarness.tsx';

type KindNode<K extends FlowNode['kind']> = Extract<FlowNode, { kind: K }>;

/**
 * How the "with problems" story gets its problems: either the node's data is
 * changed to something its model's check objects to, or the flow around the
 * node is changed so the flow checks report on it.
 */
export type Breakage<K extends FlowNode['kind']> =
  | { data: (data: KindNode<K>['data']) => KindNode<K>['data'] }
  | { flow: (flow: FlowDoc, node: KindNode<K>) => FlowDoc };

export type NodeStoryMeta = Meta<NodeStoryArgs & { view: NodeTypes[string] }>;
export type NodeStory = StoryObj<NodeStoryMeta>;

export function nodeStories<K extends FlowNode['kind']>(kind: K, view: NodeTypes[string], breakage: Breakage<K>) {
  const workspace = sampleWorkspace();
  const flow = workspace.flows[0]!;
  const node = sampleNodeOf(kind, flow);
  let broken: FlowNode = node;
  let brokenFlow: FlowDoc;
  if ('data' in breakage) {
    broken = { ...node, data: breakage.data(node.data as KindNode<K>['data']) } as FlowNode;
    brokenFlow = { ...flow, nodes: flow.nodes.map((n) => (n.id === node.id ? broken : n)) };
  } else {
    brokenFlow = breakage.flow(flow, node);
  }
  const brokenProblems = problemsOf(brokenFlow, workspace).filter((p) => p.nodeId === node.id);

  const meta = {
    component: NodeCanvas,
    args: { view, node, problems: [], sim: null, selected: false, workspace, flow },
  } satisfies NodeStoryMeta;

  const Default: NodeStory = {
    play: async ({ canvasElement, args }) => {
      await expectDefault(canvasElement, args.node);
    },
  };

  const Selected: NodeStory = {
    args: { selected: true },
    play: async ({ canvasElement, args }) => {
      await expectSelected(canvasElement, args.node);
    },
  };

  /** The badge counts the problems and lists them. */
  const WithProblems: NodeStory = {
    args: { node: broken, problems: brokenProblems },
    play: async ({ canvasElement, args }) => {
      await expectProblems(canvasElement, args.node, args.problems);
    },
  };

  /** Where a simulated call is right now. */
  const ActiveInSimulation: NodeStory = {
    args: { sim: 'active' },
    play: async ({ canvasElement, args }) => {
      await expectActive(canvasElement, args.node);
    },
  };

  /** Changed since the version the flow is being compared with (Compare panel). */
  const ChangedInComparison: NodeStory = {
    args: { diff: 'changed' },
    play: async ({ canvasElement, args }) => {
      await expectChanged(canvasElement, args.node);
    },
  };

  return { workspace, flow, node, meta, stories: { Default, Selected, WithProblems, ActiveInSimulation, ChangedInComparison } };
}
