/**
 * What a node view receives from the canvas: the flow node itself, its
 * problems and its simulation highlight. Each field keeps its identity while
 * unchanged, so memoised views skip re-rendering.
 */
import type { Node } from '@xyflow/react';
import type { Problem } from '../../runtime/checks/checkFlow.ts';
import type { FlowEdge, FlowNode } from '../../runtime/document/flow.ts';

export type SimHighlight = 'active' | 'visited' | null;

export type NodeViewData = {
  node: FlowNode;
  problems: Problem[];
  sim: SimHighlight;
};

export type FlowRFNode = Node<NodeViewData>;

export type EdgeViewData = { edge: FlowEdge };

/** The target handle id every node with an input uses. */
export const INPUT_HANDLE = 'in';
