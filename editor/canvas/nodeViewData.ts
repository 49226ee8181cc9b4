/**
 * What a node view receives from the canvas: the flow node itself, its
 * problems, its simulation highlight and its comparison mark. Each field keeps its identity while
 * unchanged, so memoised views skip re-rendering.
 */
import type { Node } from '@xyflow/react';
import type { Problem } from '../../runtime/checks/checkFlow.ts';
import type { FlowEdge, FlowNode } from '../../runtime/document/flow.ts';

export type SimHighlight = 'active' | 'visited' | null;
/** How a node differs from the baseline the flow is being compared with (Compare panel); removed nodes are not drawn. */
export type DiffMark = 'added' | 'changed' | 'moved' | null;
/** The word for each kind of difference, on the node's tag and in the Compare panel. */
export const DIFF_WORDS = { added: 'new', changed: 'changed', moved: 'moved', removed: 'removed' } as const;

export type NodeViewData = {
  node: FlowNode;
  problems: Problem[];
  sim: SimHighlight;
  /** Absent when nothing is being compared. */
  diff?: DiffMark;
};

export type FlowRFNode = Node<NodeViewData>;

export type EdgeViewData = { edge: FlowEdge };

/** The target handle id every node with an input uses. */
export const INPUT_HANDLE = 'in';
